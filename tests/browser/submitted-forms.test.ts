/**
 * Telling forms apart and opening them again, in chromium: the saved list says whom each form is
 * about and which version it is on while two are in play, and a submitted form opens again
 * read-only from the list, with its reference, when it was sent and Print, for its referrer only;
 * with the keyboard alone, at 320 px, axe clean.
 */
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  browserSuite,
  axeViolations,
  focused,
  tabTo,
  withText,
  signInTab,
  inTab,
  startBrowser,
} from '../support/browser.ts';
import { savedBeforeRetiring } from '../support/saved-before-retiring.ts';
import { loadForms, newestVersion } from '../fixtures/forms.ts';

const test = browserSuite('Whom forms are about, and submitted forms opened again, in the browser');
const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;

/** Whether the page is wider than its window (something a person at 320 px would have to scroll sideways for). */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

const post = async (page: Page, url: string, data: unknown) => {
  const response = await page.context().request.post(url, { data });
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return response.json();
};

test('the saved list should tell two DoLS Form 1s for different people apart, and say which version each is on', () =>
  inTab(
    async (tab) => {
      const { page, baseUrl } = tab;
      const email = await signInTab(tab);
      const save = (personFullName: string | undefined, formVersion: number) =>
        post(page, `${baseUrl}/api/drafts`, {
          formId: 'dols-form-1',
          formVersion,
          pageId: 'the-person',
          answers: personFullName ? { personFullName } : {},
        });
      await save('Edith Marsh', 2);
      await save('Albert Ormskirk', 2);
      await save(undefined, 2);
      // Saved on version 1 before version 2 replaced it.
      const { app, dataDir, clock } = await startBrowser();
      await savedBeforeRetiring(app, dataDir, clock, email, {
        formId: 'dols-form-1',
        formVersion: 1,
        pageId: 'the-person',
        answers: { personFullName: 'Nora Birkdale' },
      });
      await page.goto(`${baseUrl}/account/saved`);
      await page.locator('asc-saved-forms .saved-form').nth(3).waitFor();
      const headings = await page.locator('asc-saved-forms .saved-form h2').allTextContents();
      const titles = headings.map((h) => h.replace(/\s+/g, ' ').trim());
      assert.equal(titles.filter((t) => /about Edith Marsh$/.test(t)).length, 1, titles.join('\n'));
      assert.equal(titles.filter((t) => /about Albert Ormskirk$/.test(t)).length, 1, titles.join('\n'));
      assert.equal(titles.filter((t) => /about Nora Birkdale$/.test(t)).length, 1, titles.join('\n'));
      assert.equal(titles.filter((t) => !/ about /.test(t)).length, 1, 'the one with no name yet says nothing of whom');
      const nora = page.locator('asc-saved-forms .saved-form', { hasText: 'Nora Birkdale' });
      assert.match((await nora.textContent())!, /Form version\s*1, an earlier version/);
      const edith = page.locator('asc-saved-forms .saved-form', { hasText: 'Edith Marsh' });
      assert.match((await edith.textContent())!, /Form version\s*2, the current version/);
      const continueEdith = await tabTo(page, (el) => el.tag === 'a' && /^Continue .*about Edith Marsh/.test(el.text));
      assert.match(
        continueEdith.text,
        /DoLS Form 1.* about Edith Marsh, saved/,
        'each Continue names its form and person',
      );
      assert.equal(await axeViolations(page), [], 'the saved list');
      assert.not.ok(await overflows(page), 'no sideways scrolling at 320 px');
      await page.screenshot({
        path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/saved-forms-about-320.png`,
        fullPage: true,
      });
    },
    { width: 320 },
  ));

test("the lists and a submitted form should give the times on the council's clock, in a browser far from it", () =>
  inTab(
    async (tab) => {
      const { page, baseUrl } = tab;
      await signInTab(tab);
      const { submission } = await post(page, `${baseUrl}/api/submissions`, {
        formId: 'social-care-referral',
        formVersion: referral.definition.version,
        answers: referral.answers,
        idempotencyKey: randomUUID(),
      });
      await post(page, `${baseUrl}/api/drafts`, {
        formId: 'dols-form-1',
        formVersion: newestVersion('dols-form-1'),
        pageId: 'the-person',
        answers: {},
      });
      const inLondon = (ms: number) => {
        const at = new Date(ms);
        const date = at.toLocaleDateString('en-GB', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'Europe/London',
        });
        const time = at
          // h12, as GOV.UK writes it: "12:05pm", not the "0:05pm" en-GB's hour12 gives.
          .toLocaleTimeString('en-GB', {
            hour: 'numeric',
            minute: '2-digit',
            hourCycle: 'h12',
            timeZone: 'Europe/London',
          })
          .replace(/\s/g, '');
        return `${date} at ${time}`;
      };
      const text = async (selector: string) =>
        (await page.locator(selector).evaluate((el) => el.shadowRoot!.textContent))!.replace(/\s+/g, '');
      await page.goto(`${baseUrl}/account/submitted`);
      await page.locator('asc-submitted-forms .saved-form').waitFor();
      const expected = `Submitted${inLondon(submission.submittedAt)}`.replace(/\s+/g, '');
      assert.ok(
        (await text('asc-submitted-forms')).includes(expected),
        `${expected} in ${await text('asc-submitted-forms')}`,
      );
      await page.goto(`${baseUrl}/account/submitted/${submission.id}`);
      await page.locator('asc-submitted-form h1').waitFor();
      assert.ok(
        (await text('asc-submitted-form')).includes(`Submitted${inLondon(submission.submittedAt)}`.replace(/\s+/g, '')),
      );
      await page.goto(`${baseUrl}/account/saved`);
      await page.locator('asc-saved-forms .saved-form').waitFor();
      const savedAt = (
        await page
          .context()
          .request.get(`${baseUrl}/api/drafts`)
          .then((r) => r.json())
      ).drafts[0].savedAt;
      assert.ok(
        (await text('asc-saved-forms')).includes(`Saved${inLondon(savedAt)}`.replace(/\s+/g, '')),
        await text('asc-saved-forms'),
      );
    },
    { timezoneId: 'Pacific/Kiritimati' },
  ));

for (const width of [1280, 320]) {
  test(`a submitted form should open again read-only from the list, with its reference, time and Print, for its referrer only (${width} px)`, () =>
    inTab(
      async (tab) => {
        const { page, baseUrl } = tab;
        await page.addInitScript(() => {
          window.print = () => {
            const w = window as unknown as { printed?: number };
            w.printed = (w.printed ?? 0) + 1;
          };
        });
        await signInTab(tab);
        const { submission } = await post(page, `${baseUrl}/api/submissions`, {
          formId: 'social-care-referral',
          formVersion: referral.definition.version,
          answers: { ...referral.answers, personFirstName: 'Edith', personLastName: 'Marsh' },
          idempotencyKey: randomUUID(),
        });
        await page.goto(`${baseUrl}/account/submitted`);
        await page.locator('asc-submitted-forms .saved-form').waitFor();
        assert.match(
          (await page.locator('asc-submitted-forms .saved-form h2').textContent())!,
          /Referral for social care\s*about Edith Marsh/,
        );
        const view = await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('View or print'));
        assert.match(view.text, new RegExp(`about Edith Marsh, ${submission.reference}`));
        await page.keyboard.press('Enter');
        const heading = page.locator('asc-submitted-form h1', { hasText: 'Referral for social care' });
        await heading.waitFor();
        assert.is(new URL(page.url()).pathname, `/account/submitted/${submission.id}`);
        assert.equal((await focused(page)).tag, 'h1', 'focus moves to the new page’s heading');
        const text = (await page.locator('asc-submitted-form').evaluate((el) => el.shadowRoot!.textContent))!;
        assert.match(text, /About Edith Marsh/);
        assert.match(text, new RegExp(`Reference number\\s*${submission.reference}`));
        assert.match(text, /Submitted\s*\d{1,2} \w+ \d{4} at \d{1,2}:\d{2}(am|pm)/);
        assert.match(text, /The person you are referring/, 'the answers, page by page');
        assert.is(await page.locator('asc-submitted-form input, asc-submitted-form textarea').count(), 0);
        assert.is(await page.locator('asc-submitted-form a', { hasText: 'Change' }).count(), 0, 'read-only');
        assert.match(await page.title(), /^A form you submitted/);
        assert.equal(await axeViolations(page), [], 'the submitted form');
        assert.not.ok(await overflows(page), `no sideways scrolling at ${width} px`);
        if (width === 320)
          await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/submitted-form-320.png` });

        await tabTo(page, withText('Print this page'));
        await page.keyboard.press('Enter');
        assert.is(await page.evaluate(() => (window as unknown as { printed?: number }).printed), 1);
        await page.emulateMedia({ media: 'print' });
        assert.not.ok(await page.locator('asc-submitted-form button', { hasText: 'Print' }).isVisible());
        assert.not.ok(await page.locator('asc-portal header').isVisible(), 'the printed copy is the form alone');
        assert.ok(await page.locator('asc-submitted-form .summary-list').first().isVisible());
        await page.emulateMedia({ media: 'screen' });

        await page.reload();
        await heading.waitFor();
        const address = page.url();
        await page.keyboard.press('Shift+Tab');
        assert.is((await focused(page)).text, 'Back to forms submitted in the last 30 days');
        await page.keyboard.press('Enter');
        await page.locator('asc-submitted-forms .saved-form').waitFor();

        await inTab(async (stranger) => {
          await signInTab(stranger);
          await stranger.page.goto(address);
          await stranger.page
            .locator('asc-submitted-form h1', { hasText: 'There is no submitted form here' })
            .waitFor();
          assert.not.match(
            (await stranger.page.locator('asc-submitted-form').evaluate((el) => el.shadowRoot!.textContent))!,
            /Edith|ASC-/,
          );
          assert.equal(await axeViolations(stranger.page), [], 'not found');
        });
      },
      { width },
    ));
}

test.run();
