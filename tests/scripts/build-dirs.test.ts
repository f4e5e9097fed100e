/**
 * `npm run build` with FORMS_DIR and BUILD_DIR, as a council runs it on its own forms folder: the
 * build reads that folder and writes where it is told, and the server started on both serves
 * the council's forms. A folder without portal.json is refused with what to set.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestApp } from '../support/test-app.ts';
import { closeAtEnd } from '../support/shared.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const dirs = suite('npm run build with FORMS_DIR and BUILD_DIR');

dirs('should build the forms folder named, into the folder named, for a server started on both', async () => {
  const work = await mkdtemp(join(tmpdir(), 'asc-forms-dirs-'));
  closeAtEnd(() => rm(work, { recursive: true, force: true }));
  const formsDir = join(work, 'council-forms');
  await cp(join(root, 'forms'), formsDir, { recursive: true });
  // This council offers DoLS Form 2 alone.
  for (const id of ['dols-form-1', 'social-care-referral', 'occupational-therapy-referral'])
    await rm(join(formsDir, id), { recursive: true });
  // A draft of its next version, whose wording is not public until it is published.
  const v2 = JSON.parse(await readFile(join(formsDir, 'dols-form-2', 'v2.json'), 'utf8'));
  await writeFile(join(formsDir, 'dols-form-2', 'v3.json'), JSON.stringify({ ...v2, version: 3, status: 'draft' }));
  const buildDir = join(work, 'council-build');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, FORMS_DIR: formsDir, BUILD_DIR: buildDir },
  });
  assert.match(
    stdout,
    /Built the portal and 3 form versions into .*council-build: dols-form-2 v1, dols-form-2 v2, dols-form-2 v3/,
  );
  assert.ok(existsSync(join(buildDir, 'public', 'index.html')));
  assert.ok(existsSync(join(buildDir, 'public', 'flows', 'dols-form-2-v2.svg')));
  assert.not.ok(
    existsSync(join(buildDir, 'public', 'flows', 'dols-form-2-v3.svg')),
    'no flow of the draft is published',
  );
  assert.not.ok(existsSync(join(root, 'build', 'forms', 'council-forms')), 'nothing written into the project');

  const { baseUrl } = await startTestApp({ FORMS_DIR: formsDir, BUILD_DIR: buildDir, DATABASE_URL: '' });
  const { forms } = await (await fetch(`${baseUrl}/api/forms`)).json();
  assert.equal(
    forms.map((f: { id: string }) => f.id),
    ['dols-form-2'],
  );
  const form = await (await fetch(`${baseUrl}/api/forms/dols-form-2`)).json();
  assert.is(
    (await fetch(`${baseUrl}${form.validators}`)).status,
    200,
    'its validators are served from the build named',
  );
});

dirs('should refuse a FORMS_DIR that holds no forms, saying what to set', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'asc-forms-empty-'));
  closeAtEnd(() => rm(empty, { recursive: true, force: true }));
  const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, FORMS_DIR: empty, BUILD_DIR: join(empty, 'build') },
  }).catch((error) => error);
  assert.is(failure.code, 1);
  assert.match(failure.stderr, /FORMS_DIR: .* holds no portal\.json\. Point FORMS_DIR at the council's forms folder/);
  assert.not.match(failure.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

dirs.run();
