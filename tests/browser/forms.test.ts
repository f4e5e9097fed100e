import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { compileForm, type Answers, type Form } from '../../engine/index.ts';
import { loadForms, ANSWERS_TODAY } from '../fixtures/forms.ts';
import {
  browserSuite,
  openPage,
  axeViolations,
  focused,
  describeElement,
  type AxeViolation,
} from '../support/browser.ts';
import {
  answerPage,
  fieldId,
  openFormFromHome,
  pageIdOf,
  passCaptchaWithKeyboard,
  pressNext,
  registerWithKeyboard,
  FORM_HEADING,
} from '../support/keyboard.ts';

const opts = { today: ANSWERS_TODAY };

/** Axe's findings on one state of one page, labelled so a failure says where. */
async function axeAt(page: Page, where: string): Promise<Array<AxeViolation & { where: string }>> {
  return (await axeViolations(page)).map((violation) => ({ where, ...violation }));
}

/** The text of an element with its whitespace folded, as a person reads it. */
async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Next on the page as it opens (holding only what the form filled in, such as the person's name):
 * the error summary appears and takes focus, lists what the engine says is wrong, in order, each
 * box shows its own message, and a link in the summary takes focus to its box. Returns axe's
 * findings on the page in that state.
 */
async function checkErrorsOnEmptyPage(page: Page, form: Form, pageId: string): Promise<AxeViolation[]> {
  const filledIn = await page
    .locator('asc-form')
    .evaluate((element) => (element as HTMLElement & { currentAnswers: Answers }).currentAnswers);
  const expected = form.pageErrors(pageId, filledIn, opts);
  assert.is(await pressNext(page), pageId, 'Next on a page with mandatory questions unanswered should stay on it');
  const summary = 'asc-form .error-summary';
  assert.is(await textOf(page, `${summary} h2`), 'There is a problem');
  const onFocus = await focused(page);
  assert.ok(
    onFocus.className.includes('error-summary'),
    `the error summary should have focus, not ${describeElement(onFocus)}`,
  );
  assert.equal(
    await page.locator(`${summary} a`).allTextContents(),
    expected.map((error) => error.message),
  );
  for (const error of expected)
    assert.is(await textOf(page, `asc-form #${fieldId(error.path)}-error`), `Error: ${error.message}`, error.path);
  const violations = await axeAt(page, `${pageId} (errors shown)`);

  await page.keyboard.press('Tab');
  const link = await focused(page);
  assert.is(link.text, expected[0]!.message, 'Tab from the error summary should reach its first link');
  await page.keyboard.press('Enter');
  const box = await focused(page);
  assert.is(
    box.id,
    fieldId(expected[0]!.path),
    `the summary's link should move focus to its box, not ${describeElement(box)}`,
  );
  return violations;
}

const walk = browserSuite('Filling a form with the keyboard alone');

for (const { definition, answers } of loadForms()) {
  walk(
    `${definition.id}: a keyboard user should get from the home page through every page to a form they can submit, with no accessibility problem on the way`,
    async () => {
      const { page, baseUrl, smtp, cspViolations, pageErrors, close } = await openPage();
      try {
        const form = compileForm(definition);
        const firstMandatory = definition.pages.find((p) => form.pageErrors(p.id, {}, opts).length > 0)!;
        const violations: AxeViolation[] = [];
        const visited: string[] = [];

        await openFormFromHome(page, baseUrl, definition.id);
        for (let pageId = await pageIdOf(page); ; ) {
          const pageDefinition = form.page(pageId);
          visited.push(pageId);
          assert.is(await textOf(page, FORM_HEADING), pageDefinition.title, `the heading on ${pageId}`);
          violations.push(...(await axeAt(page, `${pageId} (empty)`)));
          if (pageDefinition.kind === 'checkAnswers') break;
          if (pageId === definition.pages[0]!.id) {
            // Starting a form: Next waits for the check that the person is not a robot, and says so.
            assert.is(await pressNext(page), pageId, 'Next on the first page should wait for the check');
            assert.equal(await page.locator('asc-form .error-summary a').allTextContents(), [
              'Confirm that you are not a robot: select the box',
            ]);
            await passCaptchaWithKeyboard(page);
            violations.push(...(await axeAt(page, `${pageId} (checked)`)));
          }
          if (await page.locator('asc-form [part="account-gate"]').count()) {
            // The first page about people asks the referrer to sign in: they register, then come back here.
            assert.ok(form.requiresAccount(pageId), `${pageId} asks to sign in though it needs no account`);
            assert.is(
              await page.locator('asc-form button', { hasText: 'Next' }).count(),
              0,
              'nothing past the sign-in gate without an account',
            );
            await registerWithKeyboard(page, smtp, `walk.${definition.id}@example.org`, async (where) => {
              violations.push(...(await axeAt(page, where)));
            });
            assert.is(await pageIdOf(page), pageId, 'Continue should return to the page the person was on');
          }
          if (pageId === firstMandatory.id) {
            violations.push(...(await checkErrorsOnEmptyPage(page, form, pageId)));
            // The summary's link went to the first box to fix, which may come after one the form filled in
            // (the person's name): Shift+Tab back up to the summary, to answer the page from its top.
            for (let presses = 0; presses < 20 && (await focused(page)).tag !== 'a'; presses++)
              await page.keyboard.press('Shift+Tab');
          }
          await answerPage(page, definition, pageId, answers);
          if (pageDefinition.questions?.length) violations.push(...(await axeAt(page, `${pageId} (answered)`)));
          const next = await pressNext(page);
          const shown = await page.locator('asc-form .error-summary a').allTextContents();
          assert.is.not(
            next,
            pageId,
            `Next on ${pageId} should move on once it is answered; it showed: ${shown.join('; ')}`,
          );
          const onFocus = await focused(page);
          assert.is(
            onFocus.tag,
            'h1',
            `after Next, focus should be on the new page's heading, not ${describeElement(onFocus)}`,
          );
          pageId = next;
        }

        assert.equal(
          visited,
          form.visiblePages(answers, opts).map((p) => p.id),
          'the pages walked through',
        );
        assert.is(
          await page.locator('asc-form button', { hasText: 'Submit' }).count(),
          1,
          'check your answers should offer Submit once every mandatory answer is given',
        );
        const rows = await page
          .locator('asc-form .screen-only .summary-row')
          .evaluateAll((elements) =>
            elements.map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]),
          );
        const expected = form
          .summary(answers, opts)
          .flatMap((p) => p.rows.map((row) => [row.label, row.lines.join('\n')]));
        assert.ok(expected.length > 10);
        assert.equal(rows, expected, 'check your answers should show every answer as typed');
        assert.equal(violations, [], 'axe found accessibility problems');
        assert.equal(cspViolations, [], 'the Content-Security-Policy blocked something');
        assert.equal(pageErrors, [], 'the page threw');
      } finally {
        await close();
      }
    },
  );
}

walk.run();
