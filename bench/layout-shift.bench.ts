/**
 * Cumulative layout shift on every portal page a person reaches, in headless chromium, at desktop
 * width and at 320 px: each page opened in a fresh browser context (nothing cached), its
 * layout-shift entries collected from navigation until the page is settled (buffered, those just
 * after the person's own input left out), and summed as Lighthouse does: in session windows (a gap
 * of at most 1 s, at most 5 s long), the largest window's sum. Each page's figure is printed
 * beside the 0.1 that counts as good.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/browser.ts';
import { startSmtpServer, codeIn } from '../tests/support/smtp.ts';
import { appCode, staffMembersOf, STAFF_PASSWORD } from '../tests/support/staff.ts';
import { systemClock } from '../server/services/clock.ts';
import { loadForms } from '../tests/fixtures/forms.ts';
import { createApp, readConfig } from '../server/index.ts';
import { buildAll } from '../scripts/lib/build-all.ts';
import { createLogger } from '../server/services/log.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Lighthouse's and Core Web Vitals' line for a good page. */
const GOOD_CLS = 0.1;
/** Desktop over loopback, and a phone 320 px wide on the network Lighthouse's mobile run emulates (150 ms round trips, 1.6 Mbit/s down). */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900, slow: false },
  { name: '320px slow', width: 320, height: 640, slow: true },
];
const PASSWORD = 'Lighthouse keeper 2 boats!';
const FORM_HEADING = 'asc-form h1[part="page-title"]';

interface Shift {
  value: number;
  startTime: number;
  sources: string[];
}

