/**
 * What the portal keeps in DATA_DIR on a laptop install (SQLite, mail and deliveries written to
 * files, keys made on first start) is for the server's user alone: folders 0700, files 0600,
 * after start and after writing, and tightened on start where an earlier install left them looser.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { manualClock, DAY, HOUR } from '../../server/services/clock.ts';
import { createRepositories } from '../../server/repositories/index.ts';
import { forgetExpired } from '../../server/services/housekeeping.ts';
import { client, registerOverApi, TEST_PASSWORD } from '../support/http-client.ts';
import type { ReceivedMail } from '../support/smtp.ts';
import { startTestApp } from '../support/test-app.ts';
import { closeAtEnd } from '../support/shared.ts';
import { loadForms } from '../fixtures/forms.ts';

const test = suite('Files under DATA_DIR');
const dols1 = loadForms().find((f) => f.definition.id === 'dols-form-1')!;

/** Every folder and file under `dir` (itself included), with its permission bits. */
async function permissions(dir: string): Promise<Map<string, { folder: boolean; mode: number }>> {
  const found = new Map<string, { folder: boolean; mode: number }>();
  const walk = async (path: string, name: string) => {
    const info = await stat(path);
    found.set(name, { folder: info.isDirectory(), mode: info.mode & 0o777 });
    if (info.isDirectory())
      for (const entry of await readdir(path)) await walk(join(path, entry), name ? `${name}/${entry}` : entry);
  };
  await walk(dir, '');
  return found;
}

function assertPrivate(found: Map<string, { folder: boolean; mode: number }>, expected: string[]) {
  for (const name of expected) assert.ok(found.has(name), `${name} is there`);
  for (const [name, { folder, mode }] of found)
    assert.is(mode.toString(8), folder ? '700' : '600', `${name || 'DATA_DIR'} is for the server's user alone`);
}

/** The emails the portal wrote to DATA_DIR/mail, read as a mailbox. */
function mailFolder(dataDir: string) {
  const taken = new Set<string>();
  return {
    async nextTo(address: string): Promise<ReceivedMail> {
      for (let tries = 0; tries < 100; tries++) {
        const files = (await readdir(join(dataDir, 'mail')).catch(() => [])).sort();
        for (const file of files.filter((f) => !taken.has(f))) {
          const mail = await simpleParser(await readFile(join(dataDir, 'mail', file)));
          const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
          if (!to?.includes(address)) continue;
          taken.add(file);
          return { to, subject: mail.subject ?? '', text: mail.text ?? '', html: '' };
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No email to ${address} in ${dataDir}/mail`);
    },
  };
}

test('should keep the database, its journal, the keys, mail and deliveries for the server alone', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-perms-'));
  closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
  // As a shared server's default umask would leave them, and as an earlier install did.
  await chmod(dataDir, 0o755);
  const clock = manualClock();
  const { app, baseUrl } = await startTestApp({ DATA_DIR: dataDir }, { clock });

  assertPrivate(await permissions(dataDir), [
    '',
    'asc-forms.sqlite',
    'asc-forms.sqlite-wal',
    'asc-forms.sqlite-shm',
    'secret.key',
    'answers.key',
  ]);

  const referrer = await registerOverApi(baseUrl, mailFolder(dataDir), 'perms@example.org');
  const saved = await referrer.post('/api/drafts', {
    formId: 'dols-form-1',
    formVersion: dols1.definition.version,
    pageId: 'the-person',
    answers: { personFullName: 'Pat Jones' },
  });
  assert.is(saved.status, 201, JSON.stringify(saved.body));
  const sent = await referrer.post('/api/submissions', {
    formId: 'dols-form-1',
    formVersion: dols1.definition.version,
    answers: dols1.answers,
    idempotencyKey: randomUUID(),
  });
  assert.is(sent.status, 201, JSON.stringify(sent.body));
  await app.sendOutbox();

  const found = await permissions(dataDir);
  assertPrivate(found, ['mail', 'deliveries', `deliveries/${sent.body.submission.reference}.json`]);
  assert.ok([...found.keys()].filter((name) => name.startsWith('mail/')).length >= 2, 'the emails are there');
});

test('should tighten what an earlier install left readable by others, at start', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-perms-'));
  closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
  await startTestApp({ DATA_DIR: dataDir });
  for (const [name, { folder }] of await permissions(dataDir)) await chmod(join(dataDir, name), folder ? 0o755 : 0o644);

  await startTestApp({ DATA_DIR: dataDir });
  assertPrivate(await permissions(dataDir), ['', 'asc-forms.sqlite', 'secret.key', 'answers.key']);
});

test('should leave no trace of a registration nobody finished in the database files, once housekeeping has forgotten it', async () => {
  // Names no form, template or other row holds, to look for in the files' bytes.
  const forename = 'Quillon';
  const surname = 'Vantablack-Ozymandias';
  const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-canary-'));
  closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
  const clock = manualClock();
  const { app, baseUrl } = await startTestApp({ DATA_DIR: dataDir }, { clock });
  const started = await client(baseUrl).post('/api/account/registrations', {
    forename,
    surname,
    email: 'canary@example.org',
    password: TEST_PASSWORD,
    confirmPassword: TEST_PASSWORD,
  });
  assert.is(started.status, 202, JSON.stringify(started.body));
  // The write-ahead log first: a checkpoint running meanwhile copies it into the database before
  // emptying it, so a row read neither in the log nor, after it, in the database is in no file.
  const databaseFiles = async () =>
    (await readdir(dataDir))
      .filter((name) => name.startsWith('asc-forms.sqlite') && !name.endsWith('-shm'))
      .sort((a, b) => Number(b.endsWith('-wal')) - Number(a.endsWith('-wal')));
  const holding = async (text: string) => {
    const found: string[] = [];
    for (const name of await databaseFiles())
      if ((await readFile(join(dataDir, name))).includes(text)) found.push(name);
    return found;
  };
  assert.ok((await holding(surname)).length > 0, 'the search finds the name while the registration is kept');

  clock.advance(DAY + HOUR);
  const forgotten = await forgetExpired(createRepositories(app.db), clock.now());
  assert.is(forgotten.registrations, 1);
  assert.equal(await holding(surname), [], 'the surname is in no database file');
  assert.equal(await holding(forename), [], 'nor the forename');
});

test.run();
