/**
 * Save for later in chromium, with the keyboard: saving (after signing in when need be), the saved
 * list, carrying on from it, deleting, a stale tab, and saving from the timeout warning.
 */
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import {
  browserSuite,
  axeViolations,
  focused,
  tabTo,
  withText,
  signInTab,
  advanceServerClock,
  inTab,
  type PortalPage,
} from '../support/browser.ts';
import { FORM_HEADING, WALK_PASSWORD, passCaptchaWithKeyboard, registerFromSecureLogin } from '../support/keyboard.ts';
import { codeIn } from '../support/smtp.ts';

const drafts = browserSuite('Save for later in the browser');

const heading = (page: Page, text: string) =>
  page.locator('asc-portal h1, asc-account h1, asc-form h1[part="page-title"]', { hasText: text }).first().waitFor();
const savedDrafts = async (page: Page, baseUrl: string) =>
  (await (await page.context().request.get(`${baseUrl}/api/drafts`)).json()).drafts as Array<{
    id: string;
    pageId: string;
    version: number;
    deleteAt: number;
  }>;
// The server's clock, not the tab's (fixed at the fixtures' day), decides when a draft is deleted.
const longDate = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const openedDraft = async (page: Page, baseUrl: string, id: string) =>
  (await (await page.context().request.get(`${baseUrl}/api/drafts/${id}`)).json()).draft as {
    answers: Record<string, unknown>;
    version: number;
  };

async function saveWithKeyboard(page: Page): Promise<void> {
  await tabTo(page, withText('Save for later'));
  const saved = page.waitForResponse(
    (response) => new URL(response.url()).pathname.startsWith('/api/drafts') && [200, 201].includes(response.status()),
  );
  await page.keyboard.press('Enter');
  await saved;
  await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
}

