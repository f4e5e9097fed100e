/**
 * Submitting in chromium, with the keyboard: Submit on check your answers, the confirmation with
 * its reference (focused, and read out), the email with the same reference, the list of forms
 * submitted, and the answers gone from the page once the person moves on.
 */
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { browserSuite, axeViolations, focused, tabTo, withText, signInTab, inTab } from '../support/browser.ts';
import { FORM_HEADING, openWithAnswers } from '../support/keyboard.ts';
import { loadForms } from '../fixtures/forms.ts';

const submitting = browserSuite('Submitting in the browser');
const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;

/** Check your answers of a complete referral. */
async function completeReferral(page: Page, baseUrl: string): Promise<void> {
  await openWithAnswers(page, baseUrl, '/forms/social-care-referral/check-your-answers', referral.answers);
  await page.locator('asc-form button', { hasText: 'Submit' }).waitFor();
}

submitting(
  'Submit should send the referral, confirm it with a reference, email the same reference, and list it in the account',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl, smtp } = tab;
      const email = await signInTab(tab);
      await completeReferral(page, baseUrl);
      await tabTo(page, withText('Submit'), 200);
      await page.keyboard.press('Enter');
      await page.locator('asc-form h1', { hasText: 'Form submitted' }).waitFor();
      const focus = await focused(page);
      assert.equal(
        [focus.tag, focus.text],
        ['h1', 'Form submitted'],
        'focus moves to the confirmation, so it is read out',
      );
      const reference = (await page.locator('asc-form .reference').textContent())!.trim();
      assert.match(reference, /^ASC-\w{4}-\w{4}$/);
      assert.match(
        (await page.locator('asc-form [part="page"]').textContent())!.replace(/\s+/g, ' '),
        `We have sent an email to ${email} to confirm it`,
        'the confirmation says which address the email went to',
      );
      assert.match(
        (await page.locator('asc-form [part="page"]').textContent())!.replace(/\s+/g, ' '),
        `’, about ${referral.answers.personFirstName} ${referral.answers.personLastName}, on `,
        'the confirmation says whom the form was about',
      );
      assert.match(await page.title(), /^Form submitted/);
      assert.equal(await axeViolations(page), [], 'the confirmation page');
      const mail = await smtp.nextTo(email);
      assert.match(mail.subject, new RegExp(reference));

      await page.goto(`${baseUrl}/account/submitted`);
      await page.locator('asc-submitted-forms .saved-form').waitFor();
      assert.match(
        (await page.locator('asc-submitted-forms .saved-form').first().textContent()) ?? '',
        new RegExp(`Reference number\\s*${reference}`),
      );
      assert.equal(await axeViolations(page), [], 'the list of forms submitted');
    }),
);

submitting(
  'a form carried on from Saved forms should leave the list once submitted, and its answers the page once the person moves on',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      await completeReferral(page, baseUrl);
      await page.locator('asc-form button', { hasText: 'Save for later' }).click();
      await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
      await page.locator('asc-form button', { hasText: 'Submit' }).click();
      await page.locator('asc-form h1', { hasText: 'Form submitted' }).waitFor();
      assert.not.match(page.url(), /draft=/, 'the address no longer names a saved copy');
      const drafts = await (await page.context().request.get(`${baseUrl}/api/drafts`)).json();
      assert.equal(drafts.drafts, [], 'the saved copy is deleted');

      await page
        .locator('asc-portal')
        .evaluate((portal) => (portal as HTMLElement & { navigateTo(path: string): void }).navigateTo('/'));
      await page.locator('asc-portal .tile').first().waitFor();
      await page
        .locator('asc-portal')
        .evaluate((portal) =>
          (portal as HTMLElement & { navigateTo(path: string): void }).navigateTo(
            '/forms/social-care-referral/check-your-answers',
          ),
        );
      await page.locator(FORM_HEADING, { hasText: 'Check your answers' }).waitFor();
      assert.is(await page.locator('asc-form .reference').count(), 0, 'not the confirmation of the form sent');
      assert.is(
        await page.locator('asc-form button', { hasText: 'Submit' }).count(),
        0,
        'a fresh form, with none of the answers sent',
      );
    }),
);

submitting.run();
