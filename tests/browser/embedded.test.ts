/**
 * DoLS Form 1 embedded on the council's own site, in chromium with real host names mapped to this
 * machine: the council's page on www.council.test, the portal on portal.council.test (another
 * origin, the same site), and a page of another site (www.other.test) embedding the same form.
 * On the council's page the person does everything the portal lets them, by the keyboard:
 * the captcha, registering, Save for later, Sign out, coming back, carrying on and Submit. On
 * the other site signing in cannot work, so the form says so and carries the answers over.
 */
import * as assert from 'uvu/assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  axeViolations,
  browserSuite,
  chromiumPath,
  focused,
  tabTo,
  withText,
} from '../support/browser.ts';
import { FORM_HEADING, WALK_PASSWORD, passCaptchaWithKeyboard, registerFromSecureLogin } from '../support/keyboard.ts';
import { closeAtEnd } from '../support/shared.ts';
import { tabBackTo } from '../support/staff-browser.ts';
import { startSmtpServer, codeIn } from '../support/smtp.ts';
import { freePort, startTestApp } from '../support/test-app.ts';
import { ANSWERS_TODAY, loadForms } from '../fixtures/forms.ts';

const it = browserSuite('A form embedded on the council\u2019s own site');
const dols1 = loadForms().find((f) => f.definition.id === 'dols-form-1')!;

/**
 * The answers with every date moved by as many days as today is from the day they are written
 * for: the server runs on the real clock here (its cookies expire by it), and the form's date
 * rules count from today.
 */
function answersForToday(answers: object): object {
  const day = 86_400_000;
  const today = Date.parse(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }));
  const shift = today - Date.parse(ANSWERS_TODAY);
  return JSON.parse(
    JSON.stringify(answers).replace(/"(\d{4}-\d{2}-\d{2})"/g, (_, date: string) =>
      JSON.stringify(new Date(Date.parse(date) + Math.round(shift / day) * day).toISOString().slice(0, 10)),
    ),
  );
}

interface Sites {
  browser: Browser;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  portal: string;
  council: string;
  other: string;
}
let started: Promise<Sites> | undefined;
/** How far the portal's clock has been moved on (to reach a timeout without waiting for it). */
let serverClockOffset = 0;

/** The portal, the council's site and another site, each by its own host name, and a browser that finds them all here. */
function sites(): Promise<Sites> {
  started ??= (async () => {
    const smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    let page = '';
    let framing = '';
    const site = createServer((request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(request.url === '/framed' ? framing : page);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    closeAtEnd(() => new Promise<void>((resolve) => site.close(() => resolve())));
    const sitePort = (site.address() as AddressInfo).port;
    const council = `http://www.council.test:${sitePort}`;
    const other = `http://www.other.test:${sitePort}`;
    const portalPort = await freePort();
    const portal = `http://portal.council.test:${portalPort}`;
    await startTestApp(
      {
        EMBED_ORIGINS: `${council} ${other}`,
        FRAME_ANCESTORS: other,
        PUBLIC_URL: portal,
        SMTP_URL: smtp.url,
        DATABASE_URL: '',
      },
      { clock: { now: () => Date.now() + serverClockOffset } },
      portalPort,
    );
    page = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Refer to adult social care</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="${portal}/embed/asc-form.js"></script></head>
<body><main><h1>Refer someone to adult social care</h1><asc-form form-id="dols-form-1" api-base="${portal}" captcha></asc-form></main></body></html>`;
    framing = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Care homes in Sefton</title></head>
<body><main><h1>Care homes in Sefton</h1><iframe title="Refer to adult social care" src="${portal}/forms/dols-form-1" width="1000" height="800"></iframe></main></body></html>`;
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        ...CHROMIUM_ARGS,
        '--host-resolver-rules=MAP *.council.test 127.0.0.1, MAP *.other.test 127.0.0.1',
        // As over HTTPS: the captcha works out its answer with Web Crypto, which only secure pages have.
        `--unsafely-treat-insecure-origin-as-secure=${council},${other},${portal}`,
      ],
    });
    closeAtEnd(() => browser.close());
    return { browser, smtp, portal, council, other };
  })();
  return started;
}

async function newTab(
  browser: Browser,
  width = 1024,
): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

const typeAt = async (page: Page, id: string, text: string) => {
  await tabTo(page, id, 120);
  await page.keyboard.type(text);
};

/** From "Before you start" past the captcha to the page that asks the person to sign in. */
async function toAccountGate(page: Page): Promise<void> {
  await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
  await passCaptchaWithKeyboard(page);
  await tabTo(page, withText('Next'));
  await page.keyboard.press('Enter');
  await page.locator(FORM_HEADING, { hasText: 'About you' }).waitFor();
}

