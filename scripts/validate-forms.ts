/**
 * npm run validate-forms [--json] [--lock] [paths...]
 *
 * Checks form definitions (all of forms/ when no paths are given) and prints each problem as
 * `file:line:column  /json/pointer  message`, or as JSON with --json. Exits 0 only when every
 * file is sound. --lock records newly published versions in forms/published.lock.json first.
 */
import { fileURLToPath } from 'node:url';
import { checkFormFiles, recordPublished } from './lib/check-form-files.ts';
import { LockSyntaxError } from './lib/published-lock.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = { formsDir: `${root}forms`, lockPath: `${root}forms/published.lock.json` };
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const paths = args.filter((arg) => !arg.startsWith('--'));
const unknown = args.filter((arg) => arg.startsWith('--') && !['--json', '--lock'].includes(arg));
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(', ')}. Usage: npm run validate-forms -- [--json] [--lock] [paths...]`);
  process.exit(2);
}

if (args.includes('--lock')) {
  try {
    const { added, heldBack } = await recordPublished(options);
    if (heldBack.length)
      console.error(
        `Not recorded, as their files have problems (below): ${heldBack.join(', ')}. Fix them first: a version is frozen once it is recorded.`,
      );
    if (added.length) console.error(`Recorded in published.lock.json: ${added.join(', ')}`);
    else if (!heldBack.length) console.error('published.lock.json already records every published version.');
  } catch (error) {
    // The check below says where the lock file is broken and how to mend it.
    if (!(error instanceof LockSyntaxError)) throw error;
    console.error('Nothing recorded: published.lock.json cannot be read.');
  }
}
const problems = await checkFormFiles(paths, options);
if (asJson) {
  console.log(JSON.stringify(problems, null, 2));
} else {
  for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}  ${p.pointer || '/'}  ${p.message}`);
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(
    problems.length
      ? `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`
      : 'Every form definition is sound.',
  );
}
process.exitCode = problems.length ? 1 : 0;
