/**
 * The law in DoLS Form 1, as the person filling it meets it: a date of birth under 18, an urgent
 * authorisation that has ended, an extension asked for after it, an urgent authorisation over a
 * standard one still in force (pointing to Form 2), and the IMCA statement mandatory only when
 * nobody is added. Each stops Next with an error linked to the box to change; worked-out dates
 * appear as their answers are typed; the guidance names the Supreme Court's 2026 judgment.
 */
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { Answers } from '../../engine/index.ts';
import { loadForms } from '../fixtures/forms.ts';
import { browserSuite, axeViolations, focused, describeElement, tabTo, inTab } from '../support/browser.ts';
import { fieldId, passCaptchaWithKeyboard, pressNext, FORM_HEADING } from '../support/keyboard.ts';

const { definition, answers: complete } = loadForms().find((f) => f.definition.id === 'dols-form-1')!;
const signedIn = (use: Parameters<typeof inTab>[0], width?: number) => inTab(use, { signedIn: true, width });

function without(...ids: string[]): Answers {
  const answers = structuredClone(complete);
  for (const id of ids) delete answers[id];
  return answers;
}

/** Opens the form with these answers at a page they show, past the check that the person is not a robot. */
async function openAt(page: Page, baseUrl: string, pageId: string, answers: Answers): Promise<void> {
  await page.goto(`${baseUrl}/forms/${definition.id}/before-you-start`);
  await page.locator(FORM_HEADING).waitFor();
  await passCaptchaWithKeyboard(page);
  await page.locator('asc-form').evaluate(
    (form, [given, id]) => {
      const element = form as HTMLElement & { currentAnswers: Answers; pageId: string };
      element.currentAnswers = given as Answers;
      element.pageId = id as string;
    },
    [answers, pageId] as const,
  );
  const title = definition.pages.find((p) => p.id === pageId)!.title;
  await page.locator(FORM_HEADING, { hasText: title }).waitFor();
}

/** Types a YYYY-MM-DD date into a date question's three boxes with the keyboard. */
async function typeDate(page: Page, path: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-') as [string, string, string];
  const id = fieldId(path);
  for (const [box, part] of [
    [id, String(Number(day))],
    [`${id}-month`, String(Number(month))],
    [`${id}-year`, year],
  ] as const) {
    await tabTo(page, box);
    await page.keyboard.type(part);
  }
}

async function typeInto(page: Page, path: string, text: string): Promise<void> {
  await tabTo(page, fieldId(path));
  await page.keyboard.type(text);
}

const textOf = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * Next stays on the page, the error summary lists `message` first, the box shows it, and the
 * summary's link takes focus to the box at `path`, with nothing for axe to find.
 */
async function expectRefused(page: Page, path: string, message: RegExp): Promise<void> {
  const pageId = new URL(page.url()).pathname.split('/').pop()!;
  assert.is(await pressNext(page), pageId, 'Next should stay on the page');
  const links = page.locator('asc-form .error-summary a');
  assert.match((await links.allTextContents()).join('\n'), message);
  assert.match(await textOf(page, `asc-form #${fieldId(path)}-error`), message);
  assert.equal(await axeViolations(page), [], 'axe, with the error shown');
  await links.filter({ hasText: message }).first().focus();
  await page.keyboard.press('Enter');
  const box = await focused(page);
  assert.is(box.id, fieldId(path), `the link should move focus to the box, not ${describeElement(box)}`);
}

const law = browserSuite('DoLS Form 1: the law on the page');

law('a date of birth 16 years ago should be an error saying the safeguards apply only to people 18 or over', () =>
  signedIn(async ({ page, baseUrl }) => {
    await openAt(page, baseUrl, 'the-person', without('personDateOfBirth'));
    await typeDate(page, 'personDateOfBirth', '2010-11-24');
    await expectRefused(
      page,
      'personDateOfBirth',
      /apply only to people aged 18 or over\. Check the date of birth, or call Sefton Council on 0345 140 0845/,
    );
  }),
);

