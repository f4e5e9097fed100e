/**
 * The portal's settings, checked whole at start: each mistake an operator makes in the
 * environment gets a line saying what is wrong and how to fix it, every one of them at once, in
 * one ConfigError; the commands that start print them with no stack and exit non-zero; a
 * PostgreSQL that will not take the connection is said plainly. Secrets are never repeated.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, contentSecurityPolicy, readConfig } from '../../server/index.ts';
import { envSchema } from '../../server/config/env-schema.ts';
import { assertDatabaseReachable } from '../../server/db/reachable.ts';
import { POSTGRES_ADMIN_URL, testDatabases } from '../support/databases.ts';
import { runToExit } from '../support/portal-process.ts';
import { closeAtEnd } from '../support/shared.ts';
import { sharedBuild } from '../support/shared-build.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The problems readConfig finds in `env`, as `VARIABLE: message` lines; none when it reads it. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    assert.instance(error, ConfigError);
    return (error as ConfigError).problems.map(({ variable, message }) => `${variable}: ${message}`);
  }
}

/** Asserts that `env` has exactly one problem, and that it matches `message`. */
function refuses(env: Record<string, string>, message: RegExp): string {
  const problems = problemsOf(env);
  assert.is(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, message);
  return problems[0]!;
}

const production = {
  NODE_ENV: 'production',
  TRUST_PROXY: '1',
  ANSWERS_KEYS: `2026-11:${'ab'.repeat(32)}`,
  SESSION_SECRET: 'ef'.repeat(32),
  WEBHOOK_URL: 'https://cases.example.gov.uk/referrals',
  WEBHOOK_SECRET: 'cd'.repeat(32),
  PUBLIC_URL: 'https://forms.example.gov.uk',
  SMTP_URL: 'smtp://mail.example.gov.uk:587',
  MAIL_FROM: 'no-reply@example.gov.uk',
  DATA_DIR: '/var/lib/asc-forms',
};

const settings = suite('Server settings, read from the environment');

settings('should refuse a NODE_ENV other than production, development or test, saying production in lower case', () => {
  for (const written of ['Production', 'PRODUCTION', 'prod']) {
    const problems = problemsOf({ ...production, NODE_ENV: written });
    assert.equal(problems, [
      `NODE_ENV: "${written}" is not one of production, development, test; write production, in lower case`,
    ]);
  }
  for (const written of ['production', 'development', 'test', '']) {
    const env = written === 'production' ? production : { NODE_ENV: written };
    assert.is(readConfig(env).production, written === 'production', written);
  }
});

settings('should report what production requires even when NODE_ENV is miswritten', () => {
  const problems = problemsOf({ NODE_ENV: 'Production' }).map((line) => line.split(':')[0]);
  assert.equal(problems, [
    'NODE_ENV',
    'TRUST_PROXY',
    'ANSWERS_KEYS',
    'SESSION_SECRET',
    'WEBHOOK_URL',
    'SMTP_URL',
    'MAIL_FROM',
    'DATA_DIR',
    'PUBLIC_URL',
  ]);
});

settings('should take a key pair or a shared secret to sign deliveries with, and refuse neither, naming both', () => {
  const { WEBHOOK_SECRET: _, ...withoutSecret } = production;
  refuses(withoutSecret, /^WEBHOOK_SECRET: it or WEBHOOK_SIGNING_KEYS is needed with WEBHOOK_URL/);
  const signed = readConfig({ ...withoutSecret, WEBHOOK_SIGNING_KEYS: ' /etc/asc/new.pem, /etc/asc/old.pem ' });
  assert.equal(signed.webhook?.signingKeyFiles, ['/etc/asc/new.pem', '/etc/asc/old.pem']);
  assert.is(signed.webhook?.secret, undefined);
  refuses({ ...withoutSecret, WEBHOOK_SIGNING_KEYS: ' , ' }, /^WEBHOOK_SIGNING_KEYS: it names no file/);
});

settings('should require one SESSION_SECRET in production, so every process behind a load balancer shares it', () => {
  const { SESSION_SECRET: _, ...withoutSecret } = production;
  refuses(withoutSecret, /^SESSION_SECRET: in production every process must share one key .*openssl rand -hex 32/);
  assert.is(readConfig(production).sessionSecret, production.SESSION_SECRET);
});

