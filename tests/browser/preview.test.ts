/**
 * The authors' preview in chromium: a page of a draft that needs an account, opened from the
 * preview's list of pages in a browser nobody has signed in on, shows as a signed-in referrer sees
 * it (no sign-in, no captcha), marked as a draft, says Save for later is not available, and is
 * accessible.
 */
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { axeViolations, browserSuite, CHROMIUM_ARGS, chromiumPath } from '../support/browser.ts';
import { FORM_HEADING } from '../support/keyboard.ts';
import { closeAtEnd } from '../support/shared.ts';
import { formsWithDraft } from '../support/preview.ts';
import { silentLog } from '../support/captured-log.ts';
import { startPreview } from '../../scripts/preview/preview-server.ts';

const preview = browserSuite('The authors’ preview in the browser');
let baseUrl = '';
let browser: Browser;

preview.before(async () => {
  const { formsDir } = await formsWithDraft();
  const workDir = await mkdtemp(join(tmpdir(), 'asc-forms-preview-work-'));
  closeAtEnd(() => rm(workDir, { recursive: true, force: true }));
  const started = await startPreview({ formsDir, workDir, port: 0, host: '127.0.0.1', log: silentLog() });
  closeAtEnd(started.close);
  baseUrl = started.url;
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  closeAtEnd(() => browser.close());
});

preview(
  'a draft’s page that needs an account should open from the list of pages without signing in or a captcha, marked as a draft, axe clean',
  async () => {
    const context = await browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          problems.push(message.text());
      });
      await page.goto(`${baseUrl}/preview`);
      const version = page.locator('asc-preview .version').filter({ hasText: 'Version 3' });
      assert.ok(await version.getByText('Draft – not published').isVisible());
      await version.getByText('Pages (19)').click();
      await version.getByRole('link', { name: 'About you' }).click();

      await page.waitForURL(`${baseUrl}/forms/dols-form-1/about-you`);
      await page.locator(FORM_HEADING).filter({ hasText: 'About you' }).waitFor();
      // The page that needs an account shows its questions, as to a signed-in referrer.
      await page.getByRole('textbox', { name: /your full name/i }).waitFor();
      assert.is(await page.locator('asc-form [part="account-gate"]').count(), 0, 'no sign-in asked for');
      assert.is(await page.getByText(/not a robot/i).count(), 0, 'no captcha');
      assert.match((await page.locator('asc-portal header').textContent()) ?? '', 'Sam Sample');
      const banner = page.locator('asc-preview .phase');
      assert.match((await banner.textContent()) ?? '', /Draft – not published\s*Version 3 of this form/);

      assert.equal(await axeViolations(page), []);

      await page
        .getByRole('button', { name: /save for later/i })
        .first()
        .click();
      await page.getByText('Save for later is not available in preview').waitFor();
      assert.equal(problems, []);
    } finally {
      await context.close();
    }
  },
);

preview.run();
