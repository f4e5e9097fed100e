/**
 * The staff inbox in chromium, with the keyboard alone: a referrer submits a referral; staff sign
 * in with their app's code, find it by the person's name, open it, assign it to themselves and
 * ask for more information; the referrer sees the question in their list and answers it on the
 * form's page; staff see the answer; staff close it with an outcome. Axe on every screen and state, and 320 px with no sideways scrolling of the page.
 */
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import {
  axeViolations,
  browserSuite,
  focused,
  inTab,
  openPage,
  signInTab,
  startBrowser,
  tabTo,
  withText,
} from '../support/browser.ts';
import { openWithAnswers } from '../support/keyboard.ts';
import {
  downloadLinkMatches,
  overflows,
  signedInStaff,
  staffHeading as heading,
  typeAt,
} from '../support/staff-browser.ts';
import { loadForms } from '../fixtures/forms.ts';
import { addDays, longDate, todayIn } from '../../engine/values/dates.ts';
import { endOfDay } from '../../engine/values/zoned-time.ts';

const inbox = browserSuite('The staff inbox in the browser');
const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
const dols = loadForms().find((f) => f.definition.id === 'dols-form-1')!;

inbox(
  'staff should find a DoLS urgent authorisation at the top of the urgent referrals by deadline, with when it ends',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      const { clock } = await startBrowser();
      // Granted yesterday at 16:45 for 3 days, on the portal's clock (the page's too, for its date checks).
      await page.clock.setFixedTime(new Date(clock.now()));
      const today = todayIn(new Date(clock.now()), 'Europe/London');
      const ends = addDays(today, 2)!;
      await signInTab(tab);
      await openWithAnswers(page, baseUrl, '/forms/dols-form-1/check-your-answers', {
        ...dols.answers,
        urgentDateGranted: addDays(today, -1)!,
        urgentDays: 3,
        extensionRequested: 'no',
        authorisationNeededFrom: addDays(today, 7)!,
        declarationDate: today,
      });
      await page.locator('asc-form button', { hasText: 'Submit' }).click();
      await page.locator('asc-form h1', { hasText: 'Form submitted' }).waitFor();
      const reference = (await page.locator('asc-form .reference').textContent())!.trim();

      const staffTab = await openPage();
      const staff = staffTab.page;
      try {
        await signedInStaff(staff, baseUrl);
        await tabTo(staff, 'f-inbox-form', 120);
        await staff.keyboard.type('DoLS Form 1');
        await tabTo(staff, 'f-inbox-sort');
        await staff.keyboard.press('ArrowDown');
        await tabTo(staff, 'f-inbox-urgent');
        await staff.keyboard.press('Space');
        await tabTo(staff, withText('Apply'));
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff [role=status]', { hasText: 'urgent first, then overdue' }).waitFor();
        const first = staff.locator('asc-staff tbody tr').first();
        assert.match((await first.textContent()) ?? '', new RegExp(`${reference}\\s*Urgent`));
        assert.match(
          (await first.textContent()) ?? '',
          new RegExp(
            `Urgent authorisation ends: ${longDate(endOfDay(ends, 'Europe/London'), 'Europe/London')} at 4:45pm`,
          ),
        );
        assert.equal(await axeViolations(staff), [], 'the inbox, urgent ones by deadline');
        await staff.setViewportSize({ width: 320, height: 800 });
        assert.not.ok(await overflows(staff), 'the filters at 320 px');
        assert.equal(await axeViolations(staff), [], 'the filters at 320 px');
      } finally {
        await staffTab.close();
      }
    }),
);