settings(
  'should require in production a mail server, a sender the council owns and a data folder named in full',
  () => {
    const { SMTP_URL: _smtp, MAIL_FROM: _from, DATA_DIR: _data, ...without } = production;
    refuses(
      { ...without, MAIL_FROM: production.MAIL_FROM, DATA_DIR: '/srv/asc' },
      /^SMTP_URL: in production the portal's emails .* must be sent/,
    );
    refuses(
      { ...without, SMTP_URL: production.SMTP_URL, DATA_DIR: '/srv/asc' },
      /^MAIL_FROM: in production .*no-reply@sefton\.gov\.uk/,
    );
    refuses(
      { ...without, SMTP_URL: production.SMTP_URL, MAIL_FROM: production.MAIL_FROM },
      /^DATA_DIR: in production .*absolute path/,
    );
    refuses({ ...production, DATA_DIR: 'data' }, /^DATA_DIR: it is relative/);
    // With PostgreSQL, the data folder keeps only the mail and deliveries folders' defaults: not required.
    assert.ok(
      readConfig({
        ...without,
        SMTP_URL: production.SMTP_URL,
        MAIL_FROM: production.MAIL_FROM,
        DATABASE_URL: 'postgres://db.example.gov.uk/asc',
      }),
    );
    assert.is(readConfig({ DATA_DIR: 'data' }).dataDir, 'data', 'a laptop may name it relative to where it runs');
  },
);

settings(
  'should refuse a RETENTION_DAYS that is not a whole number of days, 1 or more, and keep 30 as standard',
  () => {
    for (const written of ['0', 'abc', '-3', '2.5'])
      refuses(
        { RETENTION_DAYS: written },
        /^RETENTION_DAYS: "[^"]+" is (below 1|not a whole number of days from 1 to 36500); write how many days after closing to keep the answers and notes, like 30$/,
      );
    assert.is(readConfig({}).retentionDays, 30);
    assert.is(readConfig({ RETENTION_DAYS: '90' }).retentionDays, 90);
  },
);

settings('should refuse a PUBLIC_URL with a path, which the portal would drop without a word', () => {
  refuses(
    { PUBLIC_URL: 'https://forms.example.gov.uk/portal/' },
    /^PUBLIC_URL: the portal is served at the root of its address; write https:\/\/forms\.example\.gov\.uk, with no path/,
  );
  assert.is(readConfig({ PUBLIC_URL: 'https://forms.example.gov.uk/' }).publicOrigin, 'https://forms.example.gov.uk');
});

settings(
  "should refuse in production a page at an http address in EMBED_ORIGINS, which would use the referrer's session",
  () => {
    refuses(
      { ...production, EMBED_ORIGINS: 'https://www.sefton.gov.uk http://intranet.sefton.gov.uk' },
      /^EMBED_ORIGINS: .*must be https; write https:\/\/intranet\.sefton\.gov\.uk$/,
    );
    assert.equal(readConfig({ ...production, EMBED_ORIGINS: 'https://www.sefton.gov.uk' }).embedOrigins, [
      'https://www.sefton.gov.uk',
    ]);
    assert.equal(
      readConfig({ EMBED_ORIGINS: 'http://localhost:8080' }).embedOrigins,
      ['http://localhost:8080'],
      'a laptop may',
    );
  },
);

