/**
 * The portal as council IT runs it, following the README's "Running it for a council": the build
 * made on a build machine (`npm run build`), copied with package.json, package-lock.json and the
 * forms to a server that installs only the libraries it runs on (`npm ci --omit=dev`: no
 * TypeScript runner, no test or build tool), brings its database up to date with
 * `node build/server/db-migrate.js` and starts with plain `node build/server/main.js`, in
 * production: ready, serving the portal and its files over the proxy's HTTPS, and stopping
 * cleanly on SIGTERM.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { closeAtEnd } from '../support/shared.ts';
import { startPortal } from '../support/portal-process.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const work = await mkdtemp(join(tmpdir(), 'asc-forms-production-'));
closeAtEnd(() => rm(work, { recursive: true, force: true }));
const server = join(work, 'server');
const dataDir = join(work, 'data');

/** What must not reach a council's server: the TypeScript runner, and the test and build tools. */
const DEV_ONLY = ['tsx', 'typescript', 'esbuild', 'c8', 'playwright-core', 'smtp-server', 'survey-core', '@formio/js'];

const production = {
  NODE_ENV: 'production',
  TRUST_PROXY: '1',
  PUBLIC_URL: 'https://forms.example.gov.uk',
  ANSWERS_KEYS: `2026-12:${'a1'.repeat(32)}`,
  SESSION_SECRET: 'c3'.repeat(32),
  WEBHOOK_URL: 'https://cases.example.gov.uk/referrals',
  WEBHOOK_SECRET: 'b2'.repeat(32),
  DATA_DIR: dataDir,
  MIGRATE_ON_START: 'false',
  // Nothing in this test sends an email.
  SMTP_URL: 'smtp://127.0.0.1:9',
  MAIL_FROM: 'no-reply@example.gov.uk',
};

/**
 * `npm ci --omit=dev` from the npm cache the project's own install filled (from the registry when
 * the cache lacks a package). sqlite3's install script fetches or compiles its native part, and
 * with nothing to fetch it compiles for a minute or two: the scripts are skipped, and the part
 * the project's own install made from the same locked version is put where that script puts it.
 */
async function productionInstall(): Promise<string | undefined> {
  await mkdir(server);
  for (const file of ['package.json', 'package-lock.json']) await cp(join(root, file), join(server, file));
  const npmCi = (cache: string) =>
    run('npm', ['ci', '--omit=dev', cache, '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: server });
  try {
    await npmCi('--offline').catch(() => npmCi('--prefer-offline'));
  } catch (error) {
    const why = `npm ci --omit=dev could not install from the npm cache or the registry: ${(error as { stderr?: string }).stderr?.split('\n').find((line) => /npm error/.test(line)) ?? error}`;
    if (process.env.CI) throw new Error(why);
    return why;
  }
  await cp(join(root, 'node_modules/sqlite3/build'), join(server, 'node_modules/sqlite3/build'), { recursive: true });
  return undefined;
}

const skipped = await productionInstall();
if (skipped) console.log(`Production install test skipped: ${skipped}`);
const deploy = suite('A production install, started with plain node');
const it = skipped ? deploy.skip : deploy;

it('should install the libraries the server runs on, and none of the test or build tools', async () => {
  for (const name of DEV_ONLY) assert.not.ok(existsSync(join(server, 'node_modules', name)), `${name} is installed`);
  for (const name of ['koa', 'knex', 'sqlite3', 'pg', 'koa-compress', 'jose'])
    assert.ok(existsSync(join(server, 'node_modules', name)), `${name} is missing`);
});

it('should build, migrate with node, and serve the portal in production, then stop cleanly on SIGTERM', async () => {
  const buildMachine = join(work, 'build-machine');
  await run('npm', ['run', 'build', '--silent'], { cwd: root, env: { ...process.env, BUILD_DIR: buildMachine } });
  await cp(buildMachine, join(server, 'build'), { recursive: true });
  await cp(join(root, 'forms'), join(server, 'forms'), { recursive: true });

  const env = { PATH: process.env.PATH ?? '', ...production };
  const migrated = await run(process.execPath, ['build/server/db-migrate.js'], { cwd: server, env });
  assert.match(migrated.stdout, /Migrations run: 001-accounts/);

  const { baseUrl, child, output } = await startPortal(production, { deployed: server });
  const ready = await fetch(`${baseUrl}/readyz`);
  assert.is(ready.status, 200, output());
  assert.is((await ready.json()).status, 'ready');

  const https = { 'x-forwarded-proto': 'https' };
  const page = await fetch(`${baseUrl}/forms/dols-form-1`, { headers: https });
  assert.is(page.status, 200, output());
  assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=/);
  const html = await page.text();
  assert.match(html, /<asc-portal><\/asc-portal>/);
  const script = /<script type="module" src="([^"]+)"/.exec(html)![1]!;
  const asset = await fetch(`${baseUrl}${script}`, { headers: { ...https, 'accept-encoding': 'br' } });
  assert.is(asset.status, 200);
  assert.is(asset.headers.get('content-encoding'), 'br');
  assert.match(asset.headers.get('content-type') ?? '', /javascript/);
  assert.ok((await asset.text()).length > 10_000);
  const form = await fetch(`${baseUrl}/api/forms/dols-form-1`, { headers: https });
  assert.is(form.status, 200);
  assert.is((await form.json()).definition.id, 'dols-form-1');
  const schema = await fetch(`${baseUrl}/schemas/definition.schema.json`, { headers: https });
  assert.is(schema.status, 200, 'the schemas are served from the build');

  child.kill('SIGTERM');
  assert.is(await exitCode(child), 0, output());
  assert.match(output(), /Stopped\./);
});

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error('still running 15 s after SIGTERM')), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

deploy.run();
