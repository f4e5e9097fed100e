/**
 * The account screens in chromium, with the keyboard alone: signing out and in again with the
 * code from the email, changing the password, and the warning before a session times out.
 * Registering through the screens is walked in forms.test.ts.
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
} from '../support/browser.ts';
import { FORM_HEADING, WALK_PASSWORD } from '../support/keyboard.ts';
import { codeIn } from '../support/smtp.ts';

const heading = (page: Page, text: string) =>
  page.locator('asc-portal h1, asc-account h1', { hasText: text }).first().waitFor();

async function typeAt(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

const accounts = browserSuite('Accounts in the browser');

accounts('a person should sign out from the menu under their name, and sign in again with the emailed code', () =>
  inTab(async (tab) => {
    const { page, baseUrl, smtp } = tab;
    const email = await signInTab(tab);
    await page.goto(`${baseUrl}/`);
    const menuButton = page.locator('asc-portal .menu-button');
    await menuButton.waitFor();
    assert.match((await menuButton.textContent()) ?? '', /Sam Carter/);

    await tabTo(page, withText('Account menu for Sam Carter'));
    await page.keyboard.press('Enter');
    assert.is(await menuButton.getAttribute('aria-expanded'), 'true');
    assert.equal(await axeViolations(page), [], 'the open account menu');
    await tabTo(page, withText('Sign out'));
    await page.keyboard.press('Enter');
    await page.locator('asc-portal .header-link', { hasText: 'Sign in' }).waitFor();

    // The person is told, as a new page: its heading takes focus (a screen reader reads it) and names the page.
    await heading(page, 'You have signed out');
    assert.is((await focused(page)).text, 'You have signed out', 'focus should be on the heading saying so');
    assert.match(await page.title(), /^You have signed out/);
    assert.is(new URL(page.url()).pathname, '/signed-out');
    assert.equal(await axeViolations(page), [], 'the signed-out page');
    await tabTo(page, withText('Sign in again'));
    await page.keyboard.press('Enter');
    await heading(page, 'Secure login');
    assert.equal(await axeViolations(page), [], 'the secure login screen');
    await typeAt(page, 'f-email', email);
    await typeAt(page, 'f-password', WALK_PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'Check your email');
    assert.equal(await axeViolations(page), [], 'the code screen');
    const mail = await smtp.nextTo(email);
    assert.match(mail.subject, /sign-in code/);
    await typeAt(page, 'f-code', codeIn(mail).replace(' ', ''));
    await page.keyboard.press('Enter');
    await menuButton.waitFor();
    assert.match((await menuButton.textContent()) ?? '', /Sam Carter/);
  }),
);

accounts('signing out from the account page should say so too', () =>
  inTab(async (tab) => {
    const { page, baseUrl } = tab;
    await signInTab(tab);
    await page.goto(`${baseUrl}/account`);
    await heading(page, 'Your account');
    await page.locator('asc-account .account-links button', { hasText: 'Sign out' }).click();
    await heading(page, 'You have signed out');
    assert.is((await focused(page)).text, 'You have signed out');
    assert.match(await page.title(), /^You have signed out/);
  }),
);

accounts(
  'a wrong password should be refused in the GOV.UK error summary, focused, without saying whether the account exists',
  () =>
    inTab(async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}/account/sign-in`);
      await heading(page, 'Secure login');
      await typeAt(page, 'f-email', 'nobody@example.org');
      await typeAt(page, 'f-password', 'Not-the-password-1');
      await page.keyboard.press('Enter');
      await page.locator('asc-account .error-summary').waitFor();
      assert.is((await focused(page)).className, 'error-summary');
      assert.match(
        (await page.locator('asc-account .error-summary').textContent()) ?? '',
        /email address or password is not right/,
      );
      assert.equal(await axeViolations(page), []);
    }),
);

accounts('the password policy should show which rules a new password meets as it is typed', () =>
  inTab(async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/account/register`);
    await heading(page, 'Your name');
    await typeAt(page, 'f-forename', 'Jo');
    await typeAt(page, 'f-surname', 'Bloggs');
    await page.keyboard.press('Enter');
    await heading(page, 'Your email address and password');
    const met = () => page.locator('asc-account .rules li.met').count();
    assert.is(await met(), 1, 'only "only letters, digits and special characters" holds for an empty box');
    await typeAt(page, 'f-password', 'abc');
    assert.is(await met(), 2);
    await page.keyboard.type('DEF-1234567');
    assert.is(await met(), 6);
    assert.equal(await axeViolations(page), []);
  }),
);

accounts('a signed-in person should change their password from the account menu, giving the current one', () =>
  inTab(async (tab) => {
    const { page, baseUrl } = tab;
    await signInTab(tab);
    await page.goto(`${baseUrl}/account/change-password`);
    await heading(page, 'Change your password');
    await typeAt(page, 'f-currentPassword', WALK_PASSWORD);
    await typeAt(page, 'f-password', 'Seven windmills by the sea 7!');
    await typeAt(page, 'f-confirmPassword', 'Seven windmills by the sea 7!');
    await page.keyboard.press('Enter');
    await heading(page, 'Password changed');
    assert.equal(await axeViolations(page), []);
  }),
);

accounts(
  'two minutes before 20 idle minutes are up a dialog should offer to carry on; then the session ends and the answers are cleared',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await page.clock.install();
      await signInTab(tab);
      await page.goto(`${baseUrl}/forms/social-care-referral/about-you`);
      await page.locator(FORM_HEADING).waitFor();
      const name = page.locator('asc-form #f-referrerName');
      await name.fill('Sam Carter');

      advanceServerClock((18 * 60 + 5) * 1000);
      await page.clock.fastForward('18:05');
      const dialog = page.locator('asc-portal #timeout-dialog');
      await dialog.waitFor({ state: 'visible' });
      assert.ok(
        await dialog.evaluate((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement)),
        'focus should be inside the dialog',
      );
      assert.equal(await axeViolations(page), [], 'the timeout dialog');
      // The server counts the session from the keep-alive: the clock moves on only once it has arrived.
      const keptAlive = page.waitForResponse((r) => r.url().endsWith('/api/account/keep-alive'));
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await keptAlive;
      assert.is(await name.inputValue(), 'Sam Carter', 'carrying on keeps the answers');

      advanceServerClock((20 * 60 + 10) * 1000);
      await page.clock.fastForward('20:10');
      await heading(page, 'You have been signed out');
      await page.goto(`${baseUrl}/account`);
      await heading(page, 'Secure login');
    }),
);

accounts(
  'a person who forgot their password should choose a new one with the emailed code, and be signed out everywhere',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl, smtp } = tab;
      const email = await signInTab(tab);
      await page.goto(`${baseUrl}/account/sign-in`);
      await heading(page, 'Secure login');
      await tabTo(page, withText('Forgotten password?'));
      await page.keyboard.press('Enter');
      await heading(page, 'Forgotten password');
      assert.equal(await axeViolations(page), [], 'the forgotten password screen');
      await typeAt(page, 'f-email', email);
      await page.keyboard.press('Enter');
      await heading(page, 'Choose a new password');
      assert.equal(await axeViolations(page), [], 'the new password screen');
      const mail = await smtp.nextTo(email);
      assert.match(mail.subject, /Reset your password/);
      await typeAt(page, 'f-code', codeIn(mail));
      await typeAt(page, 'f-password', 'Seven windmills by the sea 7!');
      await typeAt(page, 'f-confirmPassword', 'Seven windmills by the sea 7!');
      await page.keyboard.press('Enter');
      await heading(page, 'Password changed');
      assert.match((await smtp.nextTo(email)).subject, /has changed/);
      assert.is(
        (await page.context().request.get(`${baseUrl}/api/account`)).status(),
        401,
        'the session this browser had is over',
      );
    }),
);

accounts(
  'the account page and the saved and submitted lists should be reachable from the menu, with no accessibility problem',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      for (const [path, title] of [
        ['/account', 'Your account'],
        ['/account/saved', 'Forms saved for later'],
        ['/account/submitted', 'Forms submitted in the last 30 days'],
      ] as const) {
        await page.goto(`${baseUrl}${path}`);
        await heading(page, title);
        assert.equal(await axeViolations(page), [], path);
      }
    }),
);

accounts('the code screen should say how long the code lasts as the server set it, and again for a new code', () =>
  inTab(async ({ page, baseUrl }) => {
    // The server's answers are changed on their way, so the minutes shown can only have come from them.
    const lasting = (path: string, minutes: number) =>
      page.route(`**/api/account/${path}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, json: { ...(await response.json()), expiresInMs: minutes * 60_000 } });
      });
    await lasting('password-reset', 7);
    await lasting('password-reset/code', 4);
    await page.goto(`${baseUrl}/account/forgotten-password`);
    await heading(page, 'Forgotten password');
    await typeAt(page, 'f-email', 'nobody.seven@example.org');
    await page.keyboard.press('Enter');
    await heading(page, 'Choose a new password');
    const sent = page.locator('asc-account p', { hasText: 'We have sent a code' });
    assert.match((await sent.textContent()) ?? '', /It expires in 7 minutes\./);
    // A new code may be asked for a minute after the last.
    advanceServerClock(61_000);
    await tabTo(page, withText('Request a new code'));
    await page.keyboard.press('Enter');
    await page.locator('asc-account .status', { hasText: 'We have sent a new code' }).waitFor();
    assert.match((await sent.textContent()) ?? '', /It expires in 4 minutes\./);
  }),
);