settings('should show the origin to write for an EMBED_ORIGINS entry with a path or a trailing slash', () => {
  assert.equal(
    problemsOf({ EMBED_ORIGINS: 'https://www.sefton.gov.uk/ https://www.sefton.gov.uk/adult-social-care' }),
    [
      'EMBED_ORIGINS: "https://www.sefton.gov.uk/" has a path or a trailing slash, and an origin never does, so it never matches; write https://www.sefton.gov.uk instead',
      'EMBED_ORIGINS: "https://www.sefton.gov.uk/adult-social-care" has a path or a trailing slash, and an origin never does, so it never matches; write https://www.sefton.gov.uk instead',
    ],
  );
  refuses(
    { EMBED_ORIGINS: 'https://WWW.Sefton.gov.uk:443' },
    /not written as a browser sends .*; write https:\/\/www\.sefton\.gov\.uk instead/,
  );
  refuses({ EMBED_ORIGINS: 'www.sefton.gov.uk' }, /is not a site's origin .*; write https:\/\/www\.sefton\.gov\.uk$/);
  refuses({ EMBED_ORIGINS: 'https://*.sefton.gov.uk' }, /holds a wildcard; list each site in full/);
  assert.equal(readConfig({ EMBED_ORIGINS: ' https://www.sefton.gov.uk  http://localhost:8080 ' }).embedOrigins, [
    'https://www.sefton.gov.uk',
    'http://localhost:8080',
  ]);
});

settings('should refuse FRAME_ANCESTORS written CSP-style with ";" or ",", and take the sources it takes today', () => {
  refuses(
    { FRAME_ANCESTORS: 'https://www.sefton.gov.uk; https://intranet.sefton.gov.uk' },
    /^FRAME_ANCESTORS: the sites are separated with ";"; separate them with spaces, like "https:\/\/www\.sefton\.gov\.uk https:\/\/intranet\.sefton\.gov\.uk"$/,
  );
  refuses(
    { FRAME_ANCESTORS: 'https://www.sefton.gov.uk,https://intranet.sefton.gov.uk' },
    /separated with ","; separate them with spaces/,
  );
  refuses({ FRAME_ANCESTORS: 'https://www.sefton.gov.uk/' }, /write https:\/\/www\.sefton\.gov\.uk instead/);
  refuses({ FRAME_ANCESTORS: 'self' }, /write 'self'/);
  refuses({ FRAME_ANCESTORS: 'https:' }, /would let any site frame the portal/);
  const { frameAncestors } = readConfig({
    FRAME_ANCESTORS: "'self' https://*.sefton.gov.uk https://www.sefton.gov.uk:8443",
  });
  assert.match(
    contentSecurityPolicy(frameAncestors),
    /frame-ancestors 'self' 'self' https:\/\/\*\.sefton\.gov\.uk https:\/\/www\.sefton\.gov\.uk:8443$/,
  );
});

settings('should refuse a passphrase as SESSION_SECRET, saying how to make a key, without repeating it', () => {
  const passphrase = 'correct horse battery staple correct horse battery staple';
  const problem = refuses(
    { SESSION_SECRET: passphrase },
    /^SESSION_SECRET: it holds spaces, like a passphrase, .*; make one with `openssl rand -hex 32`$/,
  );
  assert.not.ok(problem.includes('horse'), 'the secret is not printed');
  refuses({ SESSION_SECRET: 'ab'.repeat(16) }, /it is only 16 bytes, and a key needs at least 32/);
  refuses(
    { SESSION_SECRET: 'not-base64-at-all-but-long-enough-to-pass-for-a-key!!' },
    /it is not written in hex or base64/,
  );
  const base64 = Buffer.alloc(32, 7).toString('base64');
  assert.is(readConfig({ SESSION_SECRET: base64 }).sessionSecret, base64);
});

settings('should refuse an SMTP_URL that is not a URL, showing the one to write', () => {
  refuses(
    { SMTP_URL: 'mail.sefton.gov.uk:587' },
    /^SMTP_URL: "mail\.sefton\.gov\.uk:587" is not an address starting smtp:\/\/ or smtps:\/\/, with a host; write smtp:\/\/mail\.sefton\.gov\.uk:587$/,
  );
  assert.is(readConfig({ SMTP_URL: 'smtps://mail.sefton.gov.uk' }).smtpUrl, 'smtps://mail.sefton.gov.uk');
});

settings('should refuse a DATABASE_URL that is not postgres://, hiding its password', () => {
  const problem = refuses(
    { DATABASE_URL: 'mysql://portal:hunter2@db.sefton.gov.uk/forms' },
    /^DATABASE_URL: .*postgres:\/\/ or postgresql:\/\//,
  );
  assert.ok(problem.includes('portal:***@db.sefton.gov.uk'), problem);
  assert.not.ok(problem.includes('hunter2'), 'the password is not printed');
  assert.is(readConfig({ DATABASE_URL: 'postgresql://db/forms' }).databaseUrl, 'postgresql://db/forms');
});

settings('should check the logging and metrics settings', () => {
  refuses(
    { LOG_LEVEL: 'verbose' },
    /^LOG_LEVEL: "verbose" is not one of fatal, error, warn, info, debug, trace, silent/,
  );
  refuses({ METRICS_PORT: '99999' }, /^METRICS_PORT: "99999" is above 65535/);
  refuses({ PORT: '9464', METRICS_PORT: '9464' }, /^METRICS_PORT: it is the same as PORT/);
  const token = 'short-token';
  assert.not.ok(refuses({ METRICS_TOKEN: token }, /^METRICS_TOKEN: it is not at least 32 characters/).includes(token));
  const config = readConfig({ LOG_LEVEL: 'warn', METRICS_PORT: '9464', METRICS_TOKEN: 'ab'.repeat(16) });
  assert.equal([config.logLevel, config.metricsPort, config.metricsToken], ['warn', 9464, 'ab'.repeat(16)]);
  assert.is(readConfig({}).logLevel, 'info');
});

settings('should give every mistake at once, in one error, each on its own line', () => {
  const env = {
    NODE_ENV: 'Production',
    EMBED_ORIGINS: 'https://www.sefton.gov.uk/',
    FRAME_ANCESTORS: "'self'; https://www.sefton.gov.uk",
    SESSION_SECRET: 'correct horse battery staple',
    SMTP_URL: 'mail.sefton.gov.uk:587',
    DATABASE_URL: 'db.sefton.gov.uk',
    PORT: 'eighty',
  };
  const error = (() => {
    try {
      readConfig(env);
    } catch (thrown) {
      return thrown as ConfigError;
    }
  })();
  assert.instance(error, ConfigError);
  const variables = error!.problems.map((problem) => problem.variable);
  for (const variable of Object.keys(env)) assert.ok(variables.includes(variable), `${variable} in ${variables}`);
  for (const required of ['TRUST_PROXY', 'ANSWERS_KEYS', 'WEBHOOK_URL', 'PUBLIC_URL'])
    assert.ok(variables.includes(required), required);
  const lines = error!.message.split('\n');
  assert.is(lines[0]!.split(':')[0], 'The portal cannot start');
  assert.match(lines[0]!, new RegExp(`: ${error!.problems.length} problems in its settings`));
  assert.ok(error!.problems.length >= 12, `${error!.problems.length} problems`);
  assert.equal(
    lines.slice(1),
    error!.problems.map(({ variable, message }) => `${variable}: ${message}`),
  );
  assert.not.ok(error!.message.includes('horse'));
});

settings(
  'should list in the README every variable the schema knows, and the schema every one the code reads',
  async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n\n', readme.indexOf('| variable')),
    );
    const documented = new Set(
      table
        .split('\n')
        .slice(3)
        .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]!)),
    );
    const known = Object.keys(envSchema.properties);
    assert.equal([...documented].sort(), [...known].sort());
    const read = new Set<string>();
    for (const folder of ['server', 'scripts']) {
      for (const file of await readdir(join(root, folder), { recursive: true })) {
        if (!file.endsWith('.ts')) continue;
        const source = await readFile(join(root, folder, file), 'utf8');
        for (const match of source.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) read.add(match[1]!);
      }
    }
    for (const variable of read) assert.ok(known.includes(variable), `${variable} is read but not in the schema`);
  },
);