/** Opens DoLS Form 1 at "About the person", types the person's name and saves, with the keyboard; returns the saved copy. */
async function savedWithName(page: Page, baseUrl: string, name: string) {
  await page.goto(`${baseUrl}/forms/dols-form-1/the-person`);
  await heading(page, 'About the person');
  await typeInto(page, 'f-personFullName', name);
  await saveWithKeyboard(page);
  return (await savedDrafts(page, baseUrl))[0]!;
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`asc-form #${id}`).waitFor();
  await tabTo(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Signs this tab in again through the API, with the emailed code (after signing out). */
async function signInAgain({ page, baseUrl, smtp }: PortalPage, email: string): Promise<void> {
  const request = page.context().request;
  assert.is(
    (await request.post(`${baseUrl}/api/account/sign-in`, { data: { email, password: WALK_PASSWORD } })).status(),
    202,
  );
  assert.is(
    (
      await request.post(`${baseUrl}/api/account/sign-in/verify`, { data: { code: codeIn(await smtp.nextTo(email)) } })
    ).status(),
    200,
  );
}

drafts(
  'Save for later before signing in should lead to registering, then save, and the form should say until when it is kept',
  () =>
    inTab(async ({ page, baseUrl, smtp }) => {
      // Every form asks its first questions after "About you", which needs an account: someone not
      // signed in can only save from the first pages, and is sent to sign in first, as the guide says.
      await page.goto(`${baseUrl}/forms/dols-form-1`);
      await heading(page, 'Before you start');
      await passCaptchaWithKeyboard(page);
      await tabTo(page, withText('Save for later'));
      await page.keyboard.press('Enter');
      await heading(page, 'Secure login');
      assert.match(
        (await page.locator('asc-account .inset').textContent()) ?? '',
        /To save your form for later, sign in/,
        'the login screen says why the person is there',
      );
      await registerFromSecureLogin(page, smtp, `saver.${process.pid}@example.org`, async () => {});
      await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
      assert.is((await focused(page)).className, 'status banner', 'back on the form, focus is on what happened');
      const drafts = await savedDrafts(page, baseUrl);
      assert.is(drafts.length, 1, 'saved once');
      const [draft] = drafts;
      assert.is(draft!.pageId, 'before-you-start');
      assert.match(page.url(), new RegExp(`\\?draft=${draft!.id}$`), 'the address names the saved copy');
      assert.match(
        (await page.locator('asc-form .banner').textContent()) ?? '',
        new RegExp(`We will keep it until ${longDate(draft!.deleteAt)}`),
      );
    }),
);

drafts(
  'a saved form should be listed, carried on from its page with its answers, saved again, and deleted, with the keyboard alone',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      await savedWithName(page, baseUrl, 'Pat Example');
      assert.is(
        (await focused(page)).className,
        'status banner',
        'focus moves to the message, so it is read out and seen',
      );
      assert.equal(await axeViolations(page), [], 'the saved message');

      await page.goto(`${baseUrl}/`);
      await page.locator('asc-portal .menu-button').waitFor();
      await tabTo(page, withText('Account menu for Sam Carter'));
      await page.keyboard.press('Enter');
      await tabTo(page, withText('Saved forms'));
      await page.keyboard.press('Enter');
      await heading(page, 'Forms saved for later');
      await page.locator('asc-saved-forms .saved-form').waitFor();
      const listed = (await page.locator('asc-saved-forms .saved-form').textContent()) ?? '';
      assert.match(listed, /DoLS Form 1: standard request and urgent authorisation/);
      assert.match(listed, /About the person \(24% complete\)/);
      assert.match(listed, new RegExp(`Kept until\\s*${longDate((await savedDrafts(page, baseUrl))[0]!.deleteAt)}`));
      assert.equal(await axeViolations(page), [], 'the saved forms list');

      await tabTo(page, (element) => element.text.startsWith('Continue'));
      await page.keyboard.press('Enter');
      await heading(page, 'About the person');
      assert.match(page.url(), /\/forms\/dols-form-1\/the-person\?draft=[0-9a-f-]{36}$/);
      await page.waitForFunction(
        () =>
          document.querySelector('asc-portal')?.shadowRoot?.querySelector('asc-form')?.shadowRoot?.activeElement
            ?.tagName === 'H1',
      );
      assert.is(await page.locator('asc-form #f-personFullName').inputValue(), 'Pat Example');
      await typeInto(page, 'f-personFullName', 'Pat Q Example');
      await saveWithKeyboard(page);
      const [draft] = await savedDrafts(page, baseUrl);
      assert.is(draft!.version, 2, 'saved over the same draft');
      assert.is((await openedDraft(page, baseUrl, draft!.id)).answers.personFullName, 'Pat Q Example');

      await tabTo(page, withText('Close'));
      await page.keyboard.press('Enter');
      await heading(page, 'Forms saved for later');
      await page.locator('asc-saved-forms .saved-form').waitFor();
      await tabTo(page, (element) => element.text.startsWith('Delete'));
      await page.keyboard.press('Enter');
      assert.match(
        (await focused(page)).text,
        /^Delete this saved form\?/,
        'focus moves to the question, not to its "yes"',
      );
      assert.equal(await axeViolations(page), [], 'the delete question');
      await page.keyboard.press('Enter');
      assert.is((await savedDrafts(page, baseUrl)).length, 1, 'a second Enter deletes nothing');
      await tabTo(page, withText('Yes, delete it'));
      await page.keyboard.press('Enter');
      await page.locator('asc-saved-forms .notice-text', { hasText: 'has been deleted' }).waitFor();
      await page.locator('asc-saved-forms p', { hasText: 'You have no forms saved for later' }).waitFor();
      assert.equal(await savedDrafts(page, baseUrl), []);
    }),
);