accounts(
  "the code screen should say the minutes the server gives the code, whatever the time on the person's computer",
  () =>
    inTab(async ({ page, baseUrl }) => {
      // A computer whose clock is a year out: the minutes must still be the server's 20.
      await page.clock.setFixedTime(new Date(Date.now() - 365 * 24 * 60 * 60_000));
      await page.goto(`${baseUrl}/account/forgotten-password`);
      await heading(page, 'Forgotten password');
      await typeAt(page, 'f-email', 'nobody.clock@example.org');
      await page.keyboard.press('Enter');
      await heading(page, 'Choose a new password');
      const sent = page.locator('asc-account p', { hasText: 'We have sent a code' });
      assert.match((await sent.textContent()) ?? '', /It expires in 20 minutes\./);
    }),
);

accounts('the account pages should send a person who is not signed in to sign in first', () =>
  inTab(async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/account/saved`);
    await heading(page, 'Secure login');
    assert.is(new URL(page.url()).searchParams.get('return'), '/account/saved');
  }),
);

accounts('another tab kept busy should keep an idle tab from warning or signing out', () =>
  inTab(async (tab) => {
    const { page, baseUrl } = tab;
    await page.clock.install();
    await signInTab(tab);
    await page.goto(`${baseUrl}/account`);
    await heading(page, 'Your account');
    // Another tab of the same browser, in use: its keep-alive is the server's word.
    const busy = async () => {
      await page.context().request.post(`${baseUrl}/api/account/keep-alive`, { data: {} });
    };
    for (let minute = 0; minute < 19; minute += 3) {
      advanceServerClock(3 * 60_000);
      await busy();
      await page.clock.fastForward('03:00');
    }
    await page.clock.fastForward('00:10');
    assert.not.ok(
      await page.locator('asc-portal #timeout-dialog').isVisible(),
      'no warning while the session is in use elsewhere',
    );
    await heading(page, 'Your account');
  }),
);

accounts.run();
