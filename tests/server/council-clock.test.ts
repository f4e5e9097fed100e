/**
 * "Today" on the server is the council's date, whatever zone the machine is set to: the portal run
 * as its own process under TZ=UTC, Pacific/Kiritimati (UTC+14) and America/Los_Angeles takes the
 * council's today for a date that must be "today or in the past", and refuses the council's
 * tomorrow, a minute either side of the council's midnight in summer time and in winter; the
 * confirmation email gives the time on the council's clock.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { registerOverApi, type Client } from '../support/http-client.ts';
import { loadFormCatalogue } from '../../server/services/form-catalogue.ts';
import { systemClock } from '../../server/services/clock.ts';
import { CLOCK_FORM_ID, NOT_IN_FUTURE, clockBuildDir, clockFormsDir } from '../support/clock-forms.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The portal in a process of its own, its machine in `tz`, its clock at `at` and moved with `setClock`. */
async function startPortal(env: Record<string, string>, at: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'tests/support/fixed-clock-portal.ts'), at],
    { cwd: root, env: { ...process.env, ...env, NODE_ENV: 'test' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  closeAtEnd(async () => {
    child.kill('SIGKILL');
  });
  let output = '';
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The portal did not say ${pattern}:\n${output}`)), 30_000);
      const look = () => {
        const match = pattern.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(match);
      };
      child.stdout!.on('data', look);
      child.once('exit', () => reject(new Error(`The portal stopped:\n${output}`)));
      look();
    });
  const read = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const baseUrl = (await waitFor(/portal at (http:\/\/\S+)/))[1]!;
  return {
    baseUrl,
    child,
    async setClock(instant: string): Promise<void> {
      output = '';
      child.stdin!.write(`${instant}\n`);
      await waitFor(new RegExp(`clock at ${instant.replace('Z', '.000Z')}`));
    },
  };
}

/** A minute either side of midnight on the council's clock; the council's today, and the words the confirmation email gives the time in. */
interface Moment {
  at: string;
  today: string;
  tomorrow: string;
  sentOn: string;
}

const LONDON: Array<[Moment, Moment]> = [
  // British Summer Time: midnight in London is 23:00 UTC.
  [
    { at: '2026-07-01T22:59:00Z', today: '2026-07-01', tomorrow: '2026-07-02', sentOn: '1 July 2026 at 11:59pm' },
    { at: '2026-07-01T23:01:00Z', today: '2026-07-02', tomorrow: '2026-07-03', sentOn: '2 July 2026 at 12:01am' },
  ],
  // Greenwich Mean Time.
  [
    { at: '2026-12-01T23:59:00Z', today: '2026-12-01', tomorrow: '2026-12-02', sentOn: '1 December 2026 at 11:59pm' },
    { at: '2026-12-02T00:01:00Z', today: '2026-12-02', tomorrow: '2026-12-03', sentOn: '2 December 2026 at 12:01am' },
  ],
];

// Another council's: Pacific Daylight Time (UTC-7) in summer, Pacific Standard Time (UTC-8) in winter.
const LOS_ANGELES: Array<[Moment, Moment]> = [
  [
    { at: '2026-07-02T06:59:00Z', today: '2026-07-01', tomorrow: '2026-07-02', sentOn: '1 July 2026 at 11:59pm' },
    { at: '2026-07-02T07:01:00Z', today: '2026-07-02', tomorrow: '2026-07-03', sentOn: '2 July 2026 at 12:01am' },
  ],
  [
    { at: '2026-12-02T07:59:00Z', today: '2026-12-01', tomorrow: '2026-12-02', sentOn: '1 December 2026 at 11:59pm' },
    { at: '2026-12-02T08:01:00Z', today: '2026-12-02', tomorrow: '2026-12-03', sentOn: '2 December 2026 at 12:01am' },
  ],
];

const CASES: Array<{ machine: string; council: string | undefined; moments: Array<[Moment, Moment]> }> = [
  { machine: 'UTC', council: 'Europe/London', moments: LONDON },
  { machine: 'Pacific/Kiritimati', council: 'Europe/London', moments: LONDON },
  { machine: 'America/Los_Angeles', council: 'Europe/London', moments: LONDON },
  // A portal.json that names no zone counts in Europe/London.
  { machine: 'Pacific/Kiritimati', council: undefined, moments: LONDON },
  { machine: 'Europe/London', council: 'America/Los_Angeles', moments: LOS_ANGELES },
];

const submit = (as: Client, grantedOn: string) =>
  as.post('/api/submissions', {
    formId: CLOCK_FORM_ID,
    formVersion: 1,
    answers: { grantedOn },
    idempotencyKey: randomUUID(),
  });

const clock = suite("The server's today, on the council's clock");

for (const { machine, council, moments } of CASES) {
  clock(
    `on a machine in ${machine}, a council in ${council ?? 'the default zone'}: should take the council's today and refuse its tomorrow either side of its midnight, and email the council's time`,
    async () => {
      const smtp = await startSmtpServer();
      closeAtEnd(smtp.close);
      const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-clock-'));
      closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
      const portal = await startPortal(
        {
          TZ: machine,
          BUILD_DIR: await clockBuildDir(),
          FORMS_DIR: await clockFormsDir(council),
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          SMTP_URL: smtp.url,
          PASSWORD_HASH_COST: '12',
          RATE_LIMIT_SCALE: '100',
        },
        moments[0]![0].at,
      );
      try {
        for (const [season, pair] of moments.entries()) {
          await portal.setClock(pair[0].at);
          // Months apart, each season signs in afresh.
          const email = `clock.${season}.${process.pid}@example.org`;
          const as = await registerOverApi(portal.baseUrl, smtp, email);
          for (const moment of pair) {
            await portal.setClock(moment.at);
            const accepted = await submit(as, moment.today);
            assert.is(accepted.status, 201, `${moment.today} at ${moment.at}: ${JSON.stringify(accepted.body)}`);
            const mail = await smtp.nextTo(email);
            assert.match(mail.text, `sent on ${moment.sentOn}.`);
            const refused = await submit(as, moment.tomorrow);
            assert.is(refused.status, 400, `${moment.tomorrow} at ${moment.at}`);
            assert.equal(refused.body.error.fields, [{ field: 'grantedOn', message: NOT_IN_FUTURE }]);
          }
        }
      } finally {
        portal.child.kill('SIGKILL');
      }
    },
  );
}

clock('should not start with a time zone in portal.json that is not one, and say what to write', async () => {
  const failure = await loadFormCatalogue(await clockFormsDir('BST'), await clockBuildDir(), systemClock).catch(
    (error: Error) => error,
  );
  assert.instance(failure, Error);
  assert.match((failure as Error).message, 'council.timeZone "BST" is not a time zone');
  assert.match((failure as Error).message, 'Use an IANA time zone such as "Europe/London"');
});

clock.run();
