/**
 * What the authors' preview serves from: a copy of the forms folder holding the last good version
 * of each file (the one the checker last found sound), and a build made from it. The author's
 * folder is checked whole on every change, as `npm run validate-forms` checks it; a file with
 * problems is not copied, so the preview goes on showing its last good version while the problems
 * are listed. A definition that changed gets its validators built again on their own (a fraction
 * of a second); the components are built once, at start, since an author changes no code.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { standaloneValidatorsSource, type FormDefinition, type PortalContent } from '../../engine/index.ts';
import type { BuildManifest } from '../../server/services/form-catalogue.ts';
import { buildBrowser } from '../lib/build-browser.ts';
import { checkFormFiles, findDefinitionFiles, type FileProblem } from '../lib/check-form-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const formatsModule = join(root, 'engine/values/formats.ts');
/** The engine's schemas the portal serves at /schemas/ (scripts/lib/build-server.ts copies the same). */
const SERVED_SCHEMAS = ['definition/definition.schema.json', 'contracts/portal.schema.json'];

export interface Workspace {
  /** The author's forms folder, watched and checked. */
  formsDir: string;
  /** The last good copy of it, which the preview's portal reads. */
  stagedDir: string;
  buildDir: string;
  /** What the checker found in the author's folder, the last time it looked. */
  problems: FileProblem[];
  /** Whether the staged copy has a portal.json: without one there is no portal to show. */
  ready: boolean;
  /**
   * Checks the author's folder again, copies each sound file that changed, builds what needs it;
   * resolves with the files now shown as they are in the author's folder.
   */
  refresh(): Promise<string[]>;
}

async function sameContent(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([
    readFile(a, 'utf8').catch(() => null),
    readFile(b, 'utf8').catch(() => null),
  ]);
  return left !== null && left === right;
}

/** One form version's validators, built alone (with the formats they use bundled in), under assets/forms. */
export async function buildValidators(definition: FormDefinition, buildDir: string): Promise<string> {
  const result = await build({
    stdin: { contents: standaloneValidatorsSource(definition, formatsModule), resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    nodePaths: [join(root, 'node_modules')],
    tsconfig: join(root, 'tsconfig.json'),
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 8).toUpperCase();
  const url = `/assets/forms/${definition.id}-v${definition.version}-${hash}.js`;
  await mkdir(join(buildDir, 'public/assets/forms'), { recursive: true });
  await writeFile(join(buildDir, 'public', url), code);
  return url;
}

async function readDefinitions(files: string[]): Promise<FormDefinition[]> {
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as FormDefinition));
}

/** The problems' files, as absolute paths. */
function filesWithProblems(problems: FileProblem[], cwd: string): Set<string> {
  return new Set(problems.map((p) => resolve(cwd, p.file)));
}

/**
 * Makes the staged copy and the build under `workDir` from the author's `formsDir`: every sound
 * file, the whole browser build once (a few seconds), then each change as it comes.
 */
export async function openWorkspace(formsDir: string, workDir: string, cwd = process.cwd()): Promise<Workspace> {
  const stagedDir = join(workDir, 'forms');
  const buildDir = join(workDir, 'build');
  await mkdir(stagedDir, { recursive: true });
  const check = () =>
    checkFormFiles([], { formsDir, lockPath: join(formsDir, 'published.lock.json'), cwd }).catch(
      (error: unknown): FileProblem[] => [
        {
          file: relative(cwd, join(formsDir, 'published.lock.json')),
          line: 1,
          column: 1,
          pointer: '',
          code: 'unreadable',
          message: `The forms folder could not be checked: ${(error as Error).message}`,
        },
      ],
    );

  /** Copies the sound files that differ and removes those gone; says which definitions were copied. */
  async function stage(problems: FileProblem[]): Promise<{ copied: string[]; definitions: string[] }> {
    const faulty = filesWithProblems(problems, cwd);
    const sources = [join(formsDir, 'portal.json'), ...(await findDefinitionFiles(formsDir))];
    const copied: string[] = [];
    const definitions: string[] = [];
    for (const source of sources) {
      const target = join(stagedDir, relative(formsDir, source));
      if (faulty.has(resolve(source)) || (await sameContent(source, target))) continue;
      await mkdir(dirname(target), { recursive: true });
      await copyFile(source, target);
      copied.push(source);
      if (basename(source) !== 'portal.json') definitions.push(target);
    }
    // A definition deleted from the author's folder leaves the preview too.
    for (const target of await findDefinitionFiles(stagedDir)) {
      const source = join(formsDir, relative(stagedDir, target));
      if (!(await readFile(source).catch(() => null))) {
        await rm(target);
        copied.push(source);
      }
    }
    return { copied, definitions };
  }

  const portalFile = join(stagedDir, 'portal.json');
  const hasPortal = async () => (await readdir(stagedDir)).includes('portal.json');
  // The components, the page and every staged definition's validators, in one esbuild run.
  const firstBuild = async () => {
    const portal = JSON.parse(await readFile(portalFile, 'utf8')) as PortalContent;
    await buildBrowser(await readDefinitions(await findDefinitionFiles(stagedDir)), portal, buildDir);
    for (const file of SERVED_SCHEMAS) {
      await mkdir(dirname(join(buildDir, 'schemas', file)), { recursive: true });
      await copyFile(join(root, 'engine', file), join(buildDir, 'schemas', file));
    }
  };
  const workspace: Workspace = {
    formsDir,
    stagedDir,
    buildDir,
    problems: await check(),
    ready: false,
    async refresh() {
      const problems = await check();
      workspace.problems = problems;
      const { copied, definitions } = await stage(problems);
      // Without a sound portal.json there is nothing to build the page from: the first good one builds it all.
      if (!workspace.ready) {
        if (await hasPortal()) {
          await firstBuild();
          workspace.ready = true;
        }
        return copied;
      }
      if (definitions.length) {
        const manifestFile = join(buildDir, 'manifest.json');
        const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as BuildManifest;
        for (const definition of await readDefinitions(definitions))
          manifest.validators[`${definition.id}@${definition.version}`] = await buildValidators(definition, buildDir);
        await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
      }
      return copied;
    },
  };
  await stage(workspace.problems);
  if (await hasPortal()) {
    await firstBuild();
    workspace.ready = true;
  }
  return workspace;
}
