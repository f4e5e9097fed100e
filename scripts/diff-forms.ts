/**
 * npm run diff-forms -- <form-id> <from> <to> [--json]
 *
 * Says what changed between two versions of a form (forms/<form-id>/v<from>.json and v<to>.json,
 * or FORMS_DIR's), and what it means for forms saved on the older version and for the case
 * system that reads the answers. --json prints the same as JSON, for tools. Exits 2 when the
 * arguments are wrong or a form or version is not there, 1 when a definition is not sound.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definitionProblems, diffForms, diffLines, type FormDefinition } from '../engine/index.ts';
import { DRAFT_LIFETIME_MS } from '../server/services/drafts.ts';
import { DAY } from '../server/services/clock.ts';

const USAGE = [
  'Usage: npm run diff-forms -- <form-id> <from-version> <to-version> [--json]',
  '  e.g. npm run diff-forms -- dols-form-1 1 2',
  'Says what changed between the two versions of the form in forms/<form-id>/, and what it means for',
  'forms saved on the older version and for the case system. --json prints the same as JSON.',
].join('\n');

const formsDir = process.env.FORMS_DIR ?? fileURLToPath(new URL('../forms', import.meta.url));

/** Stops with `message` (and the usage, for a mistake in the arguments). */
function fail(message: string, code: number, usage = false): never {
  console.error(usage ? `${message}\n\n${USAGE}` : message);
  process.exit(code);
}

const versionsIn = async (dir: string) =>
  (await readdir(dir))
    .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);

async function formIds(): Promise<string[]> {
  const entries = await readdir(formsDir, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name)))
    if ((await versionsIn(join(formsDir, entry.name))).length) ids.push(entry.name);
  return ids;
}

async function load(formId: string, version: number): Promise<FormDefinition> {
  const file = join(formsDir, formId, `v${version}.json`);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    const versions = await versionsIn(join(formsDir, formId));
    fail(`The form "${formId}" has no version ${version} (no ${file}). Its versions are ${versions.join(', ')}.`, 2);
  }
  let definition: FormDefinition;
  try {
    definition = JSON.parse(text) as FormDefinition;
  } catch (error) {
    fail(`${file} is not sound JSON (${(error as Error).message}): run npm run validate-forms -- ${file}`, 1);
  }
  const problems = definitionProblems(definition);
  if (problems.length)
    fail(
      `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}, so it cannot be compared: run npm run validate-forms -- ${file} to see and mend them.`,
      1,
    );
  return definition;
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--json');
if (unknown.length) fail(`Unknown option ${unknown.join(', ')}.`, 2, true);
const positional = args.filter((arg) => !arg.startsWith('-'));
if (positional.length !== 3)
  fail(
    `diff-forms needs a form id and two version numbers; it was given ${positional.length} argument${positional.length === 1 ? '' : 's'}.`,
    2,
    true,
  );
const [formId, fromArg, toArg] = positional as [string, string, string];
for (const arg of [fromArg, toArg])
  if (!/^[1-9]\d*$/.test(arg.replace(/^v/, '')))
    fail(`"${arg}" is not a version number: give one such as 1 or 2 (the N of vN.json).`, 2, true);
const [older, newer] = [fromArg, toArg].map((arg) => Number(arg.replace(/^v/, '')));
if (older! >= newer!)
  fail(
    `Give the older version first: ${formId} ${Math.min(older!, newer!)} ${Math.max(older!, newer!)}${older === newer ? ' (two different versions)' : ''}.`,
    2,
    true,
  );
const ids = await formIds();
if (!ids.includes(formId))
  fail(`There is no form "${formId}" in ${formsDir}. The forms are: ${ids.join(', ') || 'none'}.`, 2);

const from = await load(formId, Number(fromArg.replace(/^v/, '')));
const to = await load(formId, Number(toArg.replace(/^v/, '')));
const diff = diffForms(from, to, { savedFormDays: DRAFT_LIFETIME_MS / DAY });
console.log(args.includes('--json') ? JSON.stringify(diff, null, 2) : diffLines(diff).join('\n'));
