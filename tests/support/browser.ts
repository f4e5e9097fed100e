/**
 * The browser suites' harness: the project built once into a temporary folder, the portal served
 * from it on a free port, and one Chromium, all shared by every browser suite of a run and closed
 * by the runner at the end (closeAtEnd).
 *
 * Without Chromium the browser suites are skipped (counted as Skipped, with one line saying why),
 * except on CI, where they fail: a CI machine without a browser must not pass them silently.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'uvu';
import { suite } from './suite.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';
import { sharedBuild } from './shared-build.ts';
import { createApp, readConfig, type App } from '../../server/index.ts';
import type { Clock } from '../../server/services/clock.ts';
import { ANSWERS_TODAY } from '../fixtures/forms.ts';
import { closeAtEnd } from './shared.ts';
import { startSmtpServer, codeIn } from './smtp.ts';
import { silentLog } from './captured-log.ts';

type SmtpCapture = Awaited<ReturnType<typeof startSmtpServer>>;

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Headless, as root (--no-sandbox), and quiet: without --disable-background-networking Chromium keeps calling home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const hasChromium = existsSync(chromiumPath);
const skipping = !hasChromium && !process.env.CI;
if (skipping) console.log(`Browser tests skipped: chromium not found at ${chromiumPath} (apt-get install chromium)`);

/**
 * A uvu suite for tests that need the browser. Where there is no Chromium (and this is not CI),
 * every test registered on it is skipped instead.
 */
export function browserSuite(name: string): Test {
  const tests = suite(name);
  if (!skipping) return tests;
  const skip = (testName: string) => tests.skip(testName);
  return Object.assign(skip, { only: skip, skip, before: tests.before, after: tests.after, run: tests.run });
}

export interface Harness {
  browser: Browser;
  /** The portal's address, "http://127.0.0.1:<port>", without a trailing slash. */
  baseUrl: string;
  /** The SMTP server the portal sends its emails to, keeping them for the tests to read. */
  smtp: SmtpCapture;
  /** The portal itself, its data folder and its clock, for a test that must set up what no page can. */
  app: App;
  dataDir: string;
  clock: Clock;
}

let harness: Promise<Harness> | undefined;

// The server's clock: the real time, plus however far a test has moved it (to reach a timeout
// without waiting 20 minutes). Tests run one after another, so one moving it disturbs no other.
let serverClockOffset = 0;
const serverClock = { now: () => Date.now() + serverClockOffset };

/** Moves the portal server's clock on, as a browser's clock is moved with page.clock. */
export function advanceServerClock(ms: number): void {
  serverClockOffset += ms;
}

