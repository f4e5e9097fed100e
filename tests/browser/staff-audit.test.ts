/**
 * The staff pages' audit log and session timeout in chromium, with the keyboard alone: an
 * administrator opens the audit log from the header, finds the views of one referral by its
 * reference and pages on; staff who are not administrators have no link; two minutes before 20
 * idle minutes are up a dialog offers to stay signed in, and then the session ends and the
 * sign-in page says why. Axe on every screen and state, and 320 px with no sideways scrolling.
 */
import * as assert from 'uvu/assert';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  advanceServerClock,
  axeViolations,
  browserSuite,
  inTab,
  signInTab,
  startBrowser,
  tabTo,
  withText,
} from '../support/browser.ts';
import { appCode, staffMembersOf, STAFF_PASSWORD } from '../support/staff.ts';
import { loadForms } from '../fixtures/forms.ts';

const audit = browserSuite('The audit log and the session timeout on the staff pages');
const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;

const heading = (page: Page, text: string) => page.locator('asc-staff h1', { hasText: text }).first().waitFor();
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

async function typeAt(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id, 120);
  await page.keyboard.type(text);
}

/** A member of staff added by council IT and set up, then signed in at /staff with the keyboard. */
async function signedInStaff(page: Page, baseUrl: string, { admin = false } = {}): Promise<void> {
  const { app, dataDir, clock } = await startBrowser();
  const members = await staffMembersOf(app, dataDir, clock);
  const email = `audit.${process.pid}.${randomBytes(3).toString('hex')}@sefton.gov.uk`;
  const { setUp } = await members.add({ email, forename: 'Ruth', surname: 'Adeyemi', isAdmin: admin });
  const request = page.context().request;
  const started = await request.post(`${baseUrl}/api/staff/set-up`, {
    data: { email, setupCode: setUp.code, password: STAFF_PASSWORD, confirmPassword: STAFF_PASSWORD },
  });
  const { secret } = (await started.json()).enrolment;
  const enrolled = await request.post(`${baseUrl}/api/staff/sign-in/enrol`, {
    data: { code: appCode(secret, clock.now()) },
  });
  assert.is(enrolled.status(), 201, await enrolled.text());
  await request.post(`${baseUrl}/api/staff/sign-out`, { data: {} });
  // The next code the app shows, not the one spent enrolling.
  advanceServerClock(30_000);
  await page.goto(`${baseUrl}/staff`);
  await heading(page, 'Sign in to the staff pages');
  await typeAt(page, 'f-email', email);
  await typeAt(page, 'f-password', STAFF_PASSWORD);
  await page.keyboard.press('Enter');
  await heading(page, 'Enter the code from your authenticator app');
  await typeAt(page, 'f-code', appCode(secret, clock.now()));
  await page.keyboard.press('Enter');
  await heading(page, 'Referrals');
}

