/**
 * The staff pages' audit log and session timeout in chromium, with the keyboard alone: an
 * administrator opens the audit log from the header, finds the views of one referral by its
 * reference and pages on, and by who (a member of staff by name, a referrer by account id) and
 * dates, told in GOV.UK words of a date that cannot be; staff who are not administrators have no
 * link; two minutes before 20 idle minutes are up a dialog offers to stay signed in, and then the session ends and the
 * sign-in page says why. Axe on every screen and state, and 320 px with no sideways scrolling.
 */
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import {
  advanceServerClock,
  axeViolations,
  browserSuite,
  focused,
  inTab,
  signInTab,
  startBrowser,
  tabTo,
  withText,
} from '../support/browser.ts';
import {
  downloadLinkMatches,
  overflows,
  signedInStaff,
  staffHeading as heading,
  tabBackTo,
  typeAt,
} from '../support/staff-browser.ts';
import { loadForms } from '../fixtures/forms.ts';
import { addDays, todayIn } from '../../engine/values/dates.ts';

const audit = browserSuite('The audit log and the session timeout on the staff pages');
const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;

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

    await signedInStaff(page, baseUrl, { admin: true, forename: 'Ruth', surname: 'Adeyemi' });
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

audit(
  'an administrator should filter the log by who, a member of staff by name or a referrer by account id, and by dates, told in GOV.UK words what to fix, by keyboard alone',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      const { app, clock } = await startBrowser();
      const referrerEmail = await signInTab(tab);
      const referrerId = (await app.db('users').where({ email: referrerEmail }).first()).id as string;
      const ruth = await signedInStaff(page, baseUrl, { admin: true, forename: 'Ruth', surname: 'Okonkwo' });
      await page.goto(`${baseUrl}/staff/audit`);
      await heading(page, 'Audit log');
      await page.locator('asc-staff table').waitFor();
      const rows = () => page.locator('asc-staff tbody tr').allTextContents();
      const apply = async () => {
        await tabTo(page, withText('Apply'));
        await page.keyboard.press('Enter');
      };
      const summary = page.locator('asc-staff .error-summary');

      // A member of staff, by name.
      await typeAt(page, 'f-audit-who', 'Ruth Okonkwo');
      assert.is(await page.locator('asc-staff #f-audit-who').inputValue(), ruth.id, 'chosen by typing the name');
      assert.equal(await axeViolations(page), [], 'a member of staff chosen');
      await apply();
      await page.locator('asc-staff [role=status]', { hasText: /^Showing/ }).waitFor();
      await downloadLinkMatches(page, new RegExp(`who=${ruth.id}`));
      assert.ok(
        (await rows()).every((row) => /Ruth Okonkwo/.test(row)),
        'only her entries',
      );

      // Anyone else, by the account id an entry shows: with none given, the summary says to give it.
      await tabBackTo(page, 'f-audit-who');
      await page.keyboard.type('Someone else');
      await page.locator('asc-staff #f-audit-whoId').waitFor();
      assert.equal(await axeViolations(page), [], 'the box for an account id');
      await apply();
      await summary.waitFor();
      assert.is((await focused(page)).className, 'error-summary', 'focus moves to the error summary');
      assert.match((await summary.textContent()) ?? '', /Enter the account id, as an entry of the log shows it/);
      assert.equal(await axeViolations(page), [], 'the account id missing');
      await typeAt(page, 'f-audit-whoId', referrerId);
      await apply();
      await summary.waitFor({ state: 'detached' });
      await page.locator('asc-staff tbody tr', { hasText: 'Ruth Okonkwo' }).first().waitFor({ state: 'detached' });
      const byReferrer = await rows();
      assert.ok(byReferrer.length > 0);
      assert.ok(
        byReferrer.every((row) => row.includes(`referrer account ${referrerId}`)),
        'only the referrer’s',
      );

      // A date that cannot be: said in the summary and at the date, the summary focused.
      await tabBackTo(page, 'f-audit-from');
      await page.keyboard.type('31');
      await typeAt(page, 'f-audit-from-month', '2');
      await typeAt(page, 'f-audit-from-year', '2026');
      await apply();
      await summary.waitFor();
      assert.is((await focused(page)).className, 'error-summary');
      assert.match((await summary.textContent()) ?? '', /Date from must be a real date/);
      assert.match(
        (await page.locator('asc-staff #f-audit-from-error').textContent()) ?? '',
        /Error:\s*Date from must be a real date/,
      );
      assert.equal(await axeViolations(page), [], 'a date from that cannot be');

      // To before from; then a to without its month: the summary's link goes to the box to change.
      const today = todayIn(new Date(clock.now()), 'Europe/London');
      const [year, month, day] = today.split('-').map(Number) as [number, number, number];
      const yesterday = addDays(today, -1)!.split('-').map(Number) as [number, number, number];
      for (const [id, value] of [
        ['f-audit-from', day],
        ['f-audit-from-month', month],
        ['f-audit-from-year', year],
        ['f-audit-to', yesterday[2]],
        ['f-audit-to-month', yesterday[1]],
        ['f-audit-to-year', yesterday[0]],
      ] as const) {
        await page.locator(`asc-staff #${id}`).fill('');
        await typeAt(page, id, String(value));
      }
      await apply();
      await summary.locator('a', { hasText: 'Date to must be the same as or after date from' }).waitFor();
      assert.is(await summary.locator('li').count(), 1, 'the date from is right now');
      assert.equal(await axeViolations(page), [], 'a date to before the date from');
      await tabTo(page, withText('Date to must be the same as or after date from'));
      await page.keyboard.press('Enter');
      assert.is((await focused(page)).id, 'f-audit-to', 'the link goes to the date to');

      await page.locator('asc-staff #f-audit-to-month').fill('');
      await apply();
      await summary.locator('a', { hasText: 'Date to must include a month' }).waitFor();
      assert.equal(
        await page.locator('asc-staff .date-input .input-error').evaluateAll((boxes) => boxes.map((box) => box.id)),
        ['f-audit-to-month'],
        'only the missing month is marked',
      );
      await page.setViewportSize({ width: 320, height: 800 });
      assert.not.ok(await overflows(page), 'the date errors at 320 px');
      assert.equal(await axeViolations(page), [], 'the date errors at 320 px');
      await page.setViewportSize({ width: 1280, height: 900 });
      await tabTo(page, withText('Date to must include a month'));
      await page.keyboard.press('Enter');
      assert.is((await focused(page)).id, 'f-audit-to-month', 'the link goes to the missing month');

      // Today to today: the referrer's entries of today, and the download with the same filters.
      for (const [id, value] of [
        ['f-audit-to', day],
        ['f-audit-to-month', month],
        ['f-audit-to-year', year],
      ] as const) {
        await page.locator(`asc-staff #${id}`).fill('');
        await typeAt(page, id, String(value));
      }
      await apply();
      await summary.waitFor({ state: 'detached' });
      await downloadLinkMatches(page, new RegExp(`who=${referrerId}&from=${today}&to=${today}&format=csv`));
      assert.ok((await rows()).every((row) => row.includes(`referrer account ${referrerId}`)));
      assert.ok((await rows()).length > 0, 'the referrer registered today');
      assert.equal(await axeViolations(page), [], 'filtered by who and by dates');
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