/** Collects the page's layout shifts from its very start, before any of its own scripts run. */
const OBSERVER = `(() => {
  window.__shifts = [];
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : '?';
    const host = node.getRootNode().host;
    const cls = typeof node.className === 'string' && node.className ? '.' + node.className.trim().split(/\\s+/).join('.') : '';
    return (host ? host.localName + ' >> ' : '') + node.localName + cls + ' "' + (node.textContent || '').trim().slice(0, 30) + '"';
  };
  const rect = (r) => Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts.push({ value: entry.value, startTime: entry.startTime, sources: (entry.sources || []).map((s) => describe(s.node) + ' ' + rect(s.previousRect) + ' to ' + rect(s.currentRect)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/** Lighthouse's CLS: shifts grouped in windows (gap ≤ 1 s, window ≤ 5 s); the largest window's sum. */
export function cumulativeLayoutShift(shifts: Array<Pick<Shift, 'value' | 'startTime'>>): number {
  let worst = 0;
  let sum = 0;
  let windowStart = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    if (shift.startTime - previous > 1000 || shift.startTime - windowStart > 5000) {
      sum = 0;
      windowStart = shift.startTime;
    }
    sum += shift.value;
    previous = shift.startTime;
    worst = Math.max(worst, sum);
  }
  return worst;
}

/** Waits until the page has made no request for half a second and no shift for 600 ms more (at most 8 s in all). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const deadline = Date.now() + 8000;
  let seen = -1;
  while (Date.now() < deadline) {
    const count = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts.length);
    if (count === seen) return;
    seen = count;
    await page.waitForTimeout(600);
  }
}

const shiftsOf = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);

interface PortalPage {
  name: string;
  path: string;
  signedIn: boolean | 'staff';
  /** What shows the page has arrived. */
  ready: string;
  /** Done on the page once it has settled; the shifts counted are those after it. */
  action?: (page: Page) => Promise<void>;
}

export async function benchLayoutShift(): Promise<{ worst: number; pages: Record<string, number> }> {
  const work = await mkdtemp(join(tmpdir(), 'asc-forms-cls-'));
  const smtp = await startSmtpServer();
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let browser: Browser | undefined;
  const server = await (async () => {
    await buildAll(join(root, 'forms'), join(work, 'build'));
    app = await createApp(
      readConfig({
        BUILD_DIR: join(work, 'build'),
        DATA_DIR: join(work, 'data'),
        PORT: '0',
        SMTP_URL: smtp.url,
        PASSWORD_HASH_COST: '10',
        RATE_LIMIT_SCALE: '100',
      }),
      { log: createLogger({ level: 'silent' }) },
    );
    const listening = app.koa.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    return listening;
  })();
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const newContext = (
      width: number,
      height: number,
      storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
    ) => browser!.newContext({ viewport: { width, height }, locale: 'en-GB', storageState });

    // One account, signed in through the API as the registration screens do, with a draft and a submission.
    const setUp = await newContext(1280, 900);
    const request = setUp.request;
    const email = `cls.${randomBytes(4).toString('hex')}@example.org`;
    await request.post(`${baseUrl}/api/account/registrations`, {
      data: { forename: 'Sam', surname: 'Carter', email, password: PASSWORD, confirmPassword: PASSWORD },
    });
    const verified = await request.post(`${baseUrl}/api/account/registrations/verify`, {
      data: { code: codeIn(await smtp.nextTo(email)) },
    });
    if (verified.status() !== 201) throw new Error(`Registering failed: ${await verified.text()}`);
    const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
    const { id: formId, version: formVersion } = referral.definition;
    const saveDraft = async () => {
      const response = await request.post(`${baseUrl}/api/drafts`, {
        data: { formId, formVersion, pageId: 'check-your-answers', answers: referral.answers },
      });
      if (response.status() !== 201) throw new Error(`Saving a draft failed: ${await response.text()}`);
      return ((await response.json()) as { draft: { id: string } }).draft.id;
    };
    const submitted = await request.post(`${baseUrl}/api/submissions`, {
      data: { formId, formVersion, answers: referral.answers, idempotencyKey: randomBytes(12).toString('hex') },
    });
    if (submitted.status() !== 201) throw new Error(`Submitting failed: ${await submitted.text()}`);
    const submissionId = ((await submitted.json()) as { submission: { id: string } }).submission.id;
    const signedIn = await setUp.storageState();

    // A member of the council's staff (an administrator, who sees the audit log too), set up and signed in with their app.
    const staffSetUp = await newContext(1280, 900);
    const staffEmail = `cls.staff.${randomBytes(4).toString('hex')}@sefton.gov.uk`;
    const members = await staffMembersOf(app!, join(work, 'data'), systemClock);
    const added = await members.add({ email: staffEmail, forename: 'Priya', surname: 'Shah', isAdmin: true });
    const staffStarted = await staffSetUp.request.post(`${baseUrl}/api/staff/set-up`, {
      data: {
        email: staffEmail,
        setupCode: added.setUp.code,
        password: STAFF_PASSWORD,
        confirmPassword: STAFF_PASSWORD,
      },
    });
    const { secret } = ((await staffStarted.json()) as { enrolment: { secret: string } }).enrolment;
    const enrolled = await staffSetUp.request.post(`${baseUrl}/api/staff/sign-in/enrol`, {
      data: { code: appCode(secret, Date.now()) },
    });
    if (enrolled.status() !== 201) throw new Error(`Enrolling staff failed: ${await enrolled.text()}`);
    const staffSignedIn = await staffSetUp.storageState();
    await staffSetUp.close();

    const forms = loadForms().map((f) => f.definition);
    const laterPage = referral.definition.pages[2]!.id;
    const portalPages = async (): Promise<PortalPage[]> => [
      { name: 'home', path: '/', signedIn: false, ready: 'asc-portal h1' },
      { name: 'referrals', path: '/referrals', signedIn: false, ready: 'asc-portal h1' },
      { name: 'DoLS', path: '/dols', signedIn: false, ready: 'asc-portal h1' },
      ...forms.map((f) => ({
        name: `${f.id}, first page`,
        path: `/forms/${f.id}`,
        signedIn: false,
        ready: FORM_HEADING,
      })),
      { name: 'sign in', path: '/account/sign-in', signedIn: false, ready: 'asc-portal h1' },
      { name: 'register', path: '/account/register', signedIn: false, ready: 'asc-portal h1' },
      { name: 'home, signed in', path: '/', signedIn: true, ready: 'asc-portal .menu-button' },
      ...forms.map((f) => ({
        name: `${f.id}, first page, signed in`,
        path: `/forms/${f.id}`,
        signedIn: true,
        ready: FORM_HEADING,
      })),
      { name: 'your account', path: '/account', signedIn: true, ready: 'asc-portal h1' },
      { name: 'saved forms', path: '/account/saved', signedIn: true, ready: 'asc-portal h1' },
      { name: 'sent forms', path: '/account/submitted', signedIn: true, ready: 'asc-submitted-forms .saved-form' },
      { name: 'a sent form', path: `/account/submitted/${submissionId}`, signedIn: true, ready: 'asc-portal h1' },
      {
        name: 'a later page',
        path: `/forms/${formId}/${laterPage}?draft=${await saveDraft()}`,
        signedIn: true,
        ready: FORM_HEADING,
      },
      {
        name: 'check your answers',
        path: `/forms/${formId}/check-your-answers?draft=${await saveDraft()}`,
        signedIn: true,
        ready: FORM_HEADING,
      },
      {
        name: 'confirmation',
        path: `/forms/${formId}/check-your-answers?draft=${await saveDraft()}`,
        signedIn: true,
        ready: FORM_HEADING,
        action: async (page) => {
          await page.locator('asc-form button', { hasText: 'Submit' }).click();
          await page.locator('asc-form h1', { hasText: 'Form submitted' }).waitFor({ timeout: 15_000 });
        },
      },
      { name: 'staff sign in', path: '/staff', signedIn: false, ready: 'asc-staff h1' },
      {
        name: 'staff: referrals',
        path: '/staff',
        signedIn: 'staff',
        ready: 'asc-staff [role=status] >> text=/^(Showing|No referrals)/',
      },
      {
        name: 'staff: a referral',
        path: `/staff/submissions/${submissionId}`,
        signedIn: 'staff',
        ready: 'asc-staff h1',
      },
      { name: 'staff: audit log', path: '/staff/audit', signedIn: 'staff', ready: 'asc-staff h1' },
    ];

    const results: Array<{ name: string; width: string; cls: number; sources: string[] }> = [];
    for (const { name: widthName, width, height, slow } of WIDTHS) {
      for (const portalPage of await portalPages()) {
        if (process.env.CLS_ONLY && !new RegExp(process.env.CLS_ONLY).test(`${portalPage.name}, ${widthName}`))
          continue;
        const state = { staff: staffSignedIn, true: signedIn, false: undefined }[String(portalPage.signedIn)];
        const context = await newContext(width, height, state);
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        await page.addInitScript(OBSERVER);
        if (slow) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 150,
            downloadThroughput: (1.6 * 1024 * 1024) / 8,
            uploadThroughput: (750 * 1024) / 8,
          });
        }
        await page.goto(`${baseUrl}${portalPage.path}`);
        await page.locator(portalPage.ready).first().waitFor();
        await settle(page);
        let from = 0;
        if (portalPage.action) {
          from = await page.evaluate(() => performance.now());
          await portalPage.action(page);
          await settle(page);
        }
        const shifts = (await shiftsOf(page)).filter((s) => s.startTime >= from);
        const cls = cumulativeLayoutShift(shifts);
        const sources = [...shifts]
          .sort((a, b) => b.value - a.value)
          .slice(0, 3)
          .map((s) => `${s.value.toFixed(3)} at ${s.startTime.toFixed(0)} ms: ${s.sources.join(', ')}`);
        results.push({ name: portalPage.name, width: widthName, cls, sources });
        await context.close();
      }
    }

    await setUp.close();
    const worst = Math.max(...results.map((r) => r.cls));
    console.log(
      `Cumulative layout shift on the portal's pages (headless chromium, no cache, Lighthouse's session windows; good is below ${GOOD_CLS}):`,
    );
    console.log(`  ${'page'.padEnd(54)}${WIDTHS.map((w) => w.name.padStart(14)).join('')}`);
    for (const name of [...new Set(results.map((r) => r.name))]) {
      const row = WIDTHS.map((w) => results.find((r) => r.name === name && r.width === w.name)?.cls);
      console.log(`  ${name.padEnd(54)}${row.map((cls) => (cls?.toFixed(3) ?? '').padStart(14)).join('')}`);
    }
    const worstPage = results.find((r) => r.cls === worst)!;
    console.log(
      `  worst: ${worst.toFixed(3)} (${worstPage.name}, ${worstPage.width}), ${(worst / GOOD_CLS).toFixed(2)} times the ${GOOD_CLS} line: ${worst < GOOD_CLS ? 'every page below it' : 'above it'}`,
    );
    if (process.env.CLS_DETAIL) {
      for (const r of results.filter((r) => r.sources.length))
        console.log(`  ${r.name}, ${r.width}:\n    ${r.sources.join('\n    ')}`);
    }
    return { worst, pages: Object.fromEntries(results.map((r) => [`${r.name}, ${r.width}`, r.cls])) };
  } finally {
    await browser?.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app?.close();
    await smtp.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLayoutShift();