audit('an administrator should find the views of a referral in the audit log by its reference, by keyboard alone', () =>
  inTab(async (tab) => {
    const { page, baseUrl } = tab;
    // A referral, sent over the API by a referrer signed in in this tab.
    await signInTab(tab);
    const sent = await page.context().request.post(`${baseUrl}/api/submissions`, {
      data: {
        formId: referral.definition.id,
        formVersion: referral.definition.version,
        answers: referral.answers,
        idempotencyKey: randomUUID(),
      },
    });
    assert.is(sent.status(), 201, await sent.text());
    const { id, reference } = (await sent.json()).submission;

    await signedInStaff(page, baseUrl, { admin: true });
    // Opened twice: two views in the log.
    for (let i = 0; i < 2; i++)
      assert.is((await page.context().request.get(`${baseUrl}/api/staff/submissions/${id}`)).status(), 200);

    // The link is in the header: from the top of the page, as it loads.
    await page.goto(`${baseUrl}/staff`);
    await page.locator('asc-staff table').waitFor();
    await tabTo(page, withText('Audit log'));
    await page.keyboard.press('Enter');
    await heading(page, 'Audit log');
    assert.is(new URL(page.url()).pathname, '/staff/audit');
    await page.locator('asc-staff table').waitFor();
    assert.equal(await axeViolations(page), [], 'the audit log');

    await typeAt(page, 'f-audit-reference', reference.toLowerCase());
    await page.keyboard.press('Enter');
    await page.locator('asc-staff [role=status]', { hasText: 'Showing 2 entries' }).waitFor();
    const rows = await page.locator('asc-staff tbody tr').allTextContents();
    assert.is(rows.length, 2);
    for (const row of rows) {
      assert.match(row, /Ruth Adeyemi/);
      assert.match(row, /Referral opened/);
      assert.match(row, new RegExp(`reference: ${reference}`));
    }
    assert.equal(await axeViolations(page), [], 'the audit log filtered');
    const csv = await page.locator('asc-staff a', { hasText: 'Download CSV' }).getAttribute('href');
    assert.match(csv ?? '', new RegExp(`/api/staff/audit/export\\?reference=${reference}&format=csv`, 'i'));

    await page.setViewportSize({ width: 320, height: 800 });
    assert.not.ok(await overflows(page), 'the audit log at 320 px: the table scrolls in its own box');
    assert.equal(await axeViolations(page), [], 'the audit log at 320 px');

    // The reading itself is in the log, the newest first.
    await page.locator('asc-staff #f-audit-reference').fill('');
    await tabTo(page, 'f-audit-event', 120);
    await page.keyboard.type('Audit log read');
    await tabTo(page, withText('Apply'));
    await page.keyboard.press('Enter');
    assert.is(await page.locator('asc-staff #f-audit-event').inputValue(), 'staff-audit', 'chosen by typing its name');
    await page.locator('asc-staff tbody tr', { hasText: 'Referral opened' }).first().waitFor({ state: 'detached' });
    const reads = await page.locator('asc-staff tbody tr').allTextContents();
    assert.ok(reads.every((row) => /Audit log read/.test(row)));
    assert.match(reads[0]!, new RegExp(`reference: ${reference}`), 'the newest: the reading by reference');
  }),
);

audit('staff who are not administrators should have no link to the audit log, and its address shows the inbox', () =>
  inTab(async ({ page, baseUrl }) => {
    await signedInStaff(page, baseUrl);
    assert.is(await page.locator('asc-staff a', { hasText: 'Audit log' }).count(), 0);
    await page.goto(`${baseUrl}/staff/audit`);
    await heading(page, 'Referrals');
    assert.is(await page.locator('asc-staff a', { hasText: 'Audit log' }).count(), 0);
    assert.equal(await axeViolations(page), []);
  }),
);

audit(
  'two minutes before 20 idle minutes are up a dialog should offer to stay signed in; then the session ends and sign-in says why',
  () =>
    inTab(async ({ page, baseUrl }) => {
      await page.clock.install();
      await signedInStaff(page, baseUrl);
      const dialog = page.locator('asc-staff #timeout-dialog');

      advanceServerClock((18 * 60 + 5) * 1000);
      await page.clock.fastForward('18:05');
      await dialog.waitFor({ state: 'visible' });
      assert.match((await dialog.textContent()) ?? '', /You will be signed out soon/);
      assert.ok(
        await dialog.evaluate((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement)),
        'focus should be inside the dialog',
      );
      assert.equal(await axeViolations(page), [], 'the timeout dialog');
      await tabTo(page, withText('Stay signed in'));
      // The server counts the session from the keep-alive: the clock moves on only once it has arrived.
      const keptAlive = page.waitForResponse((r) => r.url().endsWith('/api/staff/keep-alive'));
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await keptAlive;

      // Past 20 minutes since signing in, but not since staying: still signed in.
      advanceServerClock(3 * 60 * 1000);
      await page.clock.fastForward('03:00');
      const session = await page.context().request.get(`${baseUrl}/api/staff/session/left`);
      assert.is(session.status(), 200, 'staying signed in kept the session');
      await heading(page, 'Referrals');

      advanceServerClock((20 * 60 + 10) * 1000);
      await page.clock.fastForward('20:10');
      await heading(page, 'Sign in to the staff pages');
      await page.locator('asc-staff [role=status]', { hasText: 'You were signed out for your safety' }).waitFor();
      assert.is(await page.locator('asc-staff table').count(), 0, 'the referrals are cleared from the screen');
      assert.equal(await axeViolations(page), [], 'signed out after the timeout');
    }),
);

audit.run();
