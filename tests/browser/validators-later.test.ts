/**
 * A form's validators (the precompiled checks of its answers) are not needed to show a page, so
 * the form's first page comes without them and they load once it is on screen (with the words of
 * the form's later pages, which the portal's page leaves out). Whatever checks answers waits for
 * them: Next, and Check your answers; a later page waits for its words. When they cannot be loaded, the form says
 * so and keeps what the person typed, and the next try loads them.
 */
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { browserSuite, axeViolations, focused, inTab } from '../support/browser.ts';
import { passCaptchaWithKeyboard, pressNext, FORM_HEADING } from '../support/keyboard.ts';
import { loadForms } from '../fixtures/forms.ts';

const suite = browserSuite("A form's validators, after its first page");
const definition = loadForms().find((f) => f.definition.id === 'dols-form-1')!.definition;
const VALIDATORS = '**/assets/forms/dols-form-1-*.js';
const ABOUT_YOU = definition.pages.find((p) => p.id === 'about-you')!.title;

/** Holds every request to `pattern` (the form's validators unless given) until `release` is called. */
async function hold(page: Page, pattern = VALIDATORS): Promise<{ asked: () => number; release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  await page.route(pattern, async (route) => {
    asked++;
    await released;
    await route.continue();
  });
  return { asked: () => asked, release };
}

/** From the first page, past the captcha, to "About you" (a page of questions) with nothing answered. */
async function toAboutYou(page: Page): Promise<void> {
  await passCaptchaWithKeyboard(page);
  await page.locator('asc-form').evaluate((form) => {
    (form as HTMLElement & { pageId: string }).pageId = 'about-you';
  });
  await page.locator(FORM_HEADING, { hasText: ABOUT_YOU }).waitFor();
}

suite('the first page should show while the validators are still coming, and Next should wait for them', () =>
  inTab(
    async ({ page, baseUrl }) => {
      const validators = await hold(page);
      await page.goto(`${baseUrl}/forms/dols-form-1`);
      await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
      await toAboutYou(page);
      assert.ok(validators.asked() >= 1, 'the form asked for its validators once its page was on screen');

      await page.evaluate(() => {
        const seen: unknown[] = [];
        Object.assign(window, { failedChecks: seen });
        document.addEventListener('asc-validation-failed', (event) => seen.push(event.type));
      });
      await pressNext(page);
      await page.locator('asc-form', { hasText: 'Checking your answers…' }).waitFor();
      assert.is(await page.locator('asc-form .error-summary').count(), 0, 'no verdict before the checks are here');
      assert.is(await page.locator(FORM_HEADING).textContent(), ABOUT_YOU, 'and the page does not move on');
      await pressNext(page); // impatient: a second press waits with the first

      validators.release();
      await page.locator('asc-form .error-summary').waitFor();
      assert.is(
        await page.evaluate(() => (window as unknown as { failedChecks: unknown[] }).failedChecks.length),
        1,
        'one verdict for the two presses',
      );
      assert.is(await page.locator('asc-form', { hasText: 'Checking your answers…' }).count(), 0);
      assert.is((await focused(page)).className, 'error-summary', 'the problems, once checked, take the focus');
      assert.ok((await page.locator('asc-form .error-summary a').count()) > 0, 'each problem a link to its box');
    },
    { signedIn: true },
  ));

suite('a later page should wait for the rest of the form, whose words the first page came without', () =>
  inTab(
    async ({ page, baseUrl }) => {
      const whole = await hold(page, '**/api/forms/dols-form-1/versions/*');
      await page.goto(`${baseUrl}/forms/dols-form-1`);
      await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
      await passCaptchaWithKeyboard(page);
      await page.locator('asc-form').evaluate((form) => {
        (form as HTMLElement & { pageId: string }).pageId = 'about-you';
      });
      await page.locator('asc-form [role="status"]', { hasText: 'Loading the form' }).waitFor();
      assert.is(await page.locator(FORM_HEADING, { hasText: ABOUT_YOU }).count(), 0, 'not a page without its words');

      whole.release();
      await page.locator(FORM_HEADING, { hasText: ABOUT_YOU }).waitFor();
      const question = definition.pages.find((p) => p.id === 'about-you')!.questions![0] as { label: string };
      await page.locator('asc-form label', { hasText: question.label }).first().waitFor();
    },
    { signedIn: true },
  ));

suite('validators that do not load should be said, the answers kept, and the next Next should load them', () =>
  inTab(
    async ({ page, baseUrl }) => {
      await page.route(VALIDATORS, (route) => route.abort('internetdisconnected'));
      await page.goto(`${baseUrl}/forms/dols-form-1`);
      await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
      await toAboutYou(page);
      const firstBox = page.locator('asc-form input[type="text"]').first();
      await firstBox.fill('Sam');

      await pressNext(page);
      const banner = page.locator('asc-form .banner');
      await banner.locator('h2', { hasText: 'Your answers have not been checked' }).waitFor();
      assert.match((await banner.textContent()) ?? '', /Check your connection, then try again/);
      assert.is((await focused(page)).className, 'status banner', 'the message takes the focus, to be heard');
      assert.is(await page.locator(FORM_HEADING).textContent(), ABOUT_YOU);
      assert.is(await firstBox.inputValue(), 'Sam', 'what was typed is still there');
      assert.equal(await axeViolations(page), [], 'axe with the message shown');

      await page.unroute(VALIDATORS);
      await pressNext(page);
      await page.locator('asc-form .error-summary').waitFor();
      assert.is(await banner.count(), 0, 'the message goes once the answers are checked');
    },
    { signedIn: true },
  ));

suite('Check your answers should wait for the validators, and offer to try again if they do not come', () =>
  inTab(
    async ({ page, baseUrl }) => {
      await page.route(VALIDATORS, (route) => route.abort('internetdisconnected'));
      await page.goto(`${baseUrl}/forms/dols-form-1/check-your-answers`);
      const alert = page.locator('asc-form [role="alert"] h2', { hasText: 'Your answers have not been checked' });
      await alert.waitFor();
      assert.equal(await axeViolations(page), [], 'axe with the message shown');

      await page.unroute(VALIDATORS);
      await page.locator('asc-form button', { hasText: 'Try again' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('asc-form h2', { hasText: 'You cannot submit this form yet' }).waitFor();
      assert.is(await alert.count(), 0);
    },
    { signedIn: true },
  ));

suite.run();
