/**
 * `npm run diff-forms -- <form-id> <from> <to> [--json]` as an author runs it: the words, the same
 * as JSON, and a plain refusal (exit 2) for arguments that name no form or version.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { diffForms } from '../../engine/index.ts';
import { loadDefinition } from '../fixtures/forms.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function runDiffForms(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'scripts/diff-forms.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const cli = suite('npm run diff-forms (the command)');

cli('should be the npm script diff-forms', async () => {
  const scripts = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).scripts;
  assert.is(scripts['diff-forms'], 'tsx scripts/diff-forms.ts');
});

cli('should say in words what changed in DoLS Form 1 and what it means, exiting 0', async () => {
  const { code, stdout } = await runDiffForms(['dols-form-1', '1', '2']);
  assert.is(code, 0);
  const lines = stdout.split('\n');
  assert.is(
    lines[0],
    'dols-form-1: version 1 (retired) → version 2 (published), “DoLS Form 1: standard request and urgent authorisation”',
  );
  for (const line of [
    'Pages',
    "  Removed page “The person's views” (persons-views), was page 13",
    '  Added question "contactIsReferrer" on page “Who is dealing with this request” (contact-for-this-request): “Are you the person dealing with this request?”, yes or no (yesNo)',
    '  Removed warning "under18Warning" from page “About the person” (the-person): “This date of birth means the person is under 18. The Deprivation of Liberty Saf…”',
    'Forms saved on version 1',
    '  Forms saved on version 1 can still be finished: they carry on on version 1, and can be opened, saved and sent until they are sent or their saved copy expires, 30 days after its last save.',
    'The case system (answers schema urn:asc-forms:dols-form-1:v1:answers → urn:asc-forms:dols-form-1:v2:answers)',
    '  No change breaks an integrator.',
  ])
    assert.ok(lines.includes(line), `no line\n${line}\nin\n${stdout}`);
});

cli('should print the same as JSON with --json, as the engine gives it', async () => {
  const { code, stdout } = await runDiffForms(['--json', 'dols-form-2', '1', '2']);
  assert.is(code, 0);
  const expected = diffForms(loadDefinition('dols-form-2', 1), loadDefinition('dols-form-2', 2), { savedFormDays: 30 });
  assert.equal(JSON.parse(stdout), JSON.parse(JSON.stringify(expected)));
});

cli('should say which changes break the case system for a pair in FORMS_DIR', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'diff-forms-'));
  try {
    await cp(join(root, 'forms/social-care-referral'), join(dir, 'social-care-referral'), { recursive: true });
    const v2 = JSON.parse(await readFile(join(dir, 'social-care-referral/v2.json'), 'utf8'));
    // The NHS number question taken out: a field the case system may read is gone.
    for (const page of v2.pages)
      page.questions = page.questions?.filter((q: { id?: string }) => q.id !== 'personNhsNumber');
    await writeFile(join(dir, 'social-care-referral/v2.json'), JSON.stringify(v2));
    const { code, stdout } = await runDiffForms(['social-care-referral', '1', '2'], { FORMS_DIR: dir });
    assert.is(code, 0, stdout);
    const lines = stdout.split('\n');
    assert.ok(
      lines.some((line) => line.startsWith('  Removed question "personNhsNumber"')),
      stdout,
    );
    assert.ok(
      lines.includes('  Some changes break an integrator: change the case system before this version is published.'),
      stdout,
    );
    assert.ok(lines.includes('  Breaking: the case system must change to read them (1):'), stdout);
    assert.ok(
      lines.some((line) => line.startsWith('    "personNhsNumber" is gone')),
      stdout,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

cli('should refuse a definition that is not sound, pointing to validate-forms, exiting 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'diff-forms-'));
  try {
    await cp(join(root, 'forms/dols-form-2'), join(dir, 'dols-form-2'), { recursive: true });
    await writeFile(join(dir, 'dols-form-2/v2.json'), JSON.stringify({ id: 'dols-form-2', version: 2 }));
    const { code, stderr } = await runDiffForms(['dols-form-2', '1', '2'], { FORMS_DIR: dir });
    assert.is(code, 1);
    assert.match(
      stderr,
      /dols-form-2\/v2\.json has \d+ problems?, so it cannot be compared: run npm run validate-forms -- /,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const refusals: Array<[string, string[], RegExp]> = [
  [
    'no arguments',
    [],
    /needs a form id and two version numbers; it was given 0 arguments\.\n\nUsage: npm run diff-forms -- <form-id> <from-version> <to-version> \[--json\]/,
  ],
  ['one version only', ['dols-form-1', '1'], /it was given 2 arguments[\s\S]*Usage: npm run diff-forms/],
  [
    'a form that is not there',
    ['dols-form-3', '1', '2'],
    /There is no form "dols-form-3" in .*forms\. The forms are: dols-form-1, dols-form-2, occupational-therapy-referral, social-care-referral\./,
  ],
  [
    'a version that is not there',
    ['dols-form-1', '1', '3'],
    /The form "dols-form-1" has no version 3 \(no .*v3\.json\)\. Its versions are 1, 2\./,
  ],
  [
    'a version that is not a number',
    ['dols-form-1', 'one', '2'],
    /"one" is not a version number: give one such as 1 or 2/,
  ],
  ['an option it does not know', ['dols-form-1', '1', '2', '--yaml'], /Unknown option --yaml\.[\s\S]*Usage:/],
  ['versions the wrong way round', ['dols-form-1', '2', '1'], /Give the older version first: dols-form-1 1 2\./],
  [
    'the same version twice',
    ['dols-form-1', '2', '2'],
    /Give the older version first: dols-form-1 2 2 \(two different versions\)\./,
  ],
];

for (const [name, args, message] of refusals)
  cli(`should refuse ${name}, saying why, exiting 2`, async () => {
    const { code, stdout, stderr } = await runDiffForms(args);
    assert.is(code, 2);
    assert.is(stdout, '');
    assert.match(stderr, message);
  });

cli('should print how to use it with --help, exiting 0', async () => {
  const { code, stdout } = await runDiffForms(['--help']);
  assert.is(code, 0);
  assert.match(
    stdout,
    /^Usage: npm run diff-forms -- <form-id> <from-version> <to-version> \[--json\]\n {2}e\.g\. npm run diff-forms -- dols-form-1 1 2/,
  );
});

cli('should take a version written as its file calls it (v1)', async () => {
  const { code, stdout } = await runDiffForms(['dols-form-2', 'v1', 'v2']);
  assert.is(code, 0);
  assert.match(stdout, /^dols-form-2: version 1 \(retired\) → version 2 \(published\)/);
});

cli.run();
