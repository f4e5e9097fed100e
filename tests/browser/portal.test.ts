import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { PortalContent } from '../../engine/index.ts';
import { loadForms } from '../fixtures/forms.ts';
import {
  browserSuite,
  axeViolations,
  focused,
  describeElement,
  tabTo,
  withText,
  inTab as inTabSignedOutByDefault,
} from '../support/browser.ts';

/** Most of these pages sit behind the sign-in gate: each tab starts signed in unless asked otherwise. */
const inTab = (use: Parameters<typeof inTabSignedOutByDefault>[0], width?: number) =>
  inTabSignedOutByDefault(use, { width, signedIn: true });
import { fieldId, openWithAnswers, passCaptchaWithKeyboard, pressNext, FORM_HEADING } from '../support/keyboard.ts';

const portal = JSON.parse(readFileSync(new URL('../../forms/portal.json', import.meta.url), 'utf8')) as PortalContent;
const titleOf = (formId: string) => loadForms().find((f) => f.definition.id === formId)!.definition.title;
const pageTitleOf = (formId: string, pageId: string) =>
  loadForms()
    .find((f) => f.definition.id === formId)!
    .definition.pages.find((p) => p.id === pageId)!.title;

async function heading(page: Page, selector = 'asc-portal h1'): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

async function openForm(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator(FORM_HEADING).waitFor();
}

const pages = browserSuite("The portal's pages");

for (const [path, title] of [
  ['/', portal.home.title],
  ['/referrals', portal.referrals.title],
  ['/dols', portal.dols.title],
  ['/no/such/page', 'Page not found'],
] as const) {
  pages(`${path} should show "${title}" with no accessibility problem`, () =>
    inTab(async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('asc-portal h1', { hasText: title }).waitFor();
      assert.equal(await axeViolations(page), []);
      assert.match(await page.title(), title);
    }),
  );
}

pages('a first visit should write no error to the browser console', () =>
  inTabSignedOutByDefault(async ({ page, baseUrl }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${baseUrl}/`);
    await page.locator('asc-portal .header-link', { hasText: 'Sign in' }).waitFor();
    await page.goto(`${baseUrl}/forms/dols-form-1`);
    await page.locator(FORM_HEADING).waitFor();
    assert.equal(errors, []);
  }),
);

pages('the tiles and form links should go where portal.json says', () =>
  inTab(async ({ page, baseUrl }) => {
    const hrefs = (selector: string) =>
      page.locator(selector).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const expected = (tiles: PortalContent['home']['tiles']) =>
      tiles.map((tile) => (tile.form ? `/forms/${tile.form}` : tile.page ? `/${tile.page}` : tile.href));
    await page.goto(`${baseUrl}/`);
    await page.locator('asc-portal .tile').first().waitFor();
    assert.equal(await hrefs('asc-portal .tile a'), expected(portal.home.tiles));

    await page
      .locator('asc-portal .tile a', { hasText: portal.home.tiles.find((tile) => tile.page === 'referrals')!.title })
      .click();
    assert.is(await heading(page), portal.referrals.title);
    assert.is(new URL(page.url()).pathname, '/referrals');
    assert.equal(await hrefs('asc-portal .tile a'), expected(portal.referrals.tiles));

    await page
      .locator('asc-portal .tile a', { hasText: portal.referrals.tiles.find((tile) => tile.page === 'dols')!.title })
      .click();
    assert.is(await heading(page), portal.dols.title);
    assert.equal(
      await hrefs('asc-portal .form-links a'),
      portal.dols.forms.map((link) => `/forms/${link.form}`),
    );

    for (const tile of portal.referrals.tiles.filter((t) => t.form)) {
      await page.goto(`${baseUrl}/referrals`);
      await page.locator('asc-portal .tile a', { hasText: tile.title }).click();
      await page.locator(FORM_HEADING).waitFor();
      assert.is(await heading(page, 'asc-form .caption'), titleOf(tile.form!));
      assert.is(new URL(page.url()).pathname, `/forms/${tile.form}/before-you-start`);
    }
  }),
);

pages('a deep link to a page of a form should open the form at that page', () =>
  inTab(async ({ page, baseUrl }) => {
    await openForm(page, baseUrl, '/forms/dols-form-1/the-person');
    assert.is(await heading(page, 'asc-form .caption'), titleOf('dols-form-1'));
    assert.is(await heading(page, FORM_HEADING), pageTitleOf('dols-form-1', 'the-person'));
    assert.is(new URL(page.url()).pathname, '/forms/dols-form-1/the-person');
    assert.match(await page.title(), pageTitleOf('dols-form-1', 'the-person'));
  }),
);

pages('a deep link to a page the answers hide should open the nearest page before it that is shown', () =>
  inTab(async ({ page, baseUrl }) => {
    // The urgent authorisation page shows only once the request is said to be urgent.
    await openForm(page, baseUrl, '/forms/dols-form-1/urgent-authorisation');
    assert.is(await heading(page, FORM_HEADING), pageTitleOf('dols-form-1', 'other-information'));
    assert.is(new URL(page.url()).pathname, '/forms/dols-form-1/other-information');
  }),
);

pages("the browser's back and forward buttons should move between the pages of a form", () =>
  inTab(async ({ page, baseUrl }) => {
    const title = (pageId: string) => pageTitleOf('dols-form-1', pageId);
    await openForm(page, baseUrl, '/forms/dols-form-1/legal-matters');
    // Opened by a link part-way through, the form still starts with the check that the person is not a robot.
    await passCaptchaWithKeyboard(page);
    assert.is(await pressNext(page), 'other-information');
    assert.is(await pressNext(page), 'declaration');
    assert.is(await heading(page, FORM_HEADING), title('declaration'));

    await page.goBack();
    assert.is(await heading(page, FORM_HEADING), title('other-information'));
    assert.is(new URL(page.url()).pathname, '/forms/dols-form-1/other-information');
    const onFocus = await focused(page);
    assert.is(
      onFocus.text,
      title('other-information'),
      `after Back, focus should be on the page's heading, not ${describeElement(onFocus)}`,
    );
    await page.goBack();
    assert.is(await heading(page, FORM_HEADING), title('legal-matters'));
    await page.goForward();
    assert.is(await heading(page, FORM_HEADING), title('other-information'));
    await page.goForward();
    assert.is(await heading(page, FORM_HEADING), title('declaration'));
  }),
);

