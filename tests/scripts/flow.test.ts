/** npm run flow: a form's flow without a whole build, written where the build puts it or printed. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const flow = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/flow.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });

const script = suite('npm run flow');
let buildDir = '';
script.before(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'asc-forms-flow-'));
});
script.after(async () => {
  await rm(buildDir, { recursive: true, force: true });
});

script("should write every version's picture and words into the build's flows folder, and say where", async () => {
  const { stdout } = await flow(['dols-form-1'], { BUILD_DIR: buildDir });
  const dir = join(buildDir, 'public', 'flows');
  assert.equal((await readdir(dir)).sort(), [
    'dols-form-1-v1.md',
    'dols-form-1-v1.svg',
    'dols-form-1-v2.md',
    'dols-form-1-v2.svg',
  ]);
  assert.match(stdout, `dols-form-1 v2: ${join(dir, 'dols-form-1-v2.svg')} and ${join(dir, 'dols-form-1-v2.md')}`);
});

script('should print one version in words, or a draft file as a picture', async () => {
  const words = await flow(['dols-form-1', '2', '--markdown']);
  assert.match(words.stdout, /^# The pages of DoLS Form 1: standard request and urgent authorisation, version 2\n/);
  assert.match(
    words.stdout,
    /^ {3}- \*\*Only when\*\* "What is requested" is "A standard authorisation, and an urgent/m,
  );
  const picture = await flow(['forms/dols-form-2/v2.json', '--svg']);
  assert.match(picture.stdout, /^<svg [^>]*role="img"/);
  assert.match(picture.stdout, '<g class="page" data-page="consultation">');
});

script("should refuse a definition with problems, naming them, and a form that isn't there", async () => {
  const broken = await flow(['tests/scripts/broken/missing-label.json', '--markdown']).catch((e) => e);
  assert.is(broken.code, 1);
  assert.match(broken.stderr, 'has problems to mend first');
  assert.is(broken.stdout, '');
  const missing = await flow(['no-such-form']).catch((e) => e);
  assert.is(missing.code, 1);
  assert.match(missing.stderr, 'No definition of no-such-form');
});

script.run();
