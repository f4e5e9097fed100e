/**
 * The portal's page brings what its first screen shows, so a form's first page is there without
 * asking the API for the portal, the forms, the account, the definition or the captcha; what the
 * person opens after it is asked for as before. A form whose wording reads like markup ("</script>")
 * shows it as words.
 */
import * as assert from 'uvu/assert';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { FormDefinition } from '../../engine/index.ts';
import { buildAll } from '../../scripts/lib/build-all.ts';
import {
  axeViolations,
  browserSuite,
  focused,
  inTab,
  startBrowser,
  tabTo,
  withText,
  type FocusedElement,
} from '../support/browser.ts';
import { FORM_HEADING } from '../support/keyboard.ts';
import { closeAtEnd } from '../support/shared.ts';
import { startTestApp } from '../support/test-app.ts';
import { clockForm } from '../support/clock-forms.ts';
import { loadForms } from '../fixtures/forms.ts';

const it = browserSuite('A form page with what it shows first brought by the page');
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The API's addresses the page asked for, from now on, but for the rest of the form's definition:
 * the form asks for that once its first page is on screen, and here it never comes, so the page
 * is seen to show without it.
 */
async function apiRequests(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/api/forms/*/versions/*', () => {});
  // The portal's own pages' words, which a form's page comes without, are asked for once it is on screen.
  await page.route('**/api/portal', () => {});
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && !/^\/api\/(forms\/[^/]+\/versions\/|portal$)/.test(pathname))
      asked.push(pathname);
  });
  return asked;
}

const CAPTCHA_BOX = 'asc-form asc-captcha input[type="checkbox"]';

it('should show DoLS Form 1\u2019s first page and its captcha without asking the API for anything', () =>
  inTab(async ({ page, baseUrl }) => {
    const asked = await apiRequests(page);
    await page.goto(`${baseUrl}/forms/dols-form-1`);
    await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
    await page.locator(CAPTCHA_BOX).waitFor({ timeout: 20_000 });
    assert.ok(await page.locator('asc-portal a', { hasText: 'Sign in' }).isVisible(), 'signed out, it says so');
    assert.match(
      (await page.locator('asc-portal footer').textContent()) ?? '',
      /Sefton Council/,
      "the portal's content",
    );
    assert.equal(asked, []);
  }));

it('should show the person signed in on the form page without asking who it is', () =>
  inTab(
    async ({ page, baseUrl }) => {
      const asked = await apiRequests(page);
      await page.goto(`${baseUrl}/forms/dols-form-1`);
      await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
      await page.locator('asc-portal .menu-button', { hasText: 'Sam Carter' }).waitFor();
      await page.locator(CAPTCHA_BOX).waitFor({ timeout: 20_000 });
      assert.equal(asked, []);
    },
    { signedIn: true },
  ));

