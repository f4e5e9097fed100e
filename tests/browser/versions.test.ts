/**
 * A form version that has been replaced, in chromium: a tab still showing it (opened before the
 * new version came out) is told that it takes no new forms, and starts the current version with
 * one button, keeping the answers.
 */
import * as assert from 'uvu/assert';
import {
  browserSuite,
  axeViolations,
  focused,
  tabTo,
  withText,
  signInTab,
  inTab,
  startBrowser,
} from '../support/browser.ts';
import { savedBeforeRetiring } from '../support/saved-before-retiring.ts';
import { FORM_HEADING } from '../support/keyboard.ts';
import { newestVersion } from '../fixtures/forms.ts';

const versions = browserSuite('A replaced version in the browser');

versions(
  'saving a new form on a retired version should say it has been replaced, and one button should start the current version with the answers',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      await page.goto(`${baseUrl}/forms/social-care-referral/about-you`);
      await page.locator(FORM_HEADING).waitFor();
      // The tab opened before version 1 was retired: it still runs version 1.
      const loadedVersion = page.waitForEvent('console', (message) => message.text() === 'version 1 on screen');
      await page.evaluate(() => {
        const form = document.querySelector('asc-portal')!.shadowRoot!.querySelector('asc-form')!;
        form.addEventListener('asc-page-change', (event) => console.log(`version ${event.detail.version} on screen`), {
          once: true,
        });
        form.version = 1;
      });
      await loadedVersion;
      await page.locator('asc-form #f-referrerName').fill('Sam Carter');

      await tabTo(page, withText('Save for later'));
      await page.keyboard.press('Enter');
      const banner = page.locator('asc-form .banner');
      await banner.locator('h2', { hasText: 'Your form has not been saved' }).waitFor();
      const current = newestVersion('social-care-referral');
      assert.match(
        (await banner.textContent()) ?? '',
        `Version 1 of ‘Referral for social care’ has been replaced by version ${current}`,
      );
      assert.is((await focused(page)).className, 'status banner', 'focus should be on what happened');
      assert.equal(await axeViolations(page), [], 'the refusal');

      await tabTo(page, withText('Start the current version of this form'));
      await page.keyboard.press('Enter');
      await banner.locator('strong', { hasText: 'This is the current version of the form' }).waitFor();
      assert.is((await focused(page)).className, 'status banner');
      assert.equal(await axeViolations(page), [], 'the current version, started');
      assert.is(
        await page
          .locator('asc-portal asc-form')
          .evaluate(
            (form) => (form as HTMLElement & { currentAnswers: Record<string, unknown> }).currentAnswers.referrerName,
          ),
        'Sam Carter',
        'the answer typed is kept',
      );

      await tabTo(page, withText('Save for later'));
      await page.keyboard.press('Enter');
      await banner.locator('h2', { hasText: 'Your form has been saved' }).waitFor();
      const drafts = (await (await page.context().request.get(`${baseUrl}/api/drafts`)).json()).drafts;
      assert.equal(
        drafts.map((d: { formVersion: number }) => d.formVersion),
        [current],
      );
    }),
);

versions(
  'a form opened on a replaced version should say so at once, before anything is typed, with the way to the current one',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      // The embed's version attribute, or a link kept from before the new version came out.
      await page.goto(`${baseUrl}/forms/social-care-referral/about-you`);
      await page.locator(FORM_HEADING).waitFor();
      await page.evaluate(() => {
        document.querySelector('asc-portal')!.shadowRoot!.querySelector('asc-form')!.version = 1;
      });
      const banner = page.locator('asc-form .banner');
      await banner.locator('h2', { hasText: 'This version of the form has been replaced' }).waitFor();
      assert.match(
        (await banner.textContent()) ?? '',
        'Version 1 of ‘Referral for social care’ has been replaced by a newer version, and new forms cannot be started on it',
      );
      assert.equal(await axeViolations(page), [], 'the notice');
      await tabTo(page, withText('Start the current version of this form'));
      await page.keyboard.press('Enter');
      await banner.locator('strong', { hasText: 'This is the current version of the form' }).waitFor();
    }),
);

versions(
  'a form saved on a version before it was replaced should open as saved, with no word of it being replaced',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      const email = await signInTab(tab);
      const { app, dataDir, clock } = await startBrowser();
      const draftId = await savedBeforeRetiring(app, dataDir, clock, email, {
        formId: 'social-care-referral',
        formVersion: 1,
        pageId: 'about-you',
        answers: { referrerName: 'Sam Carter' },
      });
      await page.goto(`${baseUrl}/forms/social-care-referral/about-you?draft=${draftId}`);
      await page.locator(FORM_HEADING).waitFor();
      await page.locator('asc-form #f-referrerName').waitFor();
      assert.is(await page.locator('asc-form #f-referrerName').inputValue(), 'Sam Carter');
      assert.is(await page.locator('asc-form .banner', { hasText: 'has been replaced' }).count(), 0);
    }),
);

versions.run();
