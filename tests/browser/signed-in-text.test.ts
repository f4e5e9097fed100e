/**
 * Words that depend on being signed in, in chromium: About you asks a person who has not signed
 * in to do so, and stops saying it once they have; the email question says where the
 * confirmation goes.
 */
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { browserSuite, axeViolations, signInTab, inTab } from '../support/browser.ts';
import { FORM_HEADING } from '../support/keyboard.ts';
import { loadForms } from '../fixtures/forms.ts';

const words = browserSuite('Words for someone signed in, or not');

/** The text of the form's page above its questions and the account gate, folded as a person reads it. */
const pageText = async (page: Page) =>
  ((await page.locator('asc-form [part="page"]').textContent()) ?? '').replace(/\s+/g, ' ');

const openAboutYou = async (page: Page, baseUrl: string, formId: string) => {
  await page.goto(`${baseUrl}/forms/${formId}/about-you`);
  await page.locator(FORM_HEADING, { hasText: 'About you' }).waitFor();
};

for (const { definition } of loadForms()) {
  words(`${definition.id}: About you should ask a person to sign in only while they have not`, () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await openAboutYou(page, baseUrl, definition.id);
      await page.locator('asc-form [part="account-gate"]').waitFor();
      const signedOut = await pageText(page);
      assert.match(signedOut, /sign in or register/, 'signed out, About you says to sign in');
      assert.is(
        signedOut.match(/then be asked for your (name and )?(contact )?details/g)?.length,
        1,
        'and says once, not twice, what comes after signing in',
      );
      assert.equal(await axeViolations(page), [], 'About you, signed out');

      await signInTab(tab);
      await openAboutYou(page, baseUrl, definition.id);
      await page.locator('asc-form #f-referrerName').waitFor();
      const text = await pageText(page);
      assert.not.match(text, /need to sign in/, 'signed in, About you no longer says to sign in');
      assert.match(text, /First, your/);
      const emailHint = await page.locator('asc-form #f-referrerEmail-hint').textContent();
      assert.match(emailHint ?? '', 'We will send the confirmation to the email address you signed in with');
      assert.not.match(emailHint ?? '', 'to this address');
      assert.equal(await axeViolations(page), [], 'About you, signed in');
    }),
  );
}

for (const { definition } of loadForms()) {
  words(`${definition.id}: Before you start should not tell a person who is signed in to sign in`, () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      await page.goto(`${baseUrl}/forms/${definition.id}/before-you-start`);
      await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
      assert.not.match(await pageText(page), /need to sign in/);
    }),
  );
}

words.run();
