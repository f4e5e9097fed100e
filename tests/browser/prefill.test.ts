/**
 * Nothing typed twice, in chromium with the keyboard: About you filled in from the account, "the
 * same person" filling the contact's boxes, a label naming the person, the declaration's date and
 * time set to now; every box still editable, axe clean, and usable at 320 pixels.
 */
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { browserSuite, axeViolations, inTab, tabTo, focused, withText } from '../support/browser.ts';
import { FORM_HEADING, fieldId, openWithAnswers, passCaptchaWithKeyboard, pressNext } from '../support/keyboard.ts';
import { ANSWERS_TODAY, loadForms } from '../fixtures/forms.ts';
import { wallClockIn } from '../../engine/index.ts';

const prefill = browserSuite('Answers filled in for the person');

const dols1 = loadForms().find((fixture) => fixture.definition.id === 'dols-form-1')!;
const referrer = Object.fromEntries(
  Object.entries(dols1.answers).filter(([id]) => id.startsWith('referrer') || id === 'isProfessional'),
);

const box = (page: Page, id: string) => page.locator(`asc-form #${fieldId(id)}`);
const heading = (page: Page, text: string) => page.locator(FORM_HEADING, { hasText: text }).waitFor();
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const labelOf = (page: Page, id: string) => page.locator(`asc-form fieldset:has(#${fieldId(id)}) legend`).first();

async function noAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
}

/** Replaces what a box holds, with the keyboard. */
async function retype(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, fieldId(id));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

