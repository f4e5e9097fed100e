/**
 * <asc-captcha> where it lives: in the portal's bundle, on the portal's page and under its CSP.
 * A person reaches it with Tab, ticks it with Space, the widget does its proof of work, the server
 * accepts the answer, and the element says so with a token; nothing breaks the CSP or axe.
 */
import * as assert from 'uvu/assert';
import type { Page, Request } from 'playwright-core';
import { browserSuite, axeViolations, focused, describeElement, tabTo, inTab, withText } from '../support/browser.ts';
import { FORM_HEADING, passCaptchaWithKeyboard, pressNext } from '../support/keyboard.ts';
import { ALTCHA_COST, ALTCHA_COUNTER_MAX, ALTCHA_COUNTER_MIN } from '../../server/services/captcha.ts';

const CHECKBOX = 'asc-captcha input[type="checkbox"]';

/** The home page, with an <asc-captcha> put first in it (as a form's first page will have one), recording its events. */
async function homeWithCaptcha(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('asc-portal h1').waitFor();
  assert.ok(
    await page.evaluate(() => customElements.get('asc-captcha') !== undefined),
    "the portal's bundle should define <asc-captcha>",
  );
  await page.evaluate(() => {
    const events: unknown[] = [];
    Object.assign(window, { captchaEvents: events });
    const captcha = document.createElement('asc-captcha');
    // On document, so the event is seen to bubble out of the element.
    document.addEventListener('asc-captcha-verified', (event) => {
      const { detail, bubbles, composed } = event as CustomEvent;
      events.push({ detail, bubbles, composed });
    });
    document.body.prepend(captcha);
  });
  await page.locator(CHECKBOX).waitFor();
}

const captchaEvents = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          captchaEvents: Array<{ detail: { token: string; expiresAt: number }; bubbles: boolean; composed: boolean }>;
        }
      ).captchaEvents,
  );

/** The answer the widget sent, as the server read it. */
function answerIn(request: Request): { counter: number; time?: number } {
  const { payload } = request.postDataJSON() as { payload: string };
  return JSON.parse(Buffer.from(payload, 'base64').toString('utf8')).solution;
}

const captcha = browserSuite('<asc-captcha> in the portal');