settings.run();

const starting = suite('The portal started with wrong settings');

/** A folder no build is in (removed at the end, should a build have been made there after all). */
function noBuild(): string {
  const folder = join(tmpdir(), `asc-forms-no-build-${randomBytes(4).toString('hex')}`);
  closeAtEnd(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

starting('should exit non-zero printing every problem, and no stack trace', async () => {
  const { status, output } = await runToExit({
    NODE_ENV: 'Production',
    EMBED_ORIGINS: 'https://www.sefton.gov.uk/',
    SESSION_SECRET: 'correct horse battery staple',
    SMTP_URL: 'mail.sefton.gov.uk:587',
    DATABASE_URL: '',
  });
  assert.is(status, 78, output);
  for (const variable of ['NODE_ENV', 'EMBED_ORIGINS', 'SESSION_SECRET', 'SMTP_URL', 'TRUST_PROXY', 'PUBLIC_URL'])
    assert.match(output, new RegExp(`^${variable}: `, 'm'));
  assert.not.match(output, /^ {4}at /m, 'no stack trace');
  assert.not.ok(output.includes('horse'), 'the secret is not printed');
});

starting('should say when its port is taken, or HOST is not an address, as a setting to change', async () => {
  const { createServer } = await import('node:net');
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  closeAtEnd(() => new Promise<void>((resolve) => taken.close(() => resolve())));
  const port = String((taken.address() as import('node:net').AddressInfo).port);
  const dataDir = noBuild();
  const base = { BUILD_DIR: await sharedBuild(), DATA_DIR: dataDir, DATABASE_URL: '' };
  const inUse = await runToExit({ ...base, PORT: port });
  assert.is(inUse.status, 78, inUse.output);
  assert.match(
    inUse.output,
    new RegExp(`^PORT: 127\\.0\\.0\\.1:${port} is in use by another program; stop it, or choose another PORT`, 'm'),
  );
  const badHost = await runToExit({ ...base, HOST: 'localhost:3000' });
  assert.is(badHost.status, 78, badHost.output);
  assert.match(badHost.output, /^HOST: "localhost:3000" is not an address or a name this machine knows/m);
  for (const output of [inUse.output, badHost.output]) assert.not.match(output, /^ {4}at /m, 'no stack trace');
});

starting('should say when FORMS_DIR is not a forms folder, or a definition in it is not sound JSON', async () => {
  const { cp, writeFile } = await import('node:fs/promises');
  const base = { BUILD_DIR: await sharedBuild(), DATA_DIR: noBuild(), DATABASE_URL: '' };
  const nowhere = noBuild();
  const missing = await runToExit({ ...base, FORMS_DIR: nowhere });
  assert.is(missing.status, 78, missing.output);
  assert.match(missing.output, new RegExp(`^FORMS_DIR: ${nowhere} holds no portal.json; set FORMS_DIR`, 'm'));
  const forms = noBuild();
  await cp(join(root, 'forms'), forms, { recursive: true });
  await writeFile(join(forms, 'dols-form-2/v2.json'), '{ "id": "dols-form-2", ');
  const broken = await runToExit({ ...base, FORMS_DIR: forms });
  assert.is(broken.status, 78, broken.output);
  assert.match(
    broken.output,
    /^FORMS_DIR: \S+dols-form-2\/v2\.json is not sound JSON \(.*\); `npm run validate-forms` shows the line/m,
  );
  for (const output of [missing.output, broken.output]) assert.not.match(output, /^ {4}at /m, 'no stack trace');
});

starting('should say where the build is missing, without a stack trace', async () => {
  const buildDir = noBuild();
  const { status, output } = await runToExit({ BUILD_DIR: buildDir, DATABASE_URL: '' });
  assert.is(status, 78, output);
  assert.ok(
    output.includes(`\nBUILD_DIR: no build is at ${buildDir}/manifest.json; run \`npm run build\` first`),
    output,
  );
  assert.not.match(output, /^ {4}at /m);
});

starting('should refuse at once under npm start, before building', async () => {
  const { status, output } = await runToExit({ NODE_ENV: 'prod', BUILD_DIR: noBuild() }, { npmStart: true });
  assert.ok(status !== 0, output);
  assert.match(output, /^NODE_ENV: "prod" is not one of production, development, test; write production/m);
  assert.not.match(output, /Built the portal/);
  assert.not.match(output, /^ {4}at /m);
});

const postgres = (await testDatabases()).find((database) => database.name === 'PostgreSQL')!;
const onPostgres = postgres.skip ? starting.skip : starting;
const missingDatabaseUrl = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, '/asc_forms_missing_database');

onPostgres('should say a DATABASE_URL names a database that does not exist, at start and in db:migrate', async () => {
  const host = new URL(POSTGRES_ADMIN_URL).hostname;
  for (const script of ['server/main.ts', 'scripts/db-migrate.ts']) {
    const { status, output } = await runToExit(
      { DATABASE_URL: missingDatabaseUrl, BUILD_DIR: await sharedBuild() },
      { script },
    );
    assert.is(status, 78, output);
    assert.match(
      output,
      new RegExp(
        `^DATABASE_URL: the database "asc_forms_missing_database" does not exist on ${host}:\\d+; create it \\(createdb -h ${host} asc_forms_missing_database\\) or correct the URL$`,
        'm',
      ),
    );
    assert.not.match(output, /^ {4}at /m, script);
  }
});

onPostgres('should say the user or password was refused, without printing the password', async () => {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.username = 'asc_forms_no_such_user';
  url.password = 'hunter2';
  const error = await assertDatabaseReachable(url.href).catch((thrown: unknown) => thrown);
  assert.instance(error, ConfigError);
  assert.match(
    (error as ConfigError).message,
    /^DATABASE_URL: .* refused the user "asc_forms_no_such_user" or its password/m,
  );
  assert.not.ok((error as ConfigError).message.includes('hunter2'));
});

starting('should say a PostgreSQL host and port could not be reached', async () => {
  // Port 1 on the loopback address: nothing listens there, so the connection is refused.
  const error = await assertDatabaseReachable('postgres://portal:hunter2@127.0.0.1:1/forms').catch(
    (thrown: unknown) => thrown,
  );
  assert.instance(error, ConfigError);
  assert.match(
    (error as ConfigError).problems[0]!.message,
    /^127\.0\.0\.1:1 could not be reached: it refused the connection/,
  );
  assert.not.ok((error as ConfigError).message.includes('hunter2'));
});

starting.run();
