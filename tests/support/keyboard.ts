/**
 * Filling the portal's forms as a keyboard user does: Tab to a box, then type, press Space or use
 * the arrow keys; Enter on links and buttons. Nothing here clicks or sets a value directly, so a
 * keyboard trap or a box out of reach fails the walk.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { codeIn, type ReceivedMail } from './smtp.ts';
import {
  ADDRESS_PARTS,
  isQuestion,
  type AddressAnswer,
  type AnswerValue,
  type Answers,
  type ChildQuestion,
  type FormDefinition,
  type ItemAnswers,
  type PortalContent,
  type Question,
} from '../../engine/index.ts';
import { focused, tabTo, withText, describeElement } from './browser.ts';

const portal = JSON.parse(readFileSync(new URL('../../forms/portal.json', import.meta.url), 'utf8')) as PortalContent;

/** The element id of an answer path's box, as the renderer makes it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

/** The form's heading (not the one kept for printing). */
export const FORM_HEADING = 'asc-form h1[part="page-title"]';

/** From the home page, by the keyboard alone, to the first page of a form: the tiles, then (for DoLS) the form's link. */
export async function openFormFromHome(page: Page, baseUrl: string, formId: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('asc-portal h1').waitFor();
  const homeTile = portal.home.tiles.find((tile) => tile.page === 'referrals')!;
  await followLink(page, homeTile.title, portal.referrals.title);
  const formTile = portal.referrals.tiles.find((tile) => tile.form === formId);
  if (formTile) {
    await followLink(page, formTile.title);
  } else {
    const dolsTile = portal.referrals.tiles.find((tile) => tile.page === 'dols')!;
    await followLink(page, dolsTile.title, portal.dols.title);
    await followLink(page, portal.dols.forms.find((link) => link.form === formId)!.title);
  }
  await page.locator(FORM_HEADING).waitFor();
}

async function followLink(page: Page, text: string, heading?: string): Promise<void> {
  await tabTo(page, withText(text));
  await page.keyboard.press('Enter');
  if (heading) await page.locator('asc-portal h1', { hasText: heading }).waitFor();
}

/**
 * A form's page (by path) with answers put in as a saved form's would be: typing every answer is
 * the form walk's job, not that of each suite that needs a complete form.
 */
export async function openWithAnswers(page: Page, baseUrl: string, path: string, answers: Answers): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator(FORM_HEADING).waitFor();
  await page.locator('asc-form').evaluate((form, given) => {
    (form as HTMLElement & { currentAnswers: Answers }).currentAnswers = given;
  }, answers);
}

/** The id of the form page on screen, from the address bar. */
export async function pageIdOf(page: Page): Promise<string> {
  return (await page.evaluate(() => location.pathname)).split('/').pop()!;
}

/** Tabs to Next and presses Enter; returns the id of the page it leads to (the same one when it found problems). */
export async function pressNext(page: Page): Promise<string> {
  await tabTo(page, withText('Next'));
  await page.keyboard.press('Enter');
  return await pageIdOf(page);
}

/**
 * Types text into the focused box, Enter between lines. After the first 40 keys of a line the rest
 * arrives as one text input, as dictation or an input method sends it: key by key, the long
 * answers alone would take a minute.
 */
async function typeText(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line.slice(0, 40));
    if (line.length > 40) await page.keyboard.insertText(line.slice(40));
  }
}

/** Whether a box is on screen: questions come and go with the answers before them. */
async function isRendered(page: Page, id: string): Promise<boolean> {
  return (await page.locator(`asc-form #${id}`).count()) > 0;
}

type AnyQuestion = Question | ChildQuestion;

function firstBox(question: AnyQuestion, path: string): string {
  return question.type === 'address' ? fieldId(`${path}.line1`) : fieldId(path);
}

/** Answers every question on the page the answers give a value for, in the order they appear. */
export async function answerPage(
  page: Page,
  definition: FormDefinition,
  pageId: string,
  answers: Answers,
): Promise<void> {
  const items = definition.pages.find((p) => p.id === pageId)!.questions ?? [];
  await answerQuestions(page, items.filter(isQuestion), '', answers);
}

async function answerQuestions(
  page: Page,
  questions: AnyQuestion[],
  prefix: string,
  answers: Answers | ItemAnswers,
): Promise<void> {
  for (const question of questions) {
    const value = answers[question.id];
    const path = `${prefix}${question.id}`;
    // A question hidden by its condition is not on screen; the fixtures may still answer it.
    if (value === undefined || !(await isRendered(page, firstBox(question, path)))) continue;
    await answerQuestion(page, question, path, value);
  }
}

