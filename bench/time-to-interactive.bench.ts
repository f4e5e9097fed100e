/**
 * Time from navigation to the first page of DoLS Form 1 being usable, in headless chromium over
 * loopback: our portal (served by our server), signed out and signed in, against a static HTML
 * page with one input (the floor: nothing can be sooner) and SurveyJS rendering the same form
 * (converted from our definition) from a plain static page, compressed as ours is, all in the
 * same browser run. Each
 * load is in a fresh browser context, so nothing is cached.
 *
 * Usable means the first control of the first page (FIRST_CONTROL) is in the page and takes the
 * focus, seen at the first frame it is so. The round trips are the requests in sequence before
 * then: a request that starts only after another has finished is one round after it.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/browser.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, readConfig } from '../server/index.ts';
import { buildAll } from '../scripts/lib/build-all.ts';
import { codeIn, startSmtpServer } from '../tests/support/smtp.ts';
import { compressedSurveyJsSite } from './surveyjs-site.ts';
import { createLogger } from '../server/services/log.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 9;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The floor: a static page with one input, from a plain server. */
function floorSite(): Server {
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><label for="name">Name</label><input id="name"></body></html>';
  return createServer((req, res) => {
    if (req.url !== '/') {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'text/html');
    res.end(page);
  });
}

/**
 * Run in the page before its own scripts: at each frame, looks (through open shadow roots) for
 * the first element matching `control`, and once it is there and takes the focus, notes the time
 * since navigation began (or runs `onReady`).
 */