pages('<asc-form> should offer a page only its documented members, not what its controllers share', () =>
  inTab(async ({ page, baseUrl }) => {
    await openForm(page, baseUrl, '/forms/dols-form-1/legal-matters');
    const members = (names: string[]) =>
      page.evaluate((names) => {
        const form = document.querySelector('asc-portal')!.shadowRoot!.querySelector('asc-form')!;
        return names.filter((name) => name in form);
      }, names);
    const shared = ['answers', 'form', 'ready', 'currentPage', 'tell', 'showBanner', 'clearBanner', 'showErrors'];
    assert.equal(await members([...shared, 'clearMessages', 'answerChanged', 'dropErrorsUnder']), []);
    // The whole documented list is checked against the custom elements manifest (scripts/build.test.ts).
    assert.equal(await members(['currentAnswers', 'openDraft']), ['currentAnswers', 'openDraft']);
  }),
);

pages("after the browser's back button, the new page should be announced before focus moves to its heading", () =>
  inTab(async ({ page, baseUrl }) => {
    const title = (pageId: string) => pageTitleOf('dols-form-1', pageId);
    await openForm(page, baseUrl, '/forms/dols-form-1/legal-matters');
    await passCaptchaWithKeyboard(page);
    assert.is(await pressNext(page), 'other-information');
    // The portal names the page in the document's title on asc-page-change, and a screen reader
    // reads that title as focus reaches the heading: the event must come first.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { focusOnPageChange: string[] }).focusOnPageChange = seen;
      document.addEventListener('asc-page-change', () => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        seen.push(active?.tagName ?? 'none');
      });
    });
    // Focus leaves the heading first (to the page's first box), so that going back must move it.
    await page.keyboard.press('Tab');
    assert.is.not((await focused(page)).text, title('other-information'));
    await page.goBack();
    assert.is(await heading(page, FORM_HEADING), title('legal-matters'));
    const onFocus = await focused(page);
    assert.is(onFocus.text, title('legal-matters'), `focus should be on the heading, not ${describeElement(onFocus)}`);
    const seen = await page.evaluate(() => (window as unknown as { focusOnPageChange: string[] }).focusOnPageChange);
    assert.equal(seen.length, 1, 'one asc-page-change for the move back');
    assert.is.not(seen[0], 'H1', 'focus should still be where it was when asc-page-change is sent');
  }),
);

