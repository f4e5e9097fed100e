/**
 * The staff pages in the browser suites: a member of staff added by council IT and set up over
 * the API, then signed in at /staff with the keyboard alone (email, password, the app's code), as
 * the suites about the inbox and the audit log begin.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { advanceServerClock, focused, startBrowser, tabTo } from './browser.ts';
import { appCode, staffMembersOf, STAFF_PASSWORD } from './staff.ts';

/** Waits for the staff page's heading with these words. */
export const staffHeading = (page: Page, text: string) =>
  page.locator('asc-staff h1', { hasText: text }).first().waitFor();

/** Whether the page scrolls sideways (at 320 px it must not). */
export const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** Tabs to the box with this id and types into it. */
export async function typeAt(page: Page, id: string, text: string, limit = 120): Promise<void> {
  await tabTo(page, id, limit);
  await page.keyboard.type(text);
}

/** Presses Shift+Tab until the box with this id has focus, as a keyboard user goes back up a page. */
export async function tabBackTo(page: Page, id: string, limit = 60): Promise<void> {
  for (let presses = 0; (await focused(page)).id !== id; presses++) {
    if (presses === limit) throw new Error(`Shift+Tab never reached #${id}`);
    await page.keyboard.press('Shift+Tab');
  }
}

/**
 * Waits for filters to apply, as the address of the first download link shows them: until it
 * matches `pattern` (with `not`, until it no longer does).
 */
export async function downloadLinkMatches(page: Page, pattern: RegExp, not = false): Promise<void> {
  await page.waitForFunction(
    ([source, flags, not]) => {
      const link = document.querySelector('asc-staff')?.shadowRoot?.querySelector('a[download]');
      return new RegExp(source, flags).test(link?.getAttribute('href') ?? '') !== not;
    },
    [pattern.source, pattern.flags, not] as const,
  );
}

/** Who is signed in: their email and their id, as the audit log shows it. */
export interface SignedInStaff {
  email: string;
  id: string;
}

/**
 * A new member of staff, set up with their app and signed in at /staff with the keyboard; the
 * inbox loaded.
 */
export async function signedInStaff(
  page: Page,
  baseUrl: string,
  { admin = false, forename = 'Priya', surname = 'Shah' } = {},
): Promise<SignedInStaff> {
  const { app, dataDir, clock } = await startBrowser();
  const members = await staffMembersOf(app, dataDir, clock);
  const email = `staff.${process.pid}.${randomBytes(3).toString('hex')}@sefton.gov.uk`;
  const { member, setUp } = await members.add({ email, forename, surname, isAdmin: admin });
  const request = page.context().request;
  const started = await request.post(`${baseUrl}/api/staff/set-up`, {
    data: { email, setupCode: setUp.code, password: STAFF_PASSWORD, confirmPassword: STAFF_PASSWORD },
  });
  const { secret } = (await started.json()).enrolment;
  const enrolled = await request.post(`${baseUrl}/api/staff/sign-in/enrol`, {
    data: { code: appCode(secret, clock.now()) },
  });
  if (enrolled.status() !== 201) throw new Error(`Enrolling ${email} failed: ${await enrolled.text()}`);
  await request.post(`${baseUrl}/api/staff/sign-out`, { data: {} });
  // The next code the app shows, not the one spent enrolling.
  advanceServerClock(30_000);

  await page.goto(`${baseUrl}/staff`);
  await staffHeading(page, 'Sign in to the staff pages');
  await typeAt(page, 'f-email', email);
  await typeAt(page, 'f-password', STAFF_PASSWORD);
  await page.keyboard.press('Enter');
  await staffHeading(page, 'Enter the code from your authenticator app');
  await typeAt(page, 'f-code', appCode(secret, clock.now()));
  await page.keyboard.press('Enter');
  await staffHeading(page, 'Referrals');
  await page.locator('asc-staff [role=status]', { hasText: /^(Showing|No referrals match)/ }).waitFor();
  return { email, id: member.id };
}