export function usableMarker(control: string, onReady = 'window.__ready = performance.now()'): string {
  return `(() => {
  const first = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(${JSON.stringify(control)})) return el;
      const inner = el.shadowRoot && first(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const focused = () => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; };
  const tick = () => {
    const control = first(document);
    if (control && !control.disabled) {
      control.focus();
      if (focused() === control) { ${onReady}; return; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

/**
 * Each page's first control. DoLS Form 1's first page ("Before you start") asks no question: in
 * the portal its one control is the captcha's checkbox, which the person must tick before Next;
 * SurveyJS has no captcha, so its first control is its Next button (an easier mark, in its favour).
 */
const BOX = 'input:not([type=hidden]), select, textarea';
export const FIRST_CONTROL = {
  floor: BOX,
  signedOut: BOX,
  signedIn: BOX,
  // Not a goal: the same page up to its Next button, to show what waiting for the captcha costs.
  nextButton: 'button[type=submit].button',
  surveyJs: `${BOX}, button`,
};

type StorageState = Awaited<ReturnType<ReturnType<Page['context']>['storageState']>>;

interface Load {
  usable: number;
  /** Requests in sequence that finished before the page was usable, and the longest such chain. */
  rounds: number;
  chain: string[];
}

async function load(browser: Browser, url: string, control: string, storageState?: StorageState): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState });
  const page = await context.newPage();
  const finished: Array<{ path: string; start: number; end: number }> = [];
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    finished.push({
      path: new URL(request.url()).pathname,
      start: timing.startTime,
      end: timing.startTime + timing.responseEnd,
    });
  });
  await page.addInitScript(usableMarker(control));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, undefined, {
    timeout: 30_000,
  });
  const { usable, origin } = await page.evaluate(() => ({
    usable: (window as unknown as { __ready: number }).__ready,
    origin: performance.timeOrigin,
  }));
  await context.close();
  // Each request's round: one after the latest round among those that had finished when it started.
  const before = finished.filter((r) => r.end <= origin + usable).sort((a, b) => a.start - b.start);
  const rounds = new Map<(typeof before)[number], { depth: number; chain: string[] }>();
  for (const request of before) {
    let best = { depth: 0, chain: [] as string[] };
    for (const [earlier, round] of rounds) if (earlier.end <= request.start && round.depth > best.depth) best = round;
    rounds.set(request, { depth: best.depth + 1, chain: [...best.chain, request.path] });
  }
  const deepest = [...rounds.values()].reduce((a, b) => (b.depth > a.depth ? b : a), { depth: 0, chain: [] });
  return { usable, rounds: deepest.depth, chain: deepest.chain };
}

export interface TimeToInteractive {
  floor: number;
  signedOut: number;
  signedIn: number;
  nextButton: number;
  surveyJs: number;
}

export async function benchTimeToInteractive(): Promise<TimeToInteractive> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-tti-'));
  const servers: Server[] = [];
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const smtp = await startSmtpServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  try {
    await buildAll(join(root, 'forms'), join(dir, 'build'));
    app = await createApp(
      readConfig({
        BUILD_DIR: join(dir, 'build'),
        DATA_DIR: join(dir, 'data'),
        PORT: '0',
        SMTP_URL: smtp.url,
        PASSWORD_HASH_COST: '12',
      }),
      { log: createLogger({ level: 'silent' }) },
    );
    const ourServer = createServer(app.koa.callback());
    servers.push(ourServer);
    const ourBase = await listen(ourServer);
    const theirServer = await compressedSurveyJsSite(dir);
    const floorServer = floorSite();
    servers.push(theirServer, floorServer);
    const urls = {
      floor: `${await listen(floorServer)}/`,
      signedOut: `${ourBase}/forms/dols-form-1`,
      signedIn: `${ourBase}/forms/dols-form-1`,
      nextButton: `${ourBase}/forms/dols-form-1`,
      surveyJs: `${await listen(theirServer)}/`,
    };
    const signedIn = await signedInState(browser, ourBase, smtp);

    const names = Object.keys(urls) as Array<keyof typeof urls>;
    const loads = Object.fromEntries(names.map((name) => [name, [] as Load[]])) as Record<keyof typeof urls, Load[]>;
    for (const name of names)
      await load(browser, urls[name], FIRST_CONTROL[name], name === 'signedIn' ? signedIn : undefined);
    for (let i = 0; i < RUNS; i++)
      for (const name of names)
        loads[name].push(
          await load(browser, urls[name], FIRST_CONTROL[name], name === 'signedIn' ? signedIn : undefined),
        );
    const result = Object.fromEntries(
      names.map((name) => [name, median(loads[name].map((l) => l.usable))]),
    ) as unknown as TimeToInteractive;
    const labels: Record<keyof typeof urls, string> = {
      floor: 'static page, one input (floor)',
      signedOut: 'asc-forms portal, signed out',
      signedIn: 'asc-forms portal, signed in',
      nextButton: '(portal, signed out, to its Next button)',
      surveyJs: 'SurveyJS, same form',
    };
    console.log(
      `Navigation to the first page of DoLS Form 1 usable, its first control present and focusable (headless chromium, loopback, median of ${RUNS}, cold cache):`,
    );
    console.log('| page | usable | ÷ floor | SurveyJS ÷ it | round trips before usable |');
    console.log('|---|---|---|---|---|');
    for (const name of names) {
      const ms = result[name];
      const rounds = median(loads[name].map((l) => l.rounds));
      console.log(
        `| ${labels[name]} | ${ms.toFixed(0)} ms | ${(ms / result.floor).toFixed(2)} | ${(result.surveyJs / ms).toFixed(1)} | ${rounds} |`,
      );
    }
    const within = (name: 'signedOut' | 'signedIn') =>
      `${labels[name].replace('asc-forms portal, ', '')} ${(result[name] / result.floor).toFixed(2)}× the floor, ${(result.surveyJs / result[name]).toFixed(1)}× sooner than SurveyJS`;
    console.log(
      `  goal: within 1.6× the floor and at least 5× sooner than SurveyJS; now ${within('signedOut')}; ${within('signedIn')}`,
    );
    for (const name of ['signedOut', 'signedIn'] as const)
      console.log(`  ${labels[name]}, requests in sequence: ${loads[name].at(-1)!.chain.join(' → ')}`);
    return result;
  } finally {
    await browser.close();
    for (const server of servers) server.close();
    await app?.close();
    await smtp.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A signed-in browser's cookies: an account registered, and its code confirmed, through the portal's API. */
async function signedInState(browser: Browser, base: string, smtp: Awaited<ReturnType<typeof startSmtpServer>>) {
  const context = await browser.newContext();
  const email = `bench.${process.pid}@example.org`;
  const password = 'Lighthouse keeper 2 boats!';
  const registered = await context.request.post(`${base}/api/account/registrations`, {
    data: { forename: 'Sam', surname: 'Carter', email, password, confirmPassword: password },
  });
  if (registered.status() !== 202) throw new Error(`Registering failed: ${await registered.text()}`);
  const verified = await context.request.post(`${base}/api/account/registrations/verify`, {
    data: { code: codeIn(await smtp.nextTo(email)) },
  });
  if (verified.status() !== 201) throw new Error(`Verifying failed: ${await verified.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}
