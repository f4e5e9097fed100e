/**
 * The council staff's pages in chromium, with the keyboard alone: setting up an account with the
 * code council IT gave, adding the portal to an authenticator app, keeping the recovery codes,
 * signing out, and signing in again with the app's code; axe on every screen; and 320 px.
 */
import * as assert from 'uvu/assert';
import { browserSuite, axeViolations, focused, tabTo, withText, inTab, startBrowser } from '../support/browser.ts';
import { appCode, staffMembersOf, STAFF_PASSWORD } from '../support/staff.ts';
import { staffHeading as heading, typeAt } from '../support/staff-browser.ts';

let added = 0;
/** A member of staff added as council IT would; their email and set-up code. */
async function newMember(): Promise<{ email: string; setupCode: string }> {
  const { app, dataDir, clock } = await startBrowser();
  const members = await staffMembersOf(app, dataDir, clock);
  const email = `staff${++added}.${process.pid}@sefton.gov.uk`;
  const { setUp } = await members.add({ email, forename: 'Priya', surname: 'Shah' });
  return { email, setupCode: setUp.code };
}

const staff = browserSuite('The staff pages in the browser');

staff('a new member should set up their account, enrol their app and sign in again, by keyboard alone', () =>
  inTab(async ({ page, baseUrl }) => {
    const { email, setupCode } = await newMember();
    await page.goto(`${baseUrl}/staff`);
    await heading(page, 'Sign in to the staff pages');
    assert.match(await page.title(), /^Staff: Sefton Adult Social Care/);
    assert.equal(await axeViolations(page), [], 'the sign-in screen');

    await tabTo(page, withText('Set up your staff account'));
    await page.keyboard.press('Enter');
    await heading(page, 'Set up your staff account');
    assert.is((await focused(page)).text, 'Set up your staff account', 'focus moves to the new heading');
    await tabTo(page, withText('Continue'));
    await page.keyboard.press('Enter');
    await page.locator('asc-staff .error-summary').waitFor();
    assert.equal(await axeViolations(page), [], 'the set-up screen with its errors');

    await typeAt(page, 'f-email', email);
    await typeAt(page, 'f-setupCode', setupCode);
    await typeAt(page, 'f-password', STAFF_PASSWORD);
    await typeAt(page, 'f-confirmPassword', STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'Add the portal to your authenticator app');
    assert.ok(await page.locator('asc-staff .qr svg').isVisible(), 'the QR code shows');
    assert.equal(await axeViolations(page), [], 'the enrolment screen');
    // Someone who cannot scan opens the key, as a keyboard user would.
    await tabTo(page, (element) => element.tag === 'summary');
    await page.keyboard.press('Enter');
    const key = (await page.locator('asc-staff .key').textContent())!.trim();
    assert.match(key, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    assert.equal(await axeViolations(page), [], 'the enrolment screen with the key shown');

    const { clock } = await startBrowser();
    await typeAt(page, 'f-code', appCode(key, clock.now()));
    await page.keyboard.press('Enter');
    await heading(page, 'Keep your recovery codes');
    assert.is(await page.locator('asc-staff .recovery-codes li').count(), 10);
    assert.equal(await axeViolations(page), [], 'the recovery codes');
    await tabTo(page, withText('I have kept them: continue'));
    await page.keyboard.press('Enter');
    await heading(page, 'Referrals');
    assert.match((await page.locator('asc-staff main').textContent()) ?? '', /Signed in as Priya Shah/);
    assert.equal(await axeViolations(page), [], 'the signed-in page');

    // A reload keeps them signed in: the session is the server's.
    await page.reload();
    await heading(page, 'Referrals');

    await page.keyboard.press('Tab');
    await tabTo(page, withText('Sign out'));
    await page.keyboard.press('Enter');
    await heading(page, 'Sign in to the staff pages');
    assert.match((await page.locator('asc-staff [role=status]').first().textContent()) ?? '', /You have signed out/);

    await typeAt(page, 'f-email', email);
    await typeAt(page, 'f-password', STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'Enter the code from your authenticator app');
    assert.equal(await axeViolations(page), [], 'the code screen');
    await typeAt(page, 'f-code', '000000');
    await page.keyboard.press('Enter');
    await page.locator('asc-staff .error-summary').waitFor();
    assert.equal(await axeViolations(page), [], 'the code screen with a wrong code');
    // The code the app shows half a minute later (the first was spent enrolling).
    const later = clock.now() + 30_000;
    const { advanceServerClock } = await import('../support/browser.ts');
    advanceServerClock(30_000);
    await page.locator('asc-staff #f-code').fill('');
    await typeAt(page, 'f-code', appCode(key, later));
    await page.keyboard.press('Enter');
    await heading(page, 'Referrals');
  }),
);

staff('at 320 pixels wide the staff screens should need no sideways scrolling', () =>
  inTab(
    async ({ page, baseUrl }) => {
      const { email, setupCode } = await newMember();
      const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
      await page.goto(`${baseUrl}/staff`);
      await heading(page, 'Sign in to the staff pages');
      assert.ok((await scrollWidth()) <= 320, `the sign-in screen is ${await scrollWidth()} pixels wide`);
      await page.locator('asc-staff a', { hasText: 'Set up your staff account' }).click();
      await page.locator('asc-staff #f-email').fill(email);
      await page.locator('asc-staff #f-setupCode').fill(setupCode);
      await page.locator('asc-staff #f-password').fill(STAFF_PASSWORD);
      await page.locator('asc-staff #f-confirmPassword').fill(STAFF_PASSWORD);
      await page.locator('asc-staff button', { hasText: 'Continue' }).click();
      await heading(page, 'Add the portal to your authenticator app');
      await page.locator('asc-staff summary').click();
      assert.ok((await scrollWidth()) <= 320, `the enrolment screen is ${await scrollWidth()} pixels wide`);
      assert.equal(await axeViolations(page), [], 'the enrolment screen at 320 px');
    },
    { width: 320 },
  ),
);

staff.run();