prefill("signed in, About you should show the account's name and email, which the person can change", () =>
  inTab(
    async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}/`);
      const email = await page.evaluate(async () => (await (await fetch('/api/account')).json()).user.email);
      for (const { definition } of loadForms()) {
        await page.goto(`${baseUrl}/forms/${definition.id}/about-you`);
        await heading(page, 'About you');
        assert.is(await box(page, 'referrerName').inputValue(), 'Sam Carter', definition.id);
        assert.is(await box(page, 'referrerEmail').inputValue(), email, definition.id);
      }
      await noAxeViolations(page, 'About you, filled in');
      await retype(page, 'referrerName', 'Samantha Carter');
      assert.is(await box(page, 'referrerName').inputValue(), 'Samantha Carter');
      // Emptied by the person, it stays empty: the form does not fill it again behind their back.
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await tabTo(page, fieldId('referrerEmail'));
      assert.is(await box(page, 'referrerName').inputValue(), '');
      assert.ok((await scrollWidth(page)) <= 320, `About you is ${await scrollWidth(page)} pixels wide`);
    },
    { signedIn: true, width: 320 },
  ),
);

prefill(
  '"Are you the person dealing with this request?" should fill the contact from About you, and leave the boxes editable',
  () =>
    inTab(
      async ({ page, baseUrl }) => {
        await openWithAnswers(page, baseUrl, '/forms/dols-form-1/contact-for-this-request', referrer);
        await heading(page, 'Who is dealing with this request');
        assert.is(await box(page, 'contactName').inputValue(), '');
        await tabTo(page, fieldId('contactIsReferrer'));
        await page.keyboard.press('Space');
        assert.is(await box(page, 'contactName').inputValue(), referrer.referrerName);
        assert.is(await box(page, 'contactPhone').inputValue(), referrer.referrerPhone);
        assert.is(await box(page, 'contactEmail').inputValue(), referrer.referrerEmail);
        await page
          .locator('asc-form [role="status"]', {
            hasText: 'Filled in from About you: full name, phone number, email address',
          })
          .waitFor();
        assert.is((await focused(page)).id, fieldId('contactIsReferrer'), 'focus stays on the choice');
        await noAxeViolations(page, 'the contact, filled in');
        await retype(page, 'contactPhone', '07700 900461');
        // No: the boxes filled for "Yes" are emptied, and the one the person changed is kept.
        // Back to the choice (Shift+Tab lands on the chosen option), and the arrow key chooses No.
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        assert.is((await focused(page)).id, fieldId('contactIsReferrer'));
        await page.keyboard.press('ArrowDown');
        assert.is((await focused(page)).id, fieldId('contactIsReferrer-2'));
        assert.is(await box(page, 'contactName').inputValue(), '');
        assert.is(await box(page, 'contactEmail').inputValue(), '');
        assert.is(await box(page, 'contactPhone').inputValue(), '07700 900461');
        // Yes again, then the name edited: Next takes the answers as typed.
        await page.keyboard.press('ArrowUp');
        assert.is(await box(page, 'contactName').inputValue(), referrer.referrerName);
        await retype(page, 'contactPhone', 'not a number');
        await retype(page, 'contactWard', 'Rowan unit');
        await passCaptchaWithKeyboard(page);
        // Next finds a problem: the error summary takes over from the note about what was filled in.
        await tabTo(page, withText('Next'));
        await page.keyboard.press('Enter');
        await page.locator('asc-form .error-summary').waitFor();
        assert.not.match(
          (await page.locator('asc-form [role="status"]').allTextContents()).join(' '),
          'Filled in from About you',
          'the note about the boxes filled in goes once there is something to fix',
        );
        await retype(page, 'contactName', 'Jo Ashcroft-Pell');
        await retype(page, 'contactPhone', '07700 900461');
        assert.is(await pressNext(page), 'funding');
        const answers = await page
          .locator('asc-form')
          .evaluate((form) => (form as HTMLElement & { currentAnswers: Record<string, unknown> }).currentAnswers);
        assert.equal(
          [answers.contactIsReferrer, answers.contactName, answers.contactPhone, answers.contactEmail],
          ['yes', 'Jo Ashcroft-Pell', '07700 900461', referrer.referrerEmail],
        );
        assert.ok((await scrollWidth(page)) <= 320, `the contact page is ${await scrollWidth(page)} pixels wide`);
      },
      { signedIn: true, width: 320 },
    ),
);

prefill("a label should show the person's name once it is given, and read well before", () =>
  inTab(
    async ({ page, baseUrl }) => {
      const objects = labelOf(page, 'personObjects');
      await openWithAnswers(page, baseUrl, '/forms/dols-form-1/restrictions', referrer);
      await heading(page, 'Restrictions and the person');
      assert.match(
        (await objects.textContent()) ?? '',
        /^Does the person object to being in the care home or hospital/,
      );
      await openWithAnswers(page, baseUrl, '/forms/dols-form-1/restrictions', {
        ...referrer,
        personFullName: 'Edith Marsh',
      });
      assert.match(
        (await objects.textContent()) ?? '',
        /^Does Edith Marsh object to being in the care home or hospital/,
      );
      await noAxeViolations(page, 'a label with the name');
      // Check your answers (and so print) asks the question as the page did.
      await openWithAnswers(page, baseUrl, '/forms/dols-form-1/check-your-answers', dols1.answers);
      await page
        .locator('asc-form dt', {
          hasText: `Does ${dols1.answers.personFullName} object to being in the care home or hospital`,
        })
        .first()
        .waitFor();
      await noAxeViolations(page, 'check your answers with the name');
    },
    { signedIn: true },
  ),
);

prefill('the declaration should show the date and time now in the council’s time zone, and keep an edited time', () =>
  inTab(
    async ({ page, baseUrl }) => {
      // The tab's clock is fixed at noon on the fixtures' day (tests/support/browser.ts).
      const now = wallClockIn(new Date(`${ANSWERS_TODAY}T12:00:00`), 'Europe/London');
      const [year, month, day] = now.date.split('-');
      await openWithAnswers(page, baseUrl, '/forms/dols-form-1/declaration', referrer);
      await heading(page, 'Declaration');
      assert.is(await box(page, 'declarantName').inputValue(), referrer.referrerName);
      assert.is(await box(page, 'declarantPosition').inputValue(), referrer.referrerJobTitle);
      assert.equal(
        [
          await box(page, 'declarationDate').inputValue(),
          await box(page, 'declarationDate-month').inputValue(),
          await box(page, 'declarationDate-year').inputValue(),
        ],
        [day, month, year],
      );
      assert.is(await box(page, 'declarationTime').inputValue(), now.time);
      await noAxeViolations(page, 'the declaration, filled in');
      await retype(page, 'declarationTime', '09:45');
      await passCaptchaWithKeyboard(page);
      // Away and back again, the time edited is kept, not set to now again.
      await tabTo(page, withText('Previous'));
      await page.keyboard.press('Enter');
      await page.locator(FORM_HEADING, { hasText: 'Declaration' }).waitFor({ state: 'detached' });
      assert.is(await pressNext(page), 'declaration');
      assert.is(await box(page, 'declarationTime').inputValue(), '09:45', 'the edited time is kept');
    },
    { signedIn: true },
  ),
);

prefill('a declaration saved for later should be dated when it is opened again, unless the person changed it', () =>
  inTab(
    async ({ page, baseUrl }) => {
      await openWithAnswers(page, baseUrl, '/forms/dols-form-1/declaration', referrer);
      await heading(page, 'Declaration');
      await retype(page, 'declarationTime', '09:45');
      await tabTo(page, withText('Save for later'));
      await page.keyboard.press('Enter');
      await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
      const request = page.context().request;
      const [draft] = (await (await request.get(`${baseUrl}/api/drafts`)).json()).drafts;
      const saved = (await (await request.get(`${baseUrl}/api/drafts/${draft.id}`)).json()).draft.answers;
      assert.is(saved.declarationDate, undefined, 'the date filled in and left as it was is not kept');
      assert.is(saved.declarationTime, '09:45', 'the time the person typed is');

      // Opened again the next morning.
      const later = new Date(`${ANSWERS_TODAY}T12:00:00`);
      later.setDate(later.getDate() + 1);
      await page.clock.setFixedTime(later);
      const next = wallClockIn(later, 'Europe/London');
      await page.goto(`${baseUrl}/forms/dols-form-1/declaration?draft=${draft.id}`);
      await heading(page, 'Declaration');
      await box(page, 'declarationTime').waitFor();
      const [year, month, day] = next.date.split('-');
      assert.equal(
        [
          await box(page, 'declarationDate').inputValue(),
          await box(page, 'declarationDate-month').inputValue(),
          await box(page, 'declarationDate-year').inputValue(),
        ],
        [day, month, year],
        'dated the day it is opened again',
      );
      assert.is(await box(page, 'declarationTime').inputValue(), '09:45');
    },
    { signedIn: true },
  ),
);

prefill.run();
