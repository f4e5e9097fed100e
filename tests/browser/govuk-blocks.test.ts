import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { PAGE_DATA, type FormDefinition } from '../../engine/index.ts';
import { browserSuite, inTab, axeViolations, focused, describeElement } from '../support/browser.ts';
import { FORM_HEADING, pressNext } from '../support/keyboard.ts';

const blocks = browserSuite('The GOV.UK blocks in the browser');

/** The form's page of radios whose options have hints, and its question. */
const RADIOS_PAGE = '/forms/dols-form-1/what-you-are-requesting';
const RADIOS_ID = 'f-requestType';

/** Serves dols-form-1 with a hint on its request-type question, whether it comes with the page or from the API. */
async function withQuestionHint(page: Page): Promise<void> {
  const hinted = (body: { definition: FormDefinition }) => {
    for (const formPage of body.definition.pages) {
      for (const question of formPage.questions ?? [])
        if ('id' in question && question.id === 'requestType') Object.assign(question, { hint: 'Choose one.' });
    }
    return body;
  };
  await page.route(/\/api\/forms\/dols-form-1(\/versions\/\d+)?$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: hinted(await response.json()) });
  });
  const block = new RegExp(`(<script type="application/json" id="${PAGE_DATA.form}">)(.*?)(</script>)`, 's');
  await page.route(/^https?:\/\/[^/]+\/forms\/dols-form-1(\/[^/]*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      block,
      (_, open: string, json: string, close: string) =>
        open + JSON.stringify(hinted(JSON.parse(json))).replaceAll('<', '\\u003c') + close,
    );
    await route.fulfill({ response, body: html });
  });
}

blocks(
  'after a failed Next, focus should be on the error summary box, and role="alert" on a child of it, not on the box itself',
  () =>
    inTab(
      async ({ page, baseUrl }) => {
        await page.goto(`${baseUrl}${RADIOS_PAGE}`);
        await page.locator(FORM_HEADING).waitFor();
        await pressNext(page);
        await page.locator('asc-form .error-summary').waitFor();
        const onFocus = await focused(page);
        assert.is(
          onFocus.className,
          'error-summary',
          `the error summary should have focus, not ${describeElement(onFocus)}`,
        );
        const roles = await page.locator('asc-form .error-summary').evaluate((box) => ({
          own: box.getAttribute('role'),
          inside: [...box.querySelectorAll('[role="alert"]')].map((alert) =>
            alert.textContent?.replace(/\s+/g, ' ').trim(),
          ),
        }));
        assert.is(
          roles.own,
          null,
          'the box that takes focus should carry no role (focusing and announcing one element race in screen readers)',
        );
        assert.is(roles.inside.length, 1, 'one child of the box should be the alert');
        assert.match(roles.inside[0]!, /^There is a problem/, 'the alert should hold the heading and the list');
        assert.equal(await axeViolations(page), []);
      },
      { signedIn: true },
    ),
);

blocks(
  "the first option's hint should have an id of its own, not the question's hint id, and each should describe the right element",
  () =>
    inTab(
      async ({ page, baseUrl }) => {
        await withQuestionHint(page);
        await page.goto(`${baseUrl}${RADIOS_PAGE}`);
        await page.locator(FORM_HEADING).waitFor();
        const ids = await page.locator('asc-form').evaluate((form, questionId) => {
          const root = form.shadowRoot!;
          const all = [...root.querySelectorAll('[id]')].map((element) => element.id);
          const radios = [...root.querySelectorAll<HTMLInputElement>(`input[name="${questionId}"]`)];
          return {
            duplicates: all.filter((id, index) => all.indexOf(id) !== index),
            fieldset: root.querySelector(`#${questionId}`)!.closest('fieldset')!.getAttribute('aria-describedby'),
            questionHint: root.querySelector(`#${questionId}-hint`)?.textContent?.trim(),
            options: radios.map((radio) => ({
              id: radio.id,
              describedBy: radio.getAttribute('aria-describedby'),
              hint: root.querySelector(`#${radio.getAttribute('aria-describedby')}`)?.textContent?.trim(),
            })),
          };
        }, RADIOS_ID);
        assert.equal(ids.duplicates, [], 'no two elements should share an id');
        assert.is(ids.questionHint, 'Choose one.', "the question's hint");
        assert.is(ids.fieldset, `${RADIOS_ID}-hint`, "the fieldset should be described by the question's hint");
        assert.equal(
          ids.options.map((option) => option.id),
          [RADIOS_ID, `${RADIOS_ID}-2`],
          'the first option has the question id, so the error summary can link to it',
        );
        assert.equal(
          ids.options.map((option) => option.describedBy),
          [`${RADIOS_ID}-item-hint`, `${RADIOS_ID}-2-item-hint`],
          'each option should be described by its own hint',
        );
        assert.equal(
          ids.options.map((option) => option.hint),
          [
            'You have not granted an urgent authorisation.',
            'The care home or hospital has granted an urgent authorisation because the deprivation of liberty had to start before a standard authorisation could be decided.',
          ],
        );
        assert.equal(await axeViolations(page), []);
      },
      { signedIn: true },
    ),
);

blocks.run();