drafts(
  'a save from a tab that is out of date should overwrite nothing, and offer to keep its answers as a separate copy',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      const draft = await savedWithName(page, baseUrl, 'Pat Example');

      // A second tab of the same browser carries on with the same saved form, and saves first.
      const other = await page.context().newPage();
      await other.goto(`${baseUrl}/forms/dols-form-1/the-person?draft=${draft.id}`);
      await other.locator(FORM_HEADING, { hasText: 'About the person' }).waitFor();
      await other.locator('asc-form #f-personFullName').fill('Saved in the other tab');
      await other.locator('asc-form button', { hasText: 'Save for later' }).click();
      await other.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
      await other.close();

      await typeInto(page, 'f-personFullName', 'Typed in the first tab');
      await tabTo(page, withText('Save for later'));
      await page.keyboard.press('Enter');
      await page.locator('asc-form .banner h2', { hasText: 'This form was saved somewhere else' }).waitFor();
      assert.is(
        (await openedDraft(page, baseUrl, draft.id)).answers.personFullName,
        'Saved in the other tab',
        'nothing overwritten',
      );
      assert.equal(await axeViolations(page), [], 'the message about the other tab');
      await tabTo(page, withText('Save these answers as a separate copy'));
      await page.keyboard.press('Enter');
      await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
      const all = await savedDrafts(page, baseUrl);
      assert.is(all.length, 2);
      const names = await Promise.all(
        all.map(async (d) => (await openedDraft(page, baseUrl, d.id)).answers.personFullName),
      );
      assert.equal(names.sort(), ['Saved in the other tab', 'Typed in the first tab']);
    }),
);

drafts(
  'a save whose code cannot be fetched should say the form was not saved, keep the answers, and save on the next try',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      // Saving's code comes after the page (later-parts); here the connection drops before it does.
      await page.route(/later-parts-[^/]*\.js$/, (route) => route.abort());
      await page.goto(`${baseUrl}/forms/dols-form-1/the-person`);
      await heading(page, 'About the person');
      await typeInto(page, 'f-personFullName', 'Pat Example');
      await tabTo(page, withText('Save for later'));
      await page.keyboard.press('Enter');
      await page.locator('asc-form .banner h2', { hasText: 'Your form has not been saved' }).waitFor();
      assert.match((await page.locator('asc-form .banner').textContent()) ?? '', /could not reach the server/);
      assert.equal(await savedDrafts(page, baseUrl), [], 'nothing saved');
      assert.is(await page.locator('asc-form #f-personFullName').inputValue(), 'Pat Example', 'the answer stays');
      await page.unroute(/later-parts-[^/]*\.js$/);
      await saveWithKeyboard(page);
      assert.is((await savedDrafts(page, baseUrl)).length, 1, 'saved on the next try');
    }),
);

drafts('a double click on Save for later should save once, and a reload should open the saved copy again', () =>
  inTab(async (tab) => {
    const { page, baseUrl } = tab;
    await signInTab(tab);
    await page.goto(`${baseUrl}/forms/dols-form-1/the-person`);
    await heading(page, 'About the person');
    await page.locator('asc-form #f-personFullName').fill('Pat Example');
    await page.locator('asc-form button', { hasText: 'Save for later' }).dblclick();
    await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
    const drafts = await savedDrafts(page, baseUrl);
    assert.is(drafts.length, 1, 'one draft');
    assert.is(drafts[0]!.version, 1, 'saved once, not once and then again from the same version');
    await page.reload();
    await heading(page, 'About the person');
    await page.locator('asc-form #f-personFullName').waitFor();
    assert.is(await page.locator('asc-form #f-personFullName').inputValue(), 'Pat Example');
  }),
);

drafts(
  'saving a form whose saved copy was deleted elsewhere should say so, and keep its answers as a new copy when asked',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      const first = await savedWithName(page, baseUrl, 'Pat Example');
      assert.is((await page.context().request.delete(`${baseUrl}/api/drafts/${first.id}`)).status(), 204);
      await typeInto(page, 'f-personFullName', 'Pat Q Example');
      await tabTo(page, withText('Save for later'));
      await page.keyboard.press('Enter');
      await page.locator('asc-form .banner h2', { hasText: 'The copy you saved has been deleted' }).waitFor();
      assert.equal(await savedDrafts(page, baseUrl), [], 'nothing saved until the person asks');
      await tabTo(page, withText('Save these answers as a separate copy'));
      await page.keyboard.press('Enter');
      await page.locator('asc-form .banner h2', { hasText: 'Your form has been saved' }).waitFor();
      const [second] = await savedDrafts(page, baseUrl);
      assert.is((await openedDraft(page, baseUrl, second!.id)).answers.personFullName, 'Pat Q Example');
    }),
);