pages('every page should come with a Content-Security-Policy that allows no inline script and no eval', () =>
  inTab(async ({ page, baseUrl }) => {
    for (const path of ['/', '/forms/social-care-referral/about-you']) {
      const response = await page.goto(`${baseUrl}${path}`);
      const policy = response!.headers()['content-security-policy'] ?? '';
      const scriptSrc = policy
        .split(';')
        .map((directive) => directive.trim())
        .find((directive) => directive.startsWith('script-src '));
      assert.ok(scriptSrc, `${path}: the policy "${policy}" should say where scripts may come from`);
      assert.not.match(scriptSrc!, /'unsafe-eval'|'unsafe-inline'|\*/, path);
      await page.locator('asc-portal h1').first().waitFor();
    }
  }),
);

pages('Cancel should ask first: Escape or No keeps the answers, Yes deletes them and goes home', () =>
  inTab(async ({ page, baseUrl }) => {
    const box = page.locator(`asc-form #${fieldId('referrerName')}`);
    const focusInDialog = () =>
      page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return Boolean(element?.closest('dialog[open]'));
      });
    const openCancel = async () => {
      await tabTo(page, withText('Cancel'));
      await page.keyboard.press('Enter');
      assert.ok(await page.locator('asc-form dialog[open]').isVisible(), 'Cancel should open a dialog');
      assert.ok(
        await focusInDialog(),
        `focus should be inside the dialog, not on ${describeElement(await focused(page))}`,
      );
      // Enter straight away must not delete anything: focus starts on the safe choice.
      assert.is((await focused(page)).text, 'No, go back to the form', 'the dialog should open on the safe choice');
    };
    await openForm(page, baseUrl, '/forms/social-care-referral/about-you');
    await tabTo(page, fieldId('referrerName'));
    await page.keyboard.type('Priya Alderton');

    await openCancel();
    assert.is(await heading(page, 'asc-form dialog h2'), 'Cancel this form?');
    assert.equal(await axeViolations(page), [], 'the open dialog');
    await page.keyboard.press('Escape');
    assert.not.ok(await page.locator('asc-form dialog[open]').count(), 'Escape should close the dialog');
    assert.is(await box.inputValue(), 'Priya Alderton');
    assert.is((await focused(page)).text, 'Cancel', 'focus should go back to Cancel');

    await openCancel();
    await tabTo(page, withText('No, go back to the form'));
    await page.keyboard.press('Enter');
    assert.not.ok(await page.locator('asc-form dialog[open]').count(), 'No should close the dialog');
    assert.is(await box.inputValue(), 'Priya Alderton');

    await openCancel();
    await page.keyboard.press('Shift+Tab');
    assert.is((await focused(page)).text, 'Yes, cancel and delete my answers');
    await page.keyboard.press('Enter');
    await page.locator('asc-portal h1', { hasText: portal.home.title }).waitFor();
    assert.is(new URL(page.url()).pathname, '/');
    assert.is((await focused(page)).text, portal.home.title, "focus should be on the home page's heading");
    await page.goBack();
    await page.locator(FORM_HEADING).waitFor();
    // A new form: what was typed is gone, and the account's name is filled in afresh.
    assert.is(await box.inputValue(), 'Sam Carter', 'the answer should be gone');
  }),
);

pages('at 320 pixels wide the home page and a form page with errors should need no sideways scrolling', () =>
  inTab(async ({ page, baseUrl }) => {
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto(`${baseUrl}/`);
    await page.locator('asc-portal .tile').first().waitFor();
    assert.ok((await scrollWidth()) <= 320, `the home page is ${await scrollWidth()} pixels wide`);
    await openForm(page, baseUrl, '/forms/social-care-referral/about-you');
    await passCaptchaWithKeyboard(page);
    await pressNext(page);
    await page.locator('asc-form .error-summary').waitFor();
    assert.ok((await scrollWidth()) <= 320, `About you with its errors is ${await scrollWidth()} pixels wide`);
    for (const { definition } of loadForms()) {
      await openForm(page, baseUrl, `/forms/${definition.id}/${definition.pages[0]!.id}`);
      assert.ok(
        (await scrollWidth()) <= 320,
        `the first page of ${definition.id} is ${await scrollWidth()} pixels wide`,
      );
    }
  }, 320),
);