law('the urgent authorisation should show the day it ends as it is typed, and refuse one that has ended', () =>
  signedIn(async ({ page, baseUrl }) => {
    await openAt(page, baseUrl, 'urgent-authorisation', without('urgentDateGranted', 'urgentDays'));
    const ends = `asc-form #${fieldId('urgentExpiryDate')}`;
    assert.is(await page.locator(ends).getAttribute('aria-live'), 'polite');
    assert.match(await textOf(page, ends), /Worked out when you have answered the questions above/);
    await typeDate(page, 'urgentDateGranted', '2026-11-16');
    await typeInto(page, 'urgentDays', '5');
    assert.is(await textOf(page, ends), 'Date the urgent authorisation ends: 21 November 2026');
    await tabTo(page, fieldId('urgentDays'));
    await page.keyboard.press('Backspace');
    await page.keyboard.type('7');
    assert.is(await textOf(page, ends), 'Date the urgent authorisation ends: 23 November 2026', 'changed at once');
    assert.equal(await axeViolations(page), [], 'axe, with the date worked out');
    await expectRefused(page, 'urgentDateGranted', /urgent authorisation has already ended/);
  }),
);

law(
  'an extension should show the day it would end as it is typed, and be refused once the urgent authorisation has ended',
  () =>
    signedIn(async ({ page, baseUrl }) => {
      const answers = { ...without('extensionDays', 'extensionDate'), urgentDateGranted: '2026-11-16', urgentDays: 7 };
      await openAt(page, baseUrl, 'extension-request', answers);
      await typeInto(page, 'extensionDays', '3');
      assert.is(
        await textOf(page, `asc-form #${fieldId('extensionEndDate')}`),
        'Date the urgent authorisation would end if extended: 26 November 2026',
      );
      await typeDate(page, 'extensionDate', '2026-11-24');
      await expectRefused(page, 'extensionDate', /it can be extended only while it is in force/);
    }),
);

law(
  'an urgent authorisation over a standard authorisation still in force should point to Form 2 and stop the request',
  () =>
    signedIn(async ({ page, baseUrl }) => {
      await openAt(page, baseUrl, 'legal-matters', without('existingAuthorisationExpiry'));
      const warning = page.locator('asc-form .warning-text', { hasText: 'still in force' });
      assert.is(await warning.count(), 0, 'no warning before the date is given');
      await typeDate(page, 'existingAuthorisationExpiry', '2027-01-31');
      await warning.waitFor();
      assert.is(
        await warning.locator('a', { hasText: 'DoLS Form 2' }).getAttribute('href'),
        '/forms/dols-form-2',
        'the warning links to Form 2',
      );
      await expectRefused(
        page,
        'existingAuthorisationExpiry',
        /Use DoLS Form 2 to ask for a further standard authorisation/,
      );
    }),
);

law(
  'the IMCA statement should have no asterisk, say when it is needed, and be asked for only while nobody is added',
  () =>
    signedIn(async ({ page, baseUrl }) => {
      await openAt(page, baseUrl, 'consultation', without('consultees', 'imcaNeeded'));
      const statement = page.locator(`asc-form label[for="${fieldId('imcaNeeded')}"]`);
      assert.is(await statement.locator('.required').count(), 0, 'no red asterisk');
      assert.match(await textOf(page, `asc-form #${fieldId('imcaNeeded')}-hint`), /only if you have not added anyone/);
      assert.equal(await axeViolations(page), []);
      await expectRefused(page, 'imcaNeeded', /Add a person to consult, or confirm that there is nobody to consult/);
      await page.locator(`asc-form #${fieldId('consultees')}`).focus();
      await page.keyboard.press('Enter');
      assert.is(await statement.count(), 0, 'the statement goes once a person is added');
    }),
);

law('"Before you start" should say the acid test from Cheshire West no longer applies, and where to read and ask', () =>
  signedIn(async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/forms/${definition.id}/before-you-start`);
    await page.locator(FORM_HEADING).waitFor();
    const inset = await textOf(page, 'asc-form .inset:has-text("acid test")');
    assert.match(
      inset,
      /changed on 2 June 2026, when the Supreme Court's judgment \(\[2026\] UKSC 16\) overruled the ‘acid test’ from Cheshire West/,
    );
    await tabTo(page, (element) => element.tag === 'summary' && /deprivation of liberty/.test(element.text));
    await page.keyboard.press('Enter');
    const details = page.locator('asc-form details');
    const help = await textOf(page, 'asc-form details');
    assert.match(help, /Do not use the acid test/);
    assert.not.match(help, /UKSC 16/, 'the judgment is named once, in the box above, not again in the help');
    assert.equal(await details.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), [
      'https://www.gov.uk/government/collections/dh-mental-capacity-act-2005-deprivation-of-liberty-safeguards',
      'https://www.legislation.gov.uk/ukpga/2005/9/contents',
      'tel:03451400845',
    ]);
    assert.not.match(await textOf(page, 'asc-form details'), /changed in 2026/);
    assert.equal(await axeViolations(page), [], 'axe, with the details open');
  }),
);

law.run();