it('a referrer on the council\u2019s page should register, save, sign out, come back, carry on and submit', async () => {
  const { browser, smtp, council } = await sites();
  const email = 'embedded.referrer@example.org';
  const { page, errors, close } = await newTab(browser);
  try {
    await page.goto(`${council}/refer`);
    // The council's own cookie (its cookie banner's, say), which signing out of the portal must leave alone.
    await page.context().addCookies([{ name: 'council_consent', value: 'yes', url: council }]);
    await registerOnCouncilPage(page, undefined, smtp, email, async (where) => {
      assert.equal(await axeViolations(page), [], where);
    });
    // Back on the form, signed in: the page that needed an account now asks its questions.
    assert.match((await page.locator('asc-form .signed-in-bar').textContent()) ?? '', /Signed in as Sam Carter/);
    await page.locator('asc-form #f-referrerJobTitle').waitFor();
    assert.equal(await axeViolations(page), [], 'the form, signed in on the council\u2019s page');
    await typeAt(page, 'f-referrerJobTitle', 'Ward manager');
    await tabTo(page, withText('Save for later'), 120);
    await page.keyboard.press('Enter');
    await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();

    // Sign out is above the form, beside the name, as the portal has it in its header.
    await tabBackTo(page, 'sign-out', 120);
    await page.keyboard.press('Enter');
    await page.locator('asc-form .banner h2', { hasText: 'You have signed out' }).waitFor();
    assert.match((await page.locator('asc-form .banner').textContent()) ?? '', /Your form has been saved/);
    assert.is(await page.locator('asc-form .signed-in-bar').count(), 0);
    assert.match(await page.evaluate(() => document.cookie), /council_consent=yes/, 'the council\u2019s cookies stay');
    assert.is(await page.locator(FORM_HEADING).textContent(), 'Before you start', 'the answers left the screen');

    // Another day: the council's page again, signing in with the emailed code.
    await page.goto(`${council}/refer`);
    await toAccountGate(page);
    await tabTo(page, withText('Login or Register'));
    await page.keyboard.press('Enter');
    await page.locator('asc-form asc-account h1', { hasText: 'Secure login' }).waitFor();
    assert.is((await focused(page)).text, 'Secure login', 'focus moves to the sign-in');
    await typeAt(page, 'f-email', email);
    await typeAt(page, 'f-password', WALK_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('asc-account h1', { hasText: 'Check your email' }).waitFor();
    await typeAt(page, 'f-code', codeIn(await smtp.nextTo(email)));
    await page.keyboard.press('Enter');
    const offer = page.locator('asc-form .banner h2', { hasText: 'You have saved this form before' });
    await offer.waitFor();
    assert.equal(await axeViolations(page), [], 'the offer to carry on with a saved form');
    await tabTo(
      page,
      (element) => element.tag === 'button' && element.text.startsWith('Carry on with the form saved on'),
      120,
    );
    await page.keyboard.press('Enter');
    // What was on screen (the answers filled in from the account) is saved first, as the portal does.
    await page.locator('asc-form .banner', { hasText: 'The answers you had on screen have been saved too' }).waitFor();
    assert.is(
      await page.locator('asc-form #f-referrerJobTitle').inputValue(),
      'Ward manager',
      'the saved answers are back',
    );

    // The rest of the form is typed elsewhere in the tests: here, its complete answers, then Submit.
    await page.locator('asc-form').evaluate((form, answers) => {
      const element = form as HTMLElement & { currentAnswers: unknown; pageId?: string };
      element.currentAnswers = { ...(element.currentAnswers as object), ...(answers as object) };
      element.pageId = 'check-your-answers';
    }, answersForToday(dols1.answers));
    await page.locator('asc-form button', { hasText: 'Submit' }).waitFor();
    await tabTo(page, withText('Submit'), 300);
    await page.keyboard.press('Enter');
    await page.locator('asc-form h1', { hasText: 'Form submitted' }).waitFor();
    const reference = (await page.locator('asc-form .reference').textContent())!.trim();
    assert.match((await smtp.nextTo(email)).text ?? '', new RegExp(reference));
    assert.equal(errors, [], 'the page threw');
  } finally {
    await close();
  }
});

/**
 * On the council's page (opened at `url`, or already open), past the captcha to Login or
 * Register, then the three steps of registering, back to the form signed in.
 */
async function registerOnCouncilPage(
  page: Page,
  url: string | undefined,
  smtp: Sites['smtp'],
  email: string,
  check: (where: string) => Promise<void> = async () => {},
): Promise<void> {
  if (url) await page.goto(url);
  await toAccountGate(page);
  await tabTo(page, withText('Login or Register'));
  await page.keyboard.press('Enter');
  await registerFromSecureLogin(page, smtp, email, check);
}

it('on the council\u2019s page the form should warn before the session times out, and save and sign out', async () => {
  const { browser, smtp, council } = await sites();
  const { page, errors, close } = await newTab(browser);
  try {
    await page.clock.install();
    await registerOnCouncilPage(page, `${council}/refer`, smtp, 'embedded.timeout@example.org');
    await typeAt(page, 'f-referrerJobTitle', 'Care home manager');

    serverClockOffset += (18 * 60 + 5) * 1000;
    await page.clock.fastForward('18:05');
    const dialog = page.locator('asc-form #timeout-dialog');
    await dialog.waitFor({ state: 'visible' });
    assert.ok(
      await dialog.evaluate((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement)),
      'focus should be inside the dialog',
    );
    assert.equal(await axeViolations(page), [], 'the timeout warning on the council\u2019s page');
    await tabTo(page, withText('Save for later and sign out'));
    await page.keyboard.press('Enter');
    await page.locator('asc-form .banner h2', { hasText: 'You have signed out' }).waitFor();
    assert.match((await page.locator('asc-form .banner').textContent()) ?? '', /Your form has been saved/);
    assert.is(await page.locator(FORM_HEADING).textContent(), 'Before you start', 'the answers left the screen');
    assert.equal(errors, [], 'the page threw');
  } finally {
    await close();
  }
});

it('on the council\u2019s page a session that times out should clear the answers from the screen and say why', async () => {
  const { browser, smtp, council } = await sites();
  const { page, errors, close } = await newTab(browser);
  try {
    await page.clock.install();
    await registerOnCouncilPage(page, `${council}/refer`, smtp, 'embedded.idle@example.org');
    await typeAt(page, 'f-referrerJobTitle', 'Social worker');
    serverClockOffset += (20 * 60 + 10) * 1000;
    await page.clock.fastForward('20:10');
    await page.locator('asc-form .banner h2', { hasText: 'You have been signed out' }).waitFor();
    assert.is(await page.locator(FORM_HEADING).textContent(), 'Before you start', 'the answers left the screen');
    assert.is(await page.locator('asc-form .signed-in-bar').count(), 0);
    assert.equal(await axeViolations(page), [], 'signed out by the timeout');
    assert.equal(errors, [], 'the page threw');
  } finally {
    await close();
  }
});

it('signing out in a portal tab should clear the council\u2019s page when the person comes back to it', async () => {
  const { browser, smtp, council, portal } = await sites();
  const { page, errors, close } = await newTab(browser);
  try {
    await registerOnCouncilPage(page, `${council}/refer`, smtp, 'embedded.twotabs@example.org');
    await typeAt(page, 'f-referrerJobTitle', 'Occupational therapist');
    // The portal in another tab of the same browser, where the person signs out.
    const portalTab = await page.context().newPage();
    await portalTab.goto(`${portal}/`);
    await portalTab.locator('asc-portal .menu-button').click();
    await portalTab.locator('asc-portal button.link-button', { hasText: 'Sign out' }).click();
    await portalTab.locator('asc-portal h1', { hasText: 'You have signed out' }).waitFor();
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('asc-form .banner h2', { hasText: 'Who is signed in has changed' }).waitFor();
    assert.is(await page.locator(FORM_HEADING).textContent(), 'Before you start', 'the answers left the screen');
    assert.is(await page.locator('asc-form .signed-in-bar').count(), 0);
    assert.equal(errors, [], 'the page threw');
  } finally {
    await close();
  }
});

it('the council\u2019s page should show the first page from the form\u2019s opening, and go on once the whole form has come', async () => {
  const { browser, council } = await sites();
  const { page, errors, close } = await newTab(browser);
  try {
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/forms/'))
        asked.push(new URL(request.url()).pathname + new URL(request.url()).search);
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    // The whole definition (a version's address without ?opening) is held back until released.
    await page.route(/\/api\/forms\/dols-form-1\/versions\/\d+$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${council}/refer`);
    await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
    assert.is(asked[0], '/api/forms/dols-form-1?opening', 'the first page asked for the opening only');
    await passCaptchaWithKeyboard(page);
    await tabTo(page, withText('Next'));
    await page.keyboard.press('Enter');
    await page.locator('asc-form', { hasText: 'Checking your answers…' }).waitFor();
    assert.is(await page.locator(FORM_HEADING).textContent(), 'Before you start', 'no later page without its words');

    release();
    await page.locator(FORM_HEADING, { hasText: 'About you' }).waitFor();
    assert.ok(
      asked.some((path) => /^\/api\/forms\/dols-form-1\/versions\/\d+$/.test(path)),
      'the whole form came after',
    );
    assert.equal(errors, []);
  } finally {
    await close();
  }
});

it('the council\u2019s page should show the captcha\u2019s box with the first page, and fetch its challenge and solver only once it is ticked', async () => {
  const { browser, council } = await sites();
  const { page, errors, close } = await newTab(browser);
  try {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${council}/refer`);
    await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
    await page.locator('asc-form asc-captcha input[type=checkbox]').waitFor();
    const captchaAsked = () => asked.filter((path) => path.startsWith('/api/captcha/challenge')).length;
    assert.is(captchaAsked(), 0, 'the form said which check it asks for: no challenge fetched to find out');
    assert.not.ok(
      asked.some((path) => path.includes('captcha-solver')),
      'the solver waits for the tick',
    );
    await passCaptchaWithKeyboard(page);
    assert.is(captchaAsked(), 1, 'one challenge, for the tick');
    assert.ok(
      asked.some((path) => path.includes('captcha-solver')),
      'the solver came with the tick',
    );
    assert.equal(errors, []);
  } finally {
    await close();
  }
});

it('on another site the form should say signing in cannot work there, and carry the answers to the portal', async () => {
  const { browser, other, portal } = await sites();
  const { page, errors, close } = await newTab(browser, 320);
  try {
    await page.goto(`${other}/refer`);
    await toAccountGate(page);
    await tabTo(page, withText('Login or Register'));
    await page.keyboard.press('Enter');
    const heading = page.locator('asc-form h1', { hasText: 'Continue on the council\u2019s portal to sign in' });
    await heading.waitFor();
    assert.is((await focused(page)).text, 'Continue on the council\u2019s portal to sign in');
    assert.is(await page.locator('asc-form asc-account').count(), 0, 'no sign-in that would fail');
    assert.equal(await axeViolations(page), [], 'the way on to the portal, at 320 px');
    // Sefton's forms ask nothing before sign-in; a council's form that does carries its answers so far.
    await page.locator('asc-form').evaluate((form) => {
      (form as HTMLElement & { currentAnswers: unknown }).currentAnswers = { requestType: 'standard-only' };
    });
    const host = new URL(portal).host;
    await tabTo(page, withText(`Continue on ${host}`));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${portal}/forms/dols-form-1/about-you`);
    await page.locator('asc-portal asc-form h1[part="page-title"]', { hasText: 'About you' }).waitFor();
    assert.is(new URL(page.url()).hash, '', 'the answers are not left in the address');
    const carried = await page
      .locator('asc-portal asc-form')
      .evaluate((form) => (form as HTMLElement & { currentAnswers: Record<string, unknown> }).currentAnswers);
    assert.is(carried.requestType, 'standard-only', 'the answers came with the person');
    assert.match(
      (await page.locator('asc-portal .notice', { hasText: 'came with you' }).textContent()) ?? '',
      new RegExp(`came with you from ${new URL(other).host.replace('.', '\\.')}\\. Check each one`),
      'and the person is told where from, to check them',
    );
    await page.locator('asc-portal asc-form button', { hasText: 'Login or Register' }).waitFor();
    assert.equal(errors, [], 'the page threw');
  } finally {
    await close();
  }
});

it('the portal in a frame on another site should send the person to sign in in a window of its own', async () => {
  const { browser, other, portal } = await sites();
  const { page, errors, close } = await newTab(browser, 1100);
  try {
    await page.goto(`${other}/framed`);
    const frame = page.frameLocator('iframe');
    await frame.locator('asc-form h1[part="page-title"]', { hasText: 'Before you start' }).waitFor();
    await frame.locator('asc-form asc-captcha input[type="checkbox"]').focus();
    await page.keyboard.press('Space');
    await frame.locator('asc-form p', { hasText: 'you can start the form' }).waitFor({ timeout: 20_000 });
    await frame.locator('asc-form button', { hasText: 'Next' }).click();
    await frame.locator('asc-form button', { hasText: 'Login or Register' }).click();
    await frame.locator('h1', { hasText: 'Continue on the council\u2019s portal to sign in' }).waitFor();
    assert.is(await frame.locator('asc-account').count(), 0, 'no sign-in that would fail');
    await frame.locator('a', { hasText: `Continue on ${new URL(portal).host}` }).click();
    await page.waitForURL(`${portal}/forms/dols-form-1/about-you`);
    await page.locator('asc-portal asc-form h1[part="page-title"]', { hasText: 'About you' }).waitFor();
    assert.equal(errors, [], 'the page threw');
  } finally {
    await close();
  }
});

it.run();