it('should ask the API for a form opened after the first page, and show it', () =>
  inTab(async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/forms/dols-form-1`);
    await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/api/forms/social-care-referral?opening'),
    );
    const whole = page.waitForResponse((response) =>
      /\/api\/forms\/social-care-referral\/versions\/\d+$/.test(response.url()),
    );
    await page.evaluate(() => document.querySelector('asc-portal')!.navigateTo('/forms/social-care-referral'));
    assert.is((await answered).status(), 200, 'the other form came from the API, its opening for its first page');
    assert.is((await whole).status(), 200, 'and the whole of it after');
    const title = loadForms().find((f) => f.definition.id === 'social-care-referral')!.definition.title;
    await page.waitForFunction((title) => document.title.includes(title), title);
    await page.locator(FORM_HEADING, { hasText: 'Before you start' }).and(page.locator(':visible')).waitFor();
  }));

/** Presses Shift+Tab until the element wanted has the focus: the header, from a form's heading. */
async function backTo(page: Page, wanted: (element: FocusedElement) => boolean): Promise<void> {
  for (let presses = 0; presses < 10; presses++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error('Shift+Tab did not reach the element wanted');
}

it('should bring the portal\u2019s own pages\u2019 words after a form\u2019s page, for going home from it', () =>
  inTab(async ({ page, baseUrl }) => {
    const home = 'Welcome to Sefton Adult Social Care';
    const words = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/portal');
    await page.goto(`${baseUrl}/forms/dols-form-1`);
    await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
    assert.is((await words).status(), 200, 'asked for once the form is on screen');
    await backTo(page, withText('Sefton Adult Social Care'));
    await page.keyboard.press('Enter');
    await page.locator('asc-portal h1', { hasText: home }).waitFor();
    assert.is(await page.evaluate(() => document.title), `${home} \u2013 Sefton Adult Social Care`);
  }));

it('should say so when the portal\u2019s own page cannot load its words, and show it on Try again', () =>
  inTab(async ({ page, baseUrl }) => {
    const home = 'Welcome to Sefton Adult Social Care';
    await page.route('**/api/portal', (route) => route.abort());
    await page.goto(`${baseUrl}/forms/dols-form-1`);
    await page.locator(FORM_HEADING, { hasText: 'Before you start' }).waitFor();
    await backTo(page, withText('Sefton Adult Social Care'));
    await page.keyboard.press('Enter');
    await page.locator('asc-portal h1', { hasText: 'Sorry, this page could not be loaded' }).waitFor();
    assert.equal(await axeViolations(page), [], 'axe, at 1280 px');
    await page.setViewportSize({ width: 320, height: 800 });
    assert.equal(await axeViolations(page), [], 'axe, at 320 px');
    await page.unroute('**/api/portal');
    await tabTo(page, withText('Try again'));
    await page.keyboard.press('Enter');
    await page.locator('asc-portal h1', { hasText: home }).waitFor();
    const onFocus = await page.evaluate(
      () => document.querySelector('asc-portal')!.shadowRoot!.activeElement?.textContent,
    );
    assert.is(onFocus, home, 'its heading takes the focus once it has come');
  }));

/** A build whose one form has a label and a page title that read like markup closing the data block. */
async function markupForm(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-markup-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  const form = structuredClone(clockForm) as FormDefinition;
  form.id = 'markup-sample';
  form.title = 'Markup sample';
  const [first] = form.pages as Array<{ title: string; questions: Array<{ label: string }> }>;
  first!.title = 'When </script><script>document.title="taken"</script> it was granted';
  first!.questions[0]!.label = 'Date granted </script><!-- <b>bold</b> & more';
  await mkdir(join(dir, 'forms', form.id), { recursive: true });
  await writeFile(join(dir, 'forms', form.id, 'v1.json'), JSON.stringify(form, null, 2));
  await cp(join(root, 'forms/portal.json'), join(dir, 'forms/portal.json'));
  await buildAll(join(dir, 'forms'), join(dir, 'build'));
  const { baseUrl } = await startTestApp({ BUILD_DIR: join(dir, 'build'), FORMS_DIR: join(dir, 'forms') });
  return baseUrl;
}

it('should show a form\u2019s wording that reads like "</script>" as words, running nothing of it', async () => {
  const baseUrl = await markupForm();
  const { browser } = await startBrowser();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const asked = await apiRequests(page);
    await page.goto(`${baseUrl}/forms/markup-sample`);
    await page
      .locator(FORM_HEADING, { hasText: 'When </script><script>document.title="taken"</script> it was granted' })
      .waitFor();
    assert.ok(await page.getByText('Date granted </script><!-- <b>bold</b> & more').first().isVisible());
    assert.is.not(await page.title(), 'taken', 'the page title is the words, not what a script set');
    assert.equal(problems, []);
    assert.not.ok(asked.includes('/api/forms/markup-sample'), 'the definition came with the page');
  } finally {
    await context.close();
  }
});

it.run();