// Where the header ends and the page's content begins, on the first frame the portal draws and once
// the portal's content and the account have arrived: the page must not jump down under the reader.
for (const [width, signedIn] of [
  [1280, false],
  [1280, true],
  [320, false],
  [320, true],
] as const) {
  pages(
    `at ${width} pixels wide, ${signedIn ? 'signed in' : 'signed out'}, the header should keep its height as the account and the content arrive`,
    () =>
      inTabSignedOutByDefault(
        async ({ page, baseUrl }) => {
          // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
          // Each frame until the portal has drawn its header; then where the header ends and main begins.
          await page.addInitScript(`(() => {
            const firstFrame = () => {
              const root = document.querySelector('asc-portal')?.shadowRoot;
              const header = root?.querySelector('header');
              const main = root?.querySelector('main');
              if (header && main) window.__first = { header: header.getBoundingClientRect().height, main: main.getBoundingClientRect().top };
              else requestAnimationFrame(firstFrame);
            };
            requestAnimationFrame(firstFrame);
          })();`);
          await page.goto(`${baseUrl}/`);
          await page.locator(signedIn ? 'asc-portal .menu-button' : 'asc-portal .header-link').waitFor();
          await page.locator('asc-portal .tile').first().waitFor();
          const [first, last] = await page.evaluate(() => {
            const root = document.querySelector('asc-portal')!.shadowRoot!;
            return [
              (window as unknown as { __first: { header: number; main: number } }).__first,
              {
                header: root.querySelector('header')!.getBoundingClientRect().height,
                main: root.querySelector('main')!.getBoundingClientRect().top,
              },
            ];
          });
          assert.equal(last, first, 'the header and the content below it stay where they were first drawn');
        },
        { width, signedIn },
      ),
  );
}

pages.run();

const keeping = browserSuite('Leaving a form and coming back');

keeping('Close, the header link and the back button should keep what the person typed', () =>
  inTab(async ({ page, baseUrl }) => {
    const socialCare = portal.referrals.tiles.find((tile) => tile.form === 'social-care-referral')!.title;
    await page.goto(`${baseUrl}/referrals`);
    await page.locator('asc-portal .tile a', { hasText: socialCare }).click();
    await page.locator(FORM_HEADING).waitFor();
    await passCaptchaWithKeyboard(page);
    await pressNext(page);
    const name = page.locator(`asc-form #${fieldId('referrerName')}`);
    await name.fill('Sam Carter');

    await page.locator('asc-form button', { hasText: 'Close' }).click();
    await page.locator('asc-portal h1', { hasText: portal.referrals.title }).waitFor();
    await page.locator('asc-portal .tile a', { hasText: socialCare }).click();
    await name.waitFor();
    assert.is(await name.inputValue(), 'Sam Carter', 'after Close and back in');

    await page.locator('asc-portal .service-name').click();
    await page.locator('asc-portal h1', { hasText: portal.home.title }).waitFor();
    await page.goBack();
    await name.waitFor();
    assert.is(await name.inputValue(), 'Sam Carter', 'after the header link and Back');
  }),
);

keeping('a Change link on check-your-answers should put focus in the box to change, for an address too', () =>
  inTab(async ({ page, baseUrl }) => {
    const { definition, answers } = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
    await openWithAnswers(page, baseUrl, '/forms/social-care-referral/check-your-answers', answers);
    const address = definition.pages
      .flatMap((p) => p.questions ?? [])
      .find((q) => q.type === 'address' && 'id' in q && answers[q.id])! as {
      id: string;
      summaryLabel?: string;
      label: string;
    };
    await page
      .locator('asc-form .summary-row', { hasText: address.summaryLabel ?? address.label })
      .first()
      .locator('a', { hasText: 'Change' })
      .click();
    assert.is((await focused(page)).id, fieldId(`${address.id}.line1`));
  }),
);

keeping.run();