inbox(
  'staff should find a referral, take it, ask the referrer a question, and close it with an outcome, by keyboard alone',
  () =>
    inTab(async (tab) => {
      const { page, baseUrl } = tab;
      const surname = `Quistwater${randomBytes(3).toString('hex')}`;
      const name = `${referral.answers.personFirstName} ${surname}`;

      // The referrer sends the referral from check your answers.
      const referrerEmail = await signInTab(tab);
      await openWithAnswers(page, baseUrl, '/forms/social-care-referral/check-your-answers', {
        ...referral.answers,
        personLastName: surname,
      });
      await page.locator('asc-form button', { hasText: 'Submit' }).click();
      await page.locator('asc-form h1', { hasText: 'Form submitted' }).waitFor();
      const reference = (await page.locator('asc-form .reference').textContent())!.trim();

      // Staff, in a browser of their own.
      const staffTab = await openPage();
      const staff = staffTab.page;
      try {
        await signedInStaff(staff, baseUrl);
        assert.equal(await axeViolations(staff), [], 'the inbox');

        await typeAt(staff, 'f-inbox-q', 'Nobody Bythisname');
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff [role=status]', { hasText: 'No referrals match' }).waitFor();
        assert.equal(await axeViolations(staff), [], 'the inbox with nothing found');
        await staff.locator('asc-staff #f-inbox-q').fill('');
        await typeAt(staff, 'f-inbox-q', name.toLowerCase());
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff [role=status]', { hasText: 'Showing 1 to 1 of 1 referral' }).waitFor();
        const row = (await staff.locator('asc-staff tbody').textContent()) ?? '';
        assert.match(row, new RegExp(name));
        // The referral says it is urgent: marked so, with screening due within hours.
        assert.match(row, /Urgent/);
        assert.match(row, /Screening due: \d{1,2} \w+ \d{4} at \d{1,2}:\d\d[ap]m/);
        assert.equal(await axeViolations(staff), [], 'the inbox searched');

        await tabTo(staff, withText(reference), 120);
        await staff.keyboard.press('Enter');
        await heading(staff, `Referral ${reference}`);
        assert.is((await focused(staff)).tag, 'h1', 'focus moves to the referral');
        assert.match(new URL(staff.url()).pathname, /^\/staff\/submissions\/[0-9a-f-]{36}$/);
        assert.match((await staff.locator('asc-staff main').textContent()) ?? '', /Bootle district nursing team/);
        assert.ok((await staff.locator('asc-staff .summary-heading').count()) > 3, 'the answers by page');
        assert.match((await staff.locator('asc-staff .summary-list').first().textContent()) ?? '', /Urgency\s*Urgent/);
        assert.equal(await axeViolations(staff), [], 'the referral opened');

        await tabTo(staff, withText('Assign to me'), 120);
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff .success-banner', { hasText: 'assigned to you' }).waitFor();
        assert.equal(await axeViolations(staff), [], 'the referral assigned');

        // More information needed, without the question first: the error summary says what to fix.
        await tabTo(staff, 'f-status', 120);
        for (let i = 0; i < 3; i++) await staff.keyboard.press('ArrowDown');
        await staff.locator('asc-staff #f-question').waitFor();
        assert.equal(await axeViolations(staff), [], 'the question revealed');
        await tabTo(staff, withText('Change status'));
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff .error-summary', { hasText: 'Enter the question for the referrer' }).waitFor();
        assert.equal(await axeViolations(staff), [], 'the status change with its error');
        await tabTo(staff, 'f-question', 120);
        const question = 'Does the person know about this referral?';
        await staff.keyboard.type(question);
        await tabTo(staff, withText('Change status'));
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff .success-banner', { hasText: 'Your question is sent' }).waitFor();
        assert.match((await staff.locator('asc-staff .history').textContent()) ?? '', /asked the referrer/);

        // The referrer sees the question in their list.
        await page.goto(`${baseUrl}/account/submitted`);
        const listed = page.locator('asc-submitted-forms .saved-form', { hasText: reference });
        await listed.waitFor();
        assert.match((await listed.textContent()) ?? '', /Status\s*Being looked at/);
        assert.match((await listed.locator('.question').textContent()) ?? '', new RegExp(question));
        assert.equal(await axeViolations(page), [], 'the referrer’s list with the question');
        await tabTo(page, withText(`View or print ${referral.definition.title} about ${name}, ${reference}`), 200);
        await page.keyboard.press('Enter');
        await page.locator('asc-submitted-form .notice', { hasText: question }).waitFor();
        assert.equal(await axeViolations(page), [], 'the referrer’s form opened, with the question');
        const mail = await tab.smtp.nextTo(referrerEmail);
        assert.match(mail.subject, new RegExp(reference));

        // The referrer answers under the question: with nothing written, the error summary says what to do.
        await tabTo(page, withText('Send answer'), 120);
        await page.keyboard.press('Enter');
        await page
          .locator('asc-submitted-form .error-summary', { hasText: 'Enter your answer to the council’s question' })
          .waitFor();
        assert.equal(await axeViolations(page), [], 'the referrer’s answer, with its error');
        const answer = 'Yes: she knows, and her son will call you on Monday.';
        await typeAt(page, 'f-answer', answer);
        assert.match(
          (await page.locator('asc-submitted-form #f-answer-count').textContent()) ?? '',
          /You can enter up to 5000 characters/,
        );
        await tabTo(page, withText('Send answer'));
        await page.keyboard.press('Enter');
        await page.locator('asc-submitted-form .reply-sent').waitFor();
        assert.is((await focused(page)).text.trim(), 'Your answer is sent to the council.', 'the news takes focus');
        assert.match((await page.locator('asc-submitted-form .answered').textContent()) ?? '', new RegExp(answer));
        assert.is(await page.locator('asc-submitted-form #f-answer').count(), 0, 'the question no longer asks');
        assert.equal(await axeViolations(page), [], 'the referrer’s form with their answer');
        await page.setViewportSize({ width: 320, height: 800 });
        assert.not.ok(await overflows(page), 'the answered form at 320 px');

        // Staff see the answer in the history, and the referral back in screening with the answer marked.
        await staff.reload();
        await heading(staff, `Referral ${reference}`);
        await staff.locator('asc-staff .history', { hasText: 'Answer from the referrer' }).waitFor();
        assert.match((await staff.locator('asc-staff .history').textContent()) ?? '', new RegExp(answer));
        assert.match(
          (await staff.locator('asc-staff .summary-list').first().textContent()) ?? '',
          /Screening\s*Answer received/,
        );
        assert.equal(await axeViolations(staff), [], 'the referral with the referrer’s answer');

        // In the inbox, "Answer received" under "Show only" lists it among the answered ones.
        await staff.goto(`${baseUrl}/staff`);
        await heading(staff, 'Referrals');
        await staff.locator('asc-staff table').waitFor();
        await tabTo(staff, 'f-inbox-answered', 120);
        await staff.keyboard.press('Space');
        assert.ok(await staff.locator('asc-staff #f-inbox-answered').isChecked());
        assert.equal(await axeViolations(staff), [], 'the inbox, Answer received ticked');
        await tabTo(staff, withText('Apply'));
        await staff.keyboard.press('Enter');
        await downloadLinkMatches(staff, /answered=yes/);
        await staff.locator('asc-staff tbody tr', { hasText: reference }).waitFor();
        const answeredRows = await staff.locator('asc-staff tbody tr').allTextContents();
        assert.ok(
          answeredRows.every((row) => /Screening\s*Answer received/.test(row)),
          'only referrals whose answer is received',
        );
        assert.equal(await axeViolations(staff), [], 'the inbox of answers received');
        // Unticked, every referral shows again.
        await staff.keyboard.press('Shift+Tab');
        assert.is((await focused(staff)).id, 'f-inbox-answered', 'the box just before Apply');
        await staff.keyboard.press('Space');
        await staff.keyboard.press('Tab');
        await staff.keyboard.press('Enter');
        await downloadLinkMatches(staff, /answered=/, true);
        await tabTo(staff, withText(reference), 120);
        await staff.keyboard.press('Enter');
        await heading(staff, `Referral ${reference}`);

        // Staff close it with an outcome.
        // From Screening (where the answer put it), down to Closed.
        await tabTo(staff, 'f-status-2', 120);
        for (let i = 0; i < 3; i++) await staff.keyboard.press('ArrowDown');
        await tabTo(staff, 'f-outcome');
        await staff.keyboard.press('Space');
        assert.equal(await axeViolations(staff), [], 'closing, the outcomes revealed');
        await tabTo(staff, withText('Change status'));
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff .success-banner', { hasText: 'The status is now Closed' }).waitFor();
        assert.match(
          (await staff.locator('asc-staff .history').textContent()) ?? '',
          /closed it: No further action: information and advice given/,
        );
        assert.equal(await axeViolations(staff), [], 'the referral closed');
        const dated = /\d{1,2} \w+ \d{4}, 30 days after it was closed, as the council's retention policy says/;
        const promise = (await staff.locator('asc-staff .summary-list').first().textContent()) ?? '';
        assert.match(promise, /Answers and notes\s*Its answers and notes will be deleted on/);
        assert.match(promise, dated);

        await staff.setViewportSize({ width: 320, height: 800 });
        assert.not.ok(await overflows(staff), 'the referral at 320 px');
        // The browser's Back goes back to the inbox.
        await staff.goBack();
        await heading(staff, 'Referrals');
        await staff.locator('asc-staff table').waitFor();
        const wide = (await staff.evaluate(`(() => {
          const out = [];
          const stack = [document];
          while (stack.length) {
            const root = stack.pop();
            for (const el of root.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.right > window.innerWidth) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
              if (el.shadowRoot) stack.push(el.shadowRoot);
            }
          }
          return out.slice(0, 15);
        })()`)) as string[];
        assert.not.ok(
          await overflows(staff),
          `the inbox at 320 px: the table scrolls in its own box ${wide.join('; ')}`,
        );
        assert.equal(await axeViolations(staff), [], 'the inbox at 320 px');
        await staff.goto(`${baseUrl}/staff/submissions/00000000-0000-4000-8000-000000000000`);
        await heading(staff, 'There is no referral here');
        assert.equal(await axeViolations(staff), [], 'a referral not found');

        // The referrer is told too, where the closed status is shown.
        await page.goto(`${baseUrl}/account/submitted`);
        const closed = page.locator('asc-submitted-forms .saved-form', { hasText: reference });
        await closed.locator('.retention').waitFor();
        assert.match((await closed.textContent()) ?? '', /Status\s*Closed\s*Its answers will be deleted on/);

        // Thirty days on, as if it had been closed then, housekeeping deletes its answers and notes.
        const { app, clock } = await startBrowser();
        await app
          .db('submissions')
          .where({ reference })
          .update({ closed_at: clock.now() - 30 * 86_400_000 - 60_000 });
        assert.is((await app.forgetExpired()).closedAnswers, 1);
        await staff.goto(`${baseUrl}/staff`);
        await heading(staff, 'Referrals');
        await typeAt(staff, 'f-inbox-q', reference);
        await staff.keyboard.press('Enter');
        await staff.locator('asc-staff [role=status]', { hasText: 'Showing 1 to 1 of 1 referral' }).waitFor();
        const gone = (await staff.locator('asc-staff tbody').textContent()) ?? '';
        assert.match(gone, /Closed\s*Answers deleted on \d{1,2} \w+ \d{4}/);
        assert.not.match(gone, new RegExp(surname), 'whom it was about is gone');
        assert.equal(await axeViolations(staff), [], 'the inbox with a referral whose answers were deleted');
        await tabTo(staff, withText(reference), 120);
        await staff.keyboard.press('Enter');
        await heading(staff, `Referral ${reference}`);
        const statement = (await staff.locator('asc-staff .retention').textContent()) ?? '';
        assert.match(statement, /The answers and notes were deleted on /);
        assert.match(statement, dated);
        assert.match(
          (await staff.locator('asc-staff main').textContent()) ?? '',
          /No further action: information and advice given/,
        );
        assert.is(await staff.locator('asc-staff .summary-heading').count(), 0, 'no answers');
        assert.is(
          await staff.locator('asc-staff button', { hasText: 'Change status' }).count(),
          0,
          'nothing to change',
        );
        assert.match(
          (await staff.locator('asc-staff .history').textContent()) ?? '',
          /asked the referrer for more information \(the question is deleted\)/,
        );
        assert.not.ok(await overflows(staff), 'the deleted referral at 320 px');
        assert.equal(await axeViolations(staff), [], 'a referral whose answers were deleted');

        // Closed with an outcome the council has since taken out of portal.json: it shows the code, and the page works.
        const { id: closedId } = await app.db('submissions').where({ reference }).first('id');
        await app.db('submissions').where({ id: closedId }).update({ outcome: 'signposted-elsewhere' });
        await app
          .db('submission_events')
          .where({ submission_id: closedId, status: 'closed' })
          .update({ outcome: 'signposted-elsewhere' });
        await staff.reload();
        await heading(staff, `Referral ${reference}`);
        assert.match(
          (await staff.locator('asc-staff .summary-list').first().textContent()) ?? '',
          /Outcome\s*signposted-elsewhere/,
        );
        assert.match(
          (await staff.locator('asc-staff .history').textContent()) ?? '',
          /closed it: signposted-elsewhere\./,
        );

        await page.reload();
        const kept = page.locator('asc-submitted-forms .saved-form', { hasText: reference });
        await kept.locator('.retention').waitFor();
        assert.match((await kept.textContent()) ?? '', /Status\s*Closed\s*The answers were deleted on/);
        assert.not.match((await kept.textContent()) ?? '', new RegExp(surname));
        assert.equal(await axeViolations(page), [], 'the referrer’s list, the answers deleted');
        await tabTo(page, withText(`View or print ${referral.definition.title}, ${reference}`), 200);
        await page.keyboard.press('Enter');
        await page.locator('asc-submitted-form .retention', { hasText: 'The answers were deleted on' }).waitFor();
        assert.is(await page.locator('asc-submitted-form .summary-heading').count(), 0);
        assert.match(
          (await page.locator('asc-submitted-form dl').textContent()) ?? '',
          new RegExp(`${reference}[\\s\\S]*Status\\s*Closed`),
        );
        assert.equal(await axeViolations(page), [], 'the referrer’s form, the answers deleted');
        assert.equal(staffTab.cspViolations, [], 'the staff page broke no Content-Security-Policy');
        assert.equal(staffTab.pageErrors, [], 'the staff page threw nothing');
      } finally {
        await staffTab.close();
      }
    }),
);

inbox.run();
