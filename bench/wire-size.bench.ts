/**
 * Bytes on the wire to show DoLS Form 1's first page, as headless chromium downloads them with a
 * cold cache: every response of the page (the document, scripts, styles, the API's JSON, the
 * captcha's challenge and widget), counted by the browser itself (Chrome DevTools Protocol,
 * Network.loadingFinished: bytes received, headers and bodies, compressed as the server sent
 * them). Two figures each: until the form's first page is usable (rendered, its first control
 * focusable, its captcha's box shown) and once the page has settled (the network quiet for half a
 * second). For the portal signed out and signed in, for <asc-form> embedded on a plain
 * page of another origin, and for SurveyJS showing the same form, its files compressed the same
 * way (surveyjs-site.ts).
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildAll } from '../scripts/lib/build-all.ts';
import { createApp, readConfig } from '../server/index.ts';
import { createLogger } from '../server/services/log.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/browser.ts';
import { codeIn, startSmtpServer } from '../tests/support/smtp.ts';
import { freePort } from '../tests/support/test-app.ts';
import { compressedSurveyJsSite } from './surveyjs-site.ts';
import { FIRST_CONTROL, usableMarker } from './time-to-interactive.bench.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const PASSWORD = 'Correct-Horse-Battery-9';

export interface Download {
  /** Bytes received until the first page was usable, and once the page had settled. */
  usable: number;
  settled: number;
  /** The settled figure by kind of resource (document, script, fetch, ...): bytes and requests. */
  byKind: Record<string, { bytes: number; requests: number }>;
}

/**
 * Ours is usable when its first control is there and takes the focus, as time-to-interactive
 * measures it: on DoLS Form 1's first page, the captcha's box.
 */
const OUR_MARKER = usableMarker(FIRST_CONTROL.signedOut, 'window.__ascUsable()');
/** SurveyJS's page sets window.__rendered once its survey has rendered (surveyjs-site.ts). */
const THEIR_MARKER = `(() => { const poll = () => window.__rendered ? window.__ascUsable() : requestAnimationFrame(poll); poll(); })();`;

function listen(server: Server, port = 0): Promise<string> {
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** One cold load of `url` in a fresh context; `prepare` may sign the context in first. */
async function download(
  browser: Browser,
  url: string,
  marker: string,
  prepare?: (request: import('playwright-core').APIRequestContext) => Promise<void>,
): Promise<Download | undefined> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  try {
    if (prepare) await prepare(context.request);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const kinds = new Map<string, string>();
    const finished = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (event) => {
      kinds.set(event.requestId, (event.type ?? 'Other').toLowerCase());
      urls.set(event.requestId, event.request.url);
    });
    cdp.on('Network.loadingFinished', (event) => {
      finished.set(event.requestId, event.encodedDataLength);
      // BENCH_WIRE_LIST=1: each response as it finishes, and when the page became usable.
      if (process.env.BENCH_WIRE_LIST)
        console.log(
          `    ${usable < 0 ? 'before' : 'after '} ${kb(event.encodedDataLength).padStart(8)} ${urls.get(event.requestId)}`,
        );
    });
    const sum = () => [...finished.values()].reduce((total, bytes) => total + bytes, 0);
    let usable = -1;
    let isReady = () => {};
    const ready = new Promise<void>((resolve) => (isReady = resolve));
    // Awaited before the page loads: Playwright keeps the callback only once the binding is set
    // up, and a call that comes sooner (a quick page) is lost.
    await page.exposeFunction('__ascUsable', () => {
      if (usable < 0) usable = sum();
      isReady();
    });
    await page.addInitScript(marker);
    await page.goto(url);
    // Should the marker's call never come, that load is dropped and tried again, and said so.
    let waited: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (waited = setTimeout(() => resolve('late'), 30_000)));
    const outcome = await Promise.race([ready, late]).finally(() => clearTimeout(waited));
    if (outcome === 'late') return undefined;
    await page.waitForLoadState('networkidle');
    const byKind: Download['byKind'] = {};
    for (const [id, bytes] of finished) {
      const kind = (byKind[kinds.get(id) ?? 'other'] ??= { bytes: 0, requests: 0 });
      kind.bytes += bytes;
      kind.requests++;
    }
    return { usable, settled: sum(), byKind };
  } finally {
    await context.close();
  }
}

function median(loads: Download[]): Download {
  const sorted = [...loads].sort((a, b) => a.settled - b.settled);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  const usable = loads.map((l) => l.usable).sort((a, b) => a - b)[Math.floor(loads.length / 2)]!;
  return { ...middle, usable };
}