/** The shared browser and server, started on first use. */
export function startBrowser(): Promise<Harness> {
  if (!hasChromium) {
    return Promise.reject(
      new Error(
        `Chromium is missing: there is no browser at ${chromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
      ),
    );
  }
  harness ??= start();
  return harness;
}

async function start(): Promise<Harness> {
  const buildDir = await sharedBuild();
  const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-browser-'));
  closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
  const smtp = await startSmtpServer();
  closeAtEnd(smtp.close);
  // A data folder of its own, inside the build's temp folder: the run leaves no database behind.
  const app = await createApp(
    readConfig({
      ...process.env,
      BUILD_DIR: buildDir,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: smtp.url,
      PORT: '0',
      PASSWORD_HASH_COST: '12',
      RATE_LIMIT_SCALE: '100',
    }),
    { log: silentLog(), clock: serverClock },
  );
  closeAtEnd(() => app.close());
  const { koa } = app;
  const server = koa.listen(0, '127.0.0.1');
  closeAtEnd(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  closeAtEnd(() => browser.close());
  return {
    browser,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    smtp,
    app,
    dataDir,
    clock: serverClock,
  };
}

/** A tab of its own (fresh cookies and storage) that records what went wrong in it. */
export interface PortalPage {
  page: Page;
  baseUrl: string;
  smtp: SmtpCapture;
  /** Content-Security-Policy violations so far, from the page's events and the console. */
  cspViolations: string[];
  /** Uncaught exceptions in the page so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Opens a new tab at `width` pixels wide, with today fixed at the day the answer fixtures are
 * written for, and starts recording CSP violations and uncaught errors.
 */
export async function openPage(width = 1280, height = 900, timezoneId?: string): Promise<PortalPage> {
  const { browser, baseUrl, smtp } = await startBrowser();
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'en-GB',
    reducedMotion: 'reduce',
    timezoneId,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.clock.setFixedTime(new Date(`${ANSWERS_TODAY}T12:00:00`));
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  await page.exposeFunction('__ascCspViolation', (report: string) => {
    cspViolations.push(report);
  });
  // Init scripts are added by the browser itself, so the page's CSP does not block this one.
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __ascCspViolation(report: string): void }).__ascCspViolation;
        report(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
        );
      },
      true,
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
  });
  return { page, baseUrl, smtp, cspViolations, pageErrors, close: () => context.close() };
}

export interface AxeViolation {
  id: string;
  help: string;
  /** Each element at fault, as axe's selector (through shadow roots, separated by " >> "). */
  targets: string[];
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core over the whole page, shadow roots included, against WCAG 2.2 A and AA. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // The page's CSP refuses inline scripts, so axe goes in through evaluate, not a script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) =>
        node.target.map((part) => (Array.isArray(part) ? part.join(' >> ') : part)).join(' >> '),
      ),
    }));
  }, WCAG_TAGS);
}

export interface FocusedElement {
  tag: string;
  id: string;
  /** Its text (a link's or button's words), trimmed and shortened. */
  text: string;
  className: string;
}

/** The element that has focus, looking inside shadow roots (document.activeElement stops at their host). */
export function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: (element?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      className: typeof element?.className === 'string' ? element.className : '',
    };
  });
}

/** How a focused element is described in a failure message. */
export function describeElement(element: FocusedElement): string {
  return `<${element.tag}${element.id ? `#${element.id}` : ''}>${element.text ? ` "${element.text.slice(0, 40)}"` : ''}`;
}

/**
 * Presses Tab until the focused element is the one wanted, as a keyboard user would, and fails
 * with the way it went when it is not reached within `limit` presses.
 */
export async function tabTo(
  page: Page,
  wanted: string | ((element: FocusedElement) => boolean),
  limit = 60,
): Promise<FocusedElement> {
  const matches = typeof wanted === 'string' ? (element: FocusedElement) => element.id === wanted : wanted;
  const trail: string[] = [];
  let element = await focused(page);
  for (let presses = 0; !matches(element); presses++) {
    if (presses === limit) {
      throw new Error(
        `Tab never reached ${typeof wanted === 'string' ? `#${wanted}` : 'the element wanted'}; it went ${trail.join(', ')}`,
      );
    }
    await page.keyboard.press('Tab');
    element = await focused(page);
    trail.push(describeElement(element));
    // Past the page's last box focus leaves the page; going round again would hide a box out of order.
    if (element.tag === 'body')
      throw new Error(
        `Tab went past the end of the page looking for ${typeof wanted === 'string' ? `#${wanted}` : 'the element wanted'}; it went ${trail.join(', ')}`,
      );
  }
  return element;
}

/** A link or button by its words (arrows drawn beside them aside), for tabTo. */
export function withText(text: string): (element: FocusedElement) => boolean {
  return (element) =>
    (element.tag === 'a' || element.tag === 'button') && element.text.replace(/[←→]/g, '').trim() === text;
}

let registrations = 0;

/**
 * Registers a new account through the API, in this tab's browser context, so the tab is signed
 * in (for tests about pages behind the sign-in gate; the keyboard walk registers through the screens).
 */
export async function signInTab(tab: PortalPage): Promise<string> {
  const { WALK_PASSWORD } = await import('./keyboard.ts');
  const email = `tab${++registrations}.${process.pid}@example.org`;
  const request = tab.page.context().request;
  const registered = await request.post(`${tab.baseUrl}/api/account/registrations`, {
    data: { forename: 'Sam', surname: 'Carter', email, password: WALK_PASSWORD, confirmPassword: WALK_PASSWORD },
  });
  if (registered.status() !== 202) throw new Error(`Registering failed: ${await registered.text()}`);
  const verified = await request.post(`${tab.baseUrl}/api/account/registrations/verify`, {
    data: { code: codeIn(await tab.smtp.nextTo(email)) },
  });
  if (verified.status() !== 201) throw new Error(`Verifying failed: ${await verified.text()}`);
  return email;
}

/**
 * Runs `use` in a fresh tab (signed in when asked: most form pages need an account), then checks
 * that nothing in it broke the Content-Security-Policy or threw.
 */
export async function inTab(
  use: (tab: PortalPage) => Promise<void>,
  {
    width,
    signedIn = false,
    timezoneId,
  }: {
    width?: number;
    signedIn?: boolean /** The browser's own time zone, the machine's unless given. */;
    timezoneId?: string;
  } = {},
): Promise<void> {
  const { equal } = await import('uvu/assert');
  const tab = await openPage(width, undefined, timezoneId);
  try {
    if (signedIn) await signInTab(tab);
    await use(tab);
    equal(tab.cspViolations, [], 'the Content-Security-Policy blocked something');
    equal(tab.pageErrors, [], 'the page threw');
  } finally {
    await tab.close();
  }
}