drafts(
  'carrying on with a saved form while another of its kind has unsaved answers should save those first, and say so',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      const go = (path: string) =>
        page
          .locator('asc-portal')
          .evaluate((portal, to) => (portal as HTMLElement & { navigateTo(path: string): void }).navigateTo(to), path);
      const first = await savedWithName(page, baseUrl, 'First person');
      await tabTo(page, withText('Cancel'));
      await page.keyboard.press('Enter');
      assert.is((await focused(page)).text, 'No, go back to the form', 'the dialog should open on the safe choice');
      await page.keyboard.press('Shift+Tab');
      assert.is((await focused(page)).text, 'Yes, cancel and clear the screen');
      await page.keyboard.press('Enter');
      await heading(page, 'Adult Social Care');

      await go('/forms/dols-form-1/the-person');
      await page.locator('asc-form #f-personFullName').waitFor();
      await typeInto(page, 'f-personFullName', 'Second person');
      await go('/account/saved');
      await page.locator('asc-saved-forms .saved-form').first().waitFor();
      await go(`/forms/dols-form-1/the-person?draft=${first.id}`);
      await page.locator('asc-form .banner', { hasText: 'you had open has been saved' }).waitFor();
      assert.is(
        await page.locator('asc-form #f-personFullName').inputValue(),
        'First person',
        'the saved form asked for',
      );
      assert.match(page.url(), new RegExp(`\\?draft=${first.id}$`));
      const names = await Promise.all(
        (await savedDrafts(page, baseUrl)).map(
          async (d) => (await openedDraft(page, baseUrl, d.id)).answers.personFullName,
        ),
      );
      assert.equal(names.sort(), ['First person', 'Second person']);
    }),
);

drafts('signing out in one tab should clear the answers on screen in the others', () =>
  inTab(async (tab) => {
    const { page, baseUrl } = tab;
    await signInTab(tab);
    await page.goto(`${baseUrl}/forms/dols-form-1/the-person`);
    await typeInto(page, 'f-personFullName', 'Pat Example');
    const other = await page.context().newPage();
    await other.goto(`${baseUrl}/`);
    await other.locator('asc-portal .menu-button').click();
    await other.locator('asc-portal #account-menu button', { hasText: 'Sign out' }).click();
    await other.locator('asc-portal .header-link', { hasText: 'Sign in' }).waitFor();
    await heading(page, 'You have been signed out');
    assert.match(
      (await page.locator('asc-portal main').textContent()) ?? '',
      /in another tab or window of this browser/,
    );
    assert.is(await page.locator('asc-form').count(), 0, 'the answers are off the screen');
    await other.close();
  }),
);

drafts(
  'the timeout warning should offer to save: the form is saved, the person signed out, and it is there when they sign in again',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await page.clock.install();
      const email = await signInTab(tab);
      await page.goto(`${baseUrl}/forms/social-care-referral/about-you`);
      await page.locator(FORM_HEADING).waitFor();
      await page.locator('asc-form #f-referrerName').fill('Sam Carter');

      advanceServerClock((18 * 60 + 5) * 1000);
      await page.clock.fastForward('18:05');
      const dialog = page.locator('asc-portal #timeout-dialog');
      await dialog.waitFor({ state: 'visible' });
      assert.match((await dialog.textContent()) ?? '', /Save your form now to come back to it later/);
      assert.equal(await axeViolations(page), [], 'the timeout dialog offering to save');
      await page.keyboard.press('Tab');
      assert.is((await focused(page)).text, 'Save for later and sign out');
      await page.keyboard.press('Enter');
      await heading(page, 'Your form has been saved and you have signed out');
      assert.equal(
        await (await page.context().request.get(`${baseUrl}/api/account`)).json(),
        { user: null },
        'signed out on the server',
      );
      assert.not.ok(await page.locator('asc-form').count(), 'the answers are off the screen');

      await signInAgain(tab, email);
      const [draft] = await savedDrafts(page, baseUrl);
      assert.is((await openedDraft(page, baseUrl, draft!.id)).answers.referrerName, 'Sam Carter');
    }),
);

drafts.run();