captcha('a person should pass it with the keyboard alone, and the page hear of it with a token the server gave', () =>
  inTab(async ({ page, baseUrl }) => {
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${baseUrl}/`)) elsewhere.push(request.url());
    });
    await homeWithCaptcha(page, baseUrl);
    const checkbox = page.getByRole('checkbox', { name: 'I am not a robot' });
    assert.is(await checkbox.count(), 1, 'one checkbox, labelled "I am not a robot"');
    assert.equal(await axeViolations(page), [], 'axe before ticking');

    await tabTo(page, (element) => element.tag === 'input' && element.id === 'captcha');
    const verified = page.waitForResponse((response) => response.url().endsWith('/api/captcha/verify'));
    const started = Date.now();
    await page.keyboard.press('Space');
    const response = await verified;
    await page.waitForFunction(() => (window as unknown as { captchaEvents: unknown[] }).captchaEvents.length > 0);
    const took = Date.now() - started;

    assert.is(response.status(), 200);
    const accepted = (await response.json()) as { verified: boolean; token: string; expiresAt: number };
    assert.is(accepted.verified, true);
    const events = await captchaEvents(page);
    assert.is(events.length, 1);
    assert.equal(events[0], {
      detail: { token: accepted.token, expiresAt: accepted.expiresAt },
      bubbles: true,
      composed: true,
    });
    assert.ok(await page.locator(CHECKBOX).isChecked(), 'the checkbox shows it is done');
    assert.is(
      (await page.locator('asc-captcha label').textContent())?.trim(),
      'I am not a robot',
      'the box keeps its name',
    );
    assert.is(
      (await page.locator('asc-captcha [role=status]').textContent())?.trim(),
      'Verified',
      'the line under the box says it is done',
    );
    const onFocus = await focused(page);
    assert.ok(onFocus.id === 'captcha', `focus should stay on the checkbox, not ${describeElement(onFocus)}`);
    assert.equal(await axeViolations(page), [], 'axe once verified');
    assert.equal(elsewhere, [], 'self-hosted: nothing is asked of a third party');

    const { counter, time } = answerIn(response.request());
    console.log(
      `ALTCHA in Chromium: PBKDF2-SHA-256 x ${ALTCHA_COST} per guess, answer at guess ${counter} (of ${ALTCHA_COUNTER_MIN} to ${ALTCHA_COUNTER_MAX}), solved in ${time ?? '?'} ms; Space to verified event ${took} ms`,
    );
  }),
);

captcha(
  'a refused answer should say what to do, untick the box and keep focus on it, and the next try should pass',
  () =>
    inTab(async ({ page, baseUrl }) => {
      await homeWithCaptcha(page, baseUrl);
      // The first answer is refused, as an expired or replayed one would be.
      let refused = 0;
      await page.route('**/api/captcha/verify', async (route) => {
        if (refused++ > 0) return route.continue();
        await route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'captcha-failed', message: 'The check that you are not a robot did not work: try again' },
          }),
        });
      });
      await tabTo(page, (element) => element.tag === 'input' && element.id === 'captcha');
      await page.keyboard.press('Space');
      const message = page.locator('asc-captcha #captcha-error');
      await message.waitFor();
      assert.is(
        (await message.textContent())?.replace(/\s+/g, ' ').trim(),
        'Error: The check that you are not a robot did not work: try again',
      );
      await page.waitForFunction((selector) => {
        const box = document
          .querySelector('asc-captcha')
          ?.shadowRoot?.querySelector<HTMLInputElement>(selector.replace('asc-captcha ', ''));
        return (
          box &&
          !box.checked &&
          box.getRootNode() instanceof ShadowRoot &&
          (box.getRootNode() as ShadowRoot).activeElement === box
        );
      }, CHECKBOX);
      assert.is(
        await page.locator(CHECKBOX).getAttribute('aria-describedby'),
        'captcha-error captcha-status',
        'the message describes the checkbox, as does the line saying how the check is going',
      );
      assert.equal(await captchaEvents(page), [], 'no event for a refused answer');
      assert.equal(await axeViolations(page), [], 'axe with the error shown');

      await page.keyboard.press('Space');
      await page.waitForFunction(() => (window as unknown as { captchaEvents: unknown[] }).captchaEvents.length > 0);
      assert.is(await message.count(), 0, 'the error goes once the check passes');
      assert.is(await page.locator(CHECKBOX).getAttribute('aria-describedby'), 'captcha-status');
      assert.is(refused, 2);
    }),
);

captcha(
  'in a form, the box should keep the focus once passed, and show it passed when the person comes back to the page',
  () =>
    inTab(
      async ({ page, baseUrl }) => {
        await page.goto(`${baseUrl}/forms/dols-form-1`);
        await passCaptchaWithKeyboard(page);
        assert.is((await focused(page)).id, 'captcha', 'the focus stays on the box the person ticked');
        const status = page.locator('asc-form asc-captcha [role=status]');
        assert.is((await status.textContent())?.trim(), 'Verified', 'and the line under it says so');
        assert.ok(await page.locator(`asc-form ${CHECKBOX}`).isChecked());

        await pressNext(page);
        await page.locator(FORM_HEADING).filter({ hasNotText: 'Before you start' }).waitFor();
        await tabTo(page, withText('Previous'));
        await page.keyboard.press('Enter');
        await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
        assert.ok(await page.locator(`asc-form ${CHECKBOX}`).isChecked(), 'still ticked: no second check');
        assert.is((await status.textContent())?.trim(), 'Verified');
        assert.equal(await axeViolations(page), [], 'axe with the check passed');
      },
      { signedIn: true },
    ),
);

captcha.run();
