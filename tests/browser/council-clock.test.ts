/**
 * A form in the browser counts today on the council's clock, not the browser's: a date that is
 * today where the council is but tomorrow where the browser is, or the other way round, is taken
 * or refused as the council's date says. The form is embedded in a council page, loading the
 * same API as the portal.
 */
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeAtEnd } from '../support/shared.ts';
import { browserSuite, startBrowser } from '../support/browser.ts';
import { startTestApp } from '../support/test-app.ts';
import { FORM_HEADING, fieldId } from '../support/keyboard.ts';
import { CLOCK_FORM_ID, NOT_IN_FUTURE, clockBuildDir, clockFormsDir } from '../support/clock-forms.ts';

/**
 * The portal for a council in `timeZone` (none named: the default), and a page of the council's
 * own site, on another origin, that embeds the clock sample: by the build's hashed script, or
 * from the address that stays the same from one build to the next.
 */
async function portalFor(timeZone: string | undefined, { stableAddress = false } = {}): Promise<{ pageUrl: string }> {
  let body = '';
  const site = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, 'localhost', resolve));
  closeAtEnd(() => new Promise<void>((resolve) => site.close(() => resolve())));
  const siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  const { app, baseUrl } = await startTestApp({
    BUILD_DIR: await clockBuildDir(),
    FORMS_DIR: await clockFormsDir(timeZone),
    EMBED_ORIGINS: siteUrl,
    DATABASE_URL: '',
  });
  body = `<!doctype html><html lang="en-GB"><head><title>Refer</title>
<script type="module" src="${baseUrl}${stableAddress ? '/embed/asc-form.js' : app.catalogue.manifest.embed}"></script></head>
<body><main><asc-form form-id="${CLOCK_FORM_ID}" api-base="${baseUrl}"></asc-form></main></body></html>`;
  return { pageUrl: `${siteUrl}/referral` };
}

/**
 * Opens the council's page embedding the clock sample in a browser set to `browserZone` at
 * `instant`, answers its date and presses Next; returns the messages shown for the date (none
 * when the form moved on to check your answers).
 */
async function answerDate(
  portal: { pageUrl: string },
  browserZone: string,
  instant: string,
  answer: string,
): Promise<{ messages: string[]; browserToday: string }> {
  const { browser } = await startBrowser();
  const context = await browser.newContext({ timezoneId: browserZone, locale: 'en-GB' });
  try {
    const page: Page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.clock.setFixedTime(new Date(instant));
    await page.goto(portal.pageUrl);
    await page.locator(FORM_HEADING, { hasText: 'When it was granted' }).waitFor();
    const browserToday = await page.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    });
    const [year, month, day] = answer.split('-') as [string, string, string];
    const id = fieldId('grantedOn');
    await page.locator(`asc-form #${id}`).fill(day);
    await page.locator(`asc-form #${id}-month`).fill(month);
    await page.locator(`asc-form #${id}-year`).fill(year);
    await page.locator('asc-form button', { hasText: 'Next' }).click();
    const refused = page.locator('asc-form .error-summary');
    const movedOn = page.locator(FORM_HEADING, { hasText: 'Check your answers' });
    await refused.or(movedOn).waitFor();
    const messages = (await refused.count()) ? await page.locator(`asc-form #${id}-error`).allTextContents() : [];
    return { messages: messages.map((m) => m.replace(/\s+/g, ' ').trim()), browserToday };
  } finally {
    await context.close();
  }
}

const REFUSED = [`Error: ${NOT_IN_FUTURE}`];

const clock = browserSuite("A form's today in the browser, on the council's clock");

clock('a browser on Kiritimati (UTC+14), already in tomorrow, should refuse a date after today in London', async () => {
  const portal = await portalFor('Europe/London');
  // 11:30 on 1 July in London; 00:30 on 2 July on Kiritimati.
  const instant = '2026-07-01T10:30:00Z';
  const tomorrow = await answerDate(portal, 'Pacific/Kiritimati', instant, '2026-07-02');
  assert.is(tomorrow.browserToday, '2026-07-02', "the browser's own today");
  assert.equal(tomorrow.messages, REFUSED);
  assert.equal((await answerDate(portal, 'Pacific/Kiritimati', instant, '2026-07-01')).messages, []);
});

clock("a browser in Los Angeles, still in yesterday, should take London's today after midnight in London", async () => {
  const portal = await portalFor(undefined);
  // 00:30 on 2 December in London (GMT); 16:30 on 1 December in Los Angeles.
  const instant = '2026-12-02T00:30:00Z';
  const today = await answerDate(portal, 'America/Los_Angeles', instant, '2026-12-02');
  assert.is(today.browserToday, '2026-12-01', "the browser's own today");
  assert.equal(today.messages, []);
  assert.equal((await answerDate(portal, 'America/Los_Angeles', instant, '2026-12-03')).messages, REFUSED);
});

clock('a council elsewhere should have its own today, from portal.json, in a browser in London', async () => {
  // Embedded from /embed/asc-form.js, as the README shows councils.
  const portal = await portalFor('America/Los_Angeles', { stableAddress: true });
  // 06:00 on 2 July in London (BST); 22:00 on 1 July in Los Angeles.
  const instant = '2026-07-02T05:00:00Z';
  const tomorrow = await answerDate(portal, 'Europe/London', instant, '2026-07-02');
  assert.is(tomorrow.browserToday, '2026-07-02', "the browser's own today");
  assert.equal(tomorrow.messages, REFUSED);
  assert.equal((await answerDate(portal, 'Europe/London', instant, '2026-07-01')).messages, []);
});

clock.run();
