/**
 * npm run flow -- <form-id | forms/<form-id>/v<N>.json> [<version>] [--markdown | --svg]
 *
 * Draws a form's flow for its authors without a whole build: writes <form-id>-v<N>.svg and .md
 * into <build>/public/flows (every version of the form when no version is given), as
 * `npm run build` does, and says where. With --markdown or --svg it prints that one instead, for
 * a draft read before it is published. FORMS_DIR and BUILD_DIR choose the folders, as for the build.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definitionProblems, flowMarkdown, flowSvg, formFlow, type FormDefinition } from '../engine/index.ts';
import { writeFlowFiles } from './lib/build-flows.ts';
import { findDefinitionFiles } from './lib/check-form-files.ts';

const USAGE = 'Usage: npm run flow -- <form-id | forms/<form-id>/v<N>.json> [<version>] [--markdown | --svg]';
const root = fileURLToPath(new URL('..', import.meta.url));
const formsDir = process.env.FORMS_DIR ? resolve(process.env.FORMS_DIR) : `${root}forms`;
const buildDir = process.env.BUILD_DIR ? resolve(process.env.BUILD_DIR) : `${root}build`;

const args = process.argv.slice(2);
const options = args.filter((arg) => arg.startsWith('--'));
const [form, version, ...extra] = args.filter((arg) => !arg.startsWith('--'));
const unknown = options.filter((option) => !['--markdown', '--svg'].includes(option));
if (!form || extra.length || unknown.length || options.length > 1 || (version && !/^\d+$/.test(version))) {
  console.error(unknown.length ? `Unknown option ${unknown.join(', ')}. ${USAGE}` : USAGE);
  process.exit(2);
}

async function filesOf(form: string, version: string | undefined): Promise<string[]> {
  if (form.endsWith('.json')) return [resolve(form)];
  const all = await findDefinitionFiles(formsDir);
  return all.filter(
    (file) => basename(dirname(file)) === form && (version === undefined || basename(file) === `v${version}.json`),
  );
}

const files = await filesOf(form, version);
if (files.length === 0) {
  console.error(`No definition of ${form}${version ? ` version ${version}` : ''} in ${formsDir}. ${USAGE}`);
  process.exit(1);
}
const definitions: FormDefinition[] = [];
for (const file of files) {
  const definition = JSON.parse(await readFile(file, 'utf8')) as FormDefinition;
  const problems = definitionProblems(definition);
  if (problems.length) {
    console.error(`${file} has problems to mend first (npm run validate-forms -- ${file} says where):`);
    for (const problem of problems) console.error(`  ${problem.pointer || '/'}  ${problem.message}`);
    process.exit(1);
  }
  definitions.push(definition);
}

if (options[0]) {
  const render = options[0] === '--svg' ? flowSvg : flowMarkdown;
  for (const definition of definitions) process.stdout.write(render(formFlow(definition)));
} else {
  for (const written of await writeFlowFiles(definitions, join(buildDir, 'public', 'flows')))
    console.log(`${written.id} v${written.version}: ${written.svg} and ${written.markdown}`);
}