async function answerQuestion(page: Page, question: AnyQuestion, path: string, value: AnswerValue): Promise<void> {
  const id = fieldId(path);
  switch (question.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'number':
    case 'postcode':
    case 'nhsNumber':
    case 'time':
    case 'textarea':
      // Ctrl+A first, as a person replaces what the form filled in (their name, the time now).
      await tabTo(page, id);
      await page.keyboard.press('Control+A');
      return typeText(page, String(value));
    case 'date': {
      const [year, month, day] = String(value).split('-') as [string, string, string];
      for (const [box, part] of [
        [id, day],
        [`${id}-month`, month],
        [`${id}-year`, year],
      ] as const) {
        await tabTo(page, box);
        await page.keyboard.press('Control+A');
        await page.keyboard.type(part);
      }
      return;
    }
    case 'yesNo':
    case 'radios': {
      const values = question.type === 'yesNo' ? ['yes', 'no'] : question.options.map((option) => option.value);
      const index = values.indexOf(String(value));
      // Tab lands on the group's first option; Space chooses it, the arrow keys move to and choose the others.
      await tabTo(page, id);
      if (index === 0) await page.keyboard.press('Space');
      for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
      return expectChecked(page, index === 0 ? id : `${id}-${index + 1}`, path);
    }
    case 'checkboxes':
      for (const [index, option] of question.options.entries()) {
        if (!(value as string[]).includes(option.value)) continue;
        const box = index === 0 ? id : `${id}-${index + 1}`;
        await tabTo(page, box);
        await page.keyboard.press('Space');
        await expectChecked(page, box, path);
      }
      return;
    case 'declaration':
      await tabTo(page, id);
      await page.keyboard.press('Space');
      return expectChecked(page, id, path);
    case 'select': {
      // A closed select moves through its options with the arrow keys; the first is "Select an option".
      await tabTo(page, id);
      const index = question.options.findIndex((option) => option.value === value);
      for (let step = 0; step <= index; step++) await page.keyboard.press('ArrowDown');
      const chosen = await page.locator(`asc-form #${id}`).inputValue();
      if (chosen !== value) throw new Error(`The arrow keys chose "${chosen}" in ${path}, not "${String(value)}"`);
      return;
    }
    case 'address':
      for (const part of Object.keys(ADDRESS_PARTS) as Array<keyof AddressAnswer>) {
        const text = (value as AddressAnswer)[part];
        if (text === undefined) continue;
        await tabTo(page, fieldId(`${path}.${part}`));
        await typeText(page, text);
      }
      return;
    case 'group':
      for (const [index, item] of (value as ItemAnswers[]).entries()) {
        await tabTo(page, id);
        await page.keyboard.press('Enter');
        const onFocus = await focused(page);
        if (!onFocus.id.startsWith(`${fieldId(`${path}.${index}`)}-`)) {
          throw new Error(
            `After "Add", focus should be on the first box of ${question.itemName} ${index + 1}, not on ${describeElement(onFocus)}`,
          );
        }
        await answerQuestions(
          page,
          question.questions.filter(isQuestion) as ChildQuestion[],
          `${path}.${index}.`,
          item,
        );
      }
      return;
    case 'computedDate':
      return;
  }
}

async function expectChecked(page: Page, box: string, path: string): Promise<void> {
  if (!(await page.locator(`asc-form #${box}`).isChecked())) {
    throw new Error(
      `The keyboard did not choose #${box} for ${path}; focus is on ${describeElement(await focused(page))}`,
    );
  }
}

/** Types into the box with this id, reached by Tab, in place of anything the form filled in (Ctrl+A first). */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

export const WALK_PASSWORD = 'Lighthouse keeper 2 boats!';

/**
 * From a form's "Login or Register", by the keyboard alone: register a new account in the guide's
 * three steps, with the code from the email, then Continue back to the form. `check` runs on each
 * screen (axe, say).
 */
export async function registerWithKeyboard(
  page: Page,
  smtp: { nextTo(address: string): Promise<ReceivedMail> },
  email: string,
  check: (where: string) => Promise<void>,
): Promise<void> {
  await tabTo(page, withText('Login or Register'));
  await page.keyboard.press('Enter');
  await registerFromSecureLogin(page, smtp, email, check);
}

/** The same registration, from the secure login screen the form sent the person to. */
export async function registerFromSecureLogin(
  page: Page,
  smtp: { nextTo(address: string): Promise<ReceivedMail> },
  email: string,
  check: (where: string) => Promise<void>,
): Promise<void> {
  await page.locator('asc-account h1', { hasText: 'Secure login' }).waitFor();
  await check('secure login');
  await tabTo(page, withText('Register for new account'));
  await page.keyboard.press('Enter');
  await page.locator('asc-account h1', { hasText: 'Your name' }).waitFor();
  await check('register step 1');
  await typeInto(page, 'f-forename', 'Sam');
  await typeInto(page, 'f-surname', 'Carter');
  await page.keyboard.press('Enter');
  await page.locator('asc-account h1', { hasText: 'email address and password' }).waitFor();
  await typeInto(page, 'f-email', email);
  await typeInto(page, 'f-password', WALK_PASSWORD);
  await typeInto(page, 'f-confirmPassword', WALK_PASSWORD);
  await check('register step 2');
  await page.keyboard.press('Enter');
  await page.locator('asc-account h1', { hasText: 'verification code' }).waitFor();
  await check('register step 3');
  await typeInto(page, 'f-code', codeIn(await smtp.nextTo(email)));
  await page.keyboard.press('Enter');
  await page.locator('asc-account h1', { hasText: 'Registration completed' }).waitFor();
  await check('registration completed');
  await tabTo(page, withText('Continue'));
  await page.keyboard.press('Enter');
  await page.locator(FORM_HEADING).waitFor();
}

/**
 * The check that the person is not a robot, on a form's first page, by the keyboard alone: Tab to
 * its box, Space, and wait for the form to say it can start.
 */
export async function passCaptchaWithKeyboard(page: Page): Promise<void> {
  // The widget loads on first use: wait for its box before looking for it.
  await page.locator('asc-form asc-captcha input[type="checkbox"]').waitFor({ timeout: 20_000 });
  await tabTo(page, (element) => element.tag === 'input' && element.id === 'captcha');
  await page.keyboard.press('Space');
  await page.locator('asc-form p', { hasText: 'you can start the form' }).waitFor({ timeout: 20_000 });
}
