/**
 * The forms the portal offers, loaded and compiled once at start: each version's definition, its
 * compiled form (for checking answers on the server: "today" is the date in the council's time
 * zone by the server's clock, whatever zone the machine is set to) and where the browser finds its precompiled
 * validators. Drafts are never offered (only the authors' preview, `npm run preview`, asks for
 * them); a retired version is still served by its number, for forms saved on it, and takes no
 * new forms (refuseNewForm).
 */
import { readFile } from 'node:fs/promises';
import {
  compileForm,
  DEFAULT_TIME_ZONE,
  isTimeZone,
  outcomeProblems,
  type CompiledForm,
  type FormDefinition,
  type FormSummary,
  type PortalContent,
} from '../../engine/index.ts';
import { findDefinitionFiles } from './definition-files.ts';
import type { Clock } from './clock.ts';
import { ConflictError } from './errors.ts';
import { ConfigError } from '../config/config-error.ts';

/** What the build wrote (build/manifest.json): the files the portal and the forms load. */
export interface BuildManifest {
  /**
   * The portal page's script (both components), and the portal's own pages (home, referrals,
   * DoLS), which their addresses preload; its style is in the page (PAGE_STYLE).
   */
  app: { js: string; screens: string };
  /** <asc-form> alone, for embedding one form in another page (which loads it by /embed/asc-form.js, the same every build). */
  embed: string;
  /** The council staff's pages (<asc-staff>), served at /staff. */
  staff: string;
  /** Each form version's validators module, by "id@version". */
  validators: Record<string, string>;
}

export interface CatalogueEntry {
  definition: FormDefinition;
  /** The compiled form, on the server's clock and the council's time zone: `form.check` is what every save and submission goes through. */
  form: CompiledForm;
  validatorsUrl: string;
}

export interface FormCatalogue {
  /** portal.json's content, with the council's time zone filled in when it names none. */
  portal: PortalContent;
  /** The council's time zone (portal.json's council.timeZone, Europe/London unless it names one): today, and every date and time people read, are counted in it. */
  timeZone: string;
  manifest: BuildManifest;
  /** The forms open for new referrals, each at its latest published version. */
  list(): FormSummary[];
  /** A version of a form (the latest published when none is given); null when there is none. */
  get(formId: string, version?: number): CatalogueEntry | null;
}

/** A new form (a first save, or a submission with no saved copy) on a version that is retired. */
export class RetiredVersionError extends ConflictError {
  override readonly name = 'RetiredVersionError';
  constructor(
    readonly formId: string,
    readonly currentVersion: number | null,
    message: string,
  ) {
    super('retired-version', message);
  }
}

/**
 * Refuses a new form on a retired version, pointing to the version in use now. Forms saved on it
 * before it was retired are not new: they can still be saved and sent.
 */
export function refuseNewForm(catalogue: FormCatalogue, entry: CatalogueEntry): void {
  const { id, version, title, status } = entry.definition;
  if (status !== 'retired') return;
  const current = catalogue.get(id);
  throw new RetiredVersionError(
    id,
    current?.definition.version ?? null,
    current
      ? `Version ${version} of ‘${title}’ has been replaced by version ${current.definition.version}, and new forms cannot be started on it. Start the form again to use the current version.`
      : `‘${title}’ is no longer taking new forms.`,
  );
}

/** A JSON file of the forms folder; one missing or broken is a setting to correct, named as such. */
async function readFormsFile<T>(file: string, formsDir: string): Promise<T> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ConfigError([
      {
        variable: 'FORMS_DIR',
        message: `${formsDir} holds no ${file.slice(formsDir.length + 1)}; set FORMS_DIR to the council's forms folder (portal.json and a folder per form)`,
      },
    ]);
  });
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ConfigError([
      {
        variable: 'FORMS_DIR',
        message: `${file} is not sound JSON (${(error as Error).message}); \`npm run validate-forms\` shows the line to correct`,
      },
    ]);
  }
}

export interface CatalogueOptions {
  /**
   * Offer drafts too, each form at its newest version that is not retired, draft or not: for the
   * form authors' preview on their own computer, never for the portal.
   */
  drafts?: boolean;
}

export async function loadFormCatalogue(
  formsDir: string,
  buildDir: string,
  clock: Clock,
  { drafts = false }: CatalogueOptions = {},
): Promise<FormCatalogue> {
  const now = () => new Date(clock.now());
  const manifestText = await readFile(`${buildDir}/manifest.json`, 'utf8').catch(() => {
    throw new ConfigError([
      {
        variable: 'BUILD_DIR',
        message: `no build is at ${buildDir}/manifest.json; run \`npm run build\` first (npm start does it for you), or set BUILD_DIR to where the build is`,
      },
    ]);
  });
  const manifest = JSON.parse(manifestText) as BuildManifest;
  const content = await readFormsFile<PortalContent>(`${formsDir}/portal.json`, formsDir);
  const timeZone = content.council.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone))
    throw new Error(
      `${formsDir}/portal.json: council.timeZone "${timeZone}" is not a time zone. Use an IANA time zone such as "Europe/London" (\`npm run validate-forms\` shows where).`,
    );
  // The triage team could not close a referral without them: better at start than at a click.
  const outcomeIssues = outcomeProblems(content);
  if (outcomeIssues.length)
    throw new Error(
      `${formsDir}/portal.json's outcomes are not as they should be (\`npm run validate-forms\` shows where):\n${outcomeIssues.map((p) => `  ${p.pointer}  ${p.message}`).join('\n')}`,
    );
  const portal: PortalContent = { ...content, council: { ...content.council, timeZone } };
  const byForm = new Map<string, CatalogueEntry[]>();
  for (const file of await findDefinitionFiles(formsDir)) {
    const definition = await readFormsFile<FormDefinition>(file, formsDir);
    if (definition.status === 'draft' && !drafts) continue;
    const validatorsUrl = manifest.validators[`${definition.id}@${definition.version}`];
    if (!validatorsUrl)
      throw new ConfigError([
        {
          variable: 'BUILD_DIR',
          message: `the build has no validators for ${definition.id} v${definition.version}, which is in FORMS_DIR; build again from these forms (npm run build, with the same FORMS_DIR)`,
        },
      ]);
    const entries = byForm.get(definition.id) ?? [];
    entries.push({ definition, form: compileForm(definition, { now, timeZone }), validatorsUrl });
    byForm.set(
      definition.id,
      entries.sort((a, b) => a.definition.version - b.definition.version),
    );
  }
  const offered = drafts ? ['published', 'draft'] : ['published'];
  const latest = (entries: CatalogueEntry[]) => entries.filter((e) => offered.includes(e.definition.status)).at(-1);
  return {
    portal,
    timeZone,
    manifest,
    list: () =>
      [...byForm.values()].flatMap((entries) => {
        const entry = latest(entries);
        return entry
          ? [
              {
                id: entry.definition.id,
                title: entry.definition.title,
                description: entry.definition.description,
                version: entry.definition.version,
              },
            ]
          : [];
      }),
    get: (formId, version) => {
      const entries = byForm.get(formId);
      if (!entries) return null;
      if (version === undefined) return latest(entries) ?? null;
      return entries.find((e) => e.definition.version === version) ?? null;
    },
  };
}
