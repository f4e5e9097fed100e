import * as assert from 'uvu/assert';
import { mkdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadForms } from '../fixtures/forms.ts';
import { browserSuite, openPage, signInTab } from '../support/browser.ts';
import { openWithAnswers, pressNext, FORM_HEADING } from '../support/keyboard.ts';

const dir = fileURLToPath(new URL('../../test-artefacts/screenshots/', import.meta.url));
const WIDTHS = [1280, 375];
const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;

/** Opens a tab at each width, gets it to the state `show` leads to, and saves a whole-page screenshot as <name>-<width>.png. */
async function screenshots(name: string, show: (page: Page, baseUrl: string) => Promise<void>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const width of WIDTHS) {
    const file = `${dir}${name}-${width}.png`;
    await rm(file, { force: true });
    const tab = await openPage(width);
    const { page, baseUrl, close } = tab;
    await signInTab(tab);
    try {
      await show(page, baseUrl);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    } finally {
      await close();
    }
    // A blank or half-drawn page compresses to a few kilobytes; a drawn one is far bigger.
    const { size } = await stat(file);
    assert.ok(size > 20_000, `${file} is only ${size} bytes`);
  }
}

const shots = browserSuite('Screenshots for people to look at (test-artefacts/screenshots)');

shots('should save the home page at each width', () =>
  screenshots('home', async (page, baseUrl) => {
    await page.goto(`${baseUrl}/`);
    await page.locator('asc-portal .tile').first().waitFor();
  }),
);

shots('should save About you after Next on the empty page, with its errors, at each width', () =>
  screenshots('about-you-errors', async (page, baseUrl) => {
    await page.goto(`${baseUrl}/forms/social-care-referral/about-you`);
    await page.locator(FORM_HEADING).waitFor();
    await pressNext(page);
    await page.locator('asc-form .error-summary').waitFor();
  }),
);

shots('should save check your answers for a complete referral at each width', () =>
  screenshots('check-your-answers', async (page, baseUrl) => {
    await openWithAnswers(page, baseUrl, '/forms/social-care-referral/check-your-answers', referral.answers);
    await page.locator('asc-form button', { hasText: 'Submit' }).waitFor();
  }),
);

shots('should save a page just saved for later, and the list of saved forms, at each width', async () => {
  await screenshots('saved-for-later', async (page, baseUrl) => {
    await page.goto(`${baseUrl}/forms/dols-form-1/the-person`);
    await page.locator('asc-form #f-personFullName').fill('Pat Example');
    await page.locator('asc-form button', { hasText: 'Save for later' }).click();
    await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
  });
  await screenshots('saved-forms', async (page, baseUrl) => {
    await page.goto(`${baseUrl}/forms/dols-form-1/the-person`);
    await page.locator('asc-form button', { hasText: 'Save for later' }).click();
    await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
    await page.goto(`${baseUrl}/account/saved`);
    await page.locator('asc-saved-forms .saved-form').waitFor();
  });
});

shots('should save the confirmation after Submit at each width', () =>
  screenshots('submitted', async (page, baseUrl) => {
    await openWithAnswers(page, baseUrl, '/forms/social-care-referral/check-your-answers', referral.answers);
    await page.locator('asc-form button', { hasText: 'Submit' }).click();
    await page.locator('asc-form h1', { hasText: 'Form submitted' }).waitFor();
  }),
);

shots.run();