export async function benchWireSize(): Promise<Record<string, Download>> {
  const work = await mkdtemp(join(tmpdir(), 'asc-forms-wire-'));
  const servers: Server[] = [];
  const smtp = await startSmtpServer();
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const buildDir = join(work, 'build');
    await buildAll(join(root, 'forms'), buildDir);
    // The council's page, on another origin (localhost, where the portal is 127.0.0.1).
    const hostServer = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(hostPage);
    });
    servers.push(hostServer);
    const hostUrl = (await listen(hostServer)).replace('127.0.0.1', 'localhost');
    const portalPort = await freePort();
    const portal = `http://127.0.0.1:${portalPort}`;
    app = await createApp(
      readConfig({
        BUILD_DIR: buildDir,
        DATA_DIR: join(work, 'data'),
        PORT: '0',
        PASSWORD_HASH_COST: '12',
        SMTP_URL: smtp.url,
        EMBED_ORIGINS: hostUrl,
      }),
      { log: createLogger({ level: 'silent' }) },
    );
    const ourServer = createServer(app.koa.callback());
    servers.push(ourServer);
    await listen(ourServer, portalPort);
    const hostPage = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Refer to adult social care</title>
<script type="module" src="${portal}/embed/asc-form.js"></script></head>
<body><main><h1>Refer someone to adult social care</h1><asc-form form-id="dols-form-1" api-base="${portal}" captcha></asc-form></main></body></html>`;
    const theirServer = await compressedSurveyJsSite(work);
    servers.push(theirServer);
    const theirs = await listen(theirServer);

    let accounts = 0;
    const signIn = async (request: import('playwright-core').APIRequestContext) => {
      const email = `wire${++accounts}.${process.pid}@example.org`;
      const data = { forename: 'Sam', surname: 'Carter', email, password: PASSWORD, confirmPassword: PASSWORD };
      const registered = await request.post(`${portal}/api/account/registrations`, { data });
      if (registered.status() !== 202) throw new Error(`Registering failed: ${await registered.text()}`);
      const code = codeIn(await smtp.nextTo(email));
      const verified = await request.post(`${portal}/api/account/registrations/verify`, { data: { code } });
      if (verified.status() !== 201) throw new Error(`Verifying failed: ${await verified.text()}`);
    };
    const cases: Array<[string, () => Promise<Download | undefined>]> = [
      ['SurveyJS, same form', () => download(browser, `${theirs}/`, THEIR_MARKER)],
      ['portal, signed out', () => download(browser, `${portal}/forms/dols-form-1`, OUR_MARKER)],
      ['portal, signed in', () => download(browser, `${portal}/forms/dols-form-1`, OUR_MARKER, signIn)],
      ['embed on a council page', () => download(browser, hostUrl, OUR_MARKER)],
    ];
    const results: Record<string, Download> = {};
    for (const [name, load] of cases) {
      const loads: Download[] = [];
      for (let tries = 0; loads.length < RUNS && tries < RUNS * 3; tries++) {
        const loaded = await load();
        if (loaded) loads.push(loaded);
        else console.log(`  (${name}: a load whose page never said it was usable after 30 s; tried again)`);
      }
      if (loads.length === 0) throw new Error(`${name}: no load became usable`);
      results[name] = median(loads);
    }
    const anchor = results['SurveyJS, same form']!;
    console.log(
      `Bytes on the wire to show DoLS Form 1's first page (headless chromium, cold cache, median of ${RUNS}; headers and bodies as received):`,
    );
    console.log(
      `  ${''.padEnd(26)}${'until usable'.padStart(14)}${'settled'.padStart(12)}   requests by kind (settled)`,
    );
    for (const [name, result] of Object.entries(results)) {
      const kinds = Object.entries(result.byKind)
        .map(([kind, { bytes, requests }]) => `${kind} ${requests}: ${kb(bytes)}`)
        .join(', ');
      console.log(`  ${name.padEnd(26)}${kb(result.usable).padStart(14)}${kb(result.settled).padStart(12)}   ${kinds}`);
    }
    for (const [name, result] of Object.entries(results)) {
      if (result === anchor) continue;
      const goal = name.startsWith('embed') ? 30 : 40;
      console.log(
        `  ${name}: ${kb(result.settled)}, ${(anchor.settled / result.settled).toFixed(1)}× less than SurveyJS (${kb(result.usable)} until usable, ${(anchor.usable / result.usable).toFixed(1)}×; goal: at most ${goal} KB${goal === 40 ? ', at least 10×' : ''})`,
      );
    }
    return results;
  } finally {
    await browser.close();
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await app?.close();
    await smtp.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWireSize();
