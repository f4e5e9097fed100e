/**
 * Words made only of spaces: the schema takes them (they are not empty), but the person would see
 * a question, an option, a heading or a hint with nothing in it. Each is refused where it stands,
 * saying what to write there.
 */
import type { ContentBlock, GroupItem, PageItem } from '../../types.ts';
import type { CheckContext } from './context.ts';

const blank = (text: unknown): boolean => typeof text === 'string' && text.trim() === '';

/** What each piece of words is, and what to write there. */
const FIXES: Record<string, string> = {
  label: 'the question, as the person reads it, such as "What is your full name?"',
  optionLabel: 'the words the person chooses this option by',
  pageTitle: 'the page\'s heading, which also names the browser tab, such as "About you"',
  formTitle: "the form's name, as shown on its tile and at the top of each page",
  hint: 'the help shown under the label, or remove "hint"',
  optionHint: 'the help shown under the option, or remove "hint"',
  subject: 'a phrase for its error messages, such as "the person\'s date of birth", or remove "subject"',
  summaryLabel: 'a shorter label for check your answers, or remove "summaryLabel"',
  itemName: 'what one item is, such as "person"',
  itemNamePlural: 'the plural of the item\'s name, such as "people", or remove "itemNamePlural"',
  message: 'the message shown to the person, saying what to fix',
  description: 'one sentence saying what the form is for, or remove "description"',
  text: 'the words to show, or remove this text',
  summary: 'the words of the link that opens the text',
  linkText: 'the words of the link, saying where it goes',
};

const WHAT: Record<string, string> = {
  label: 'label',
  optionLabel: "option's label",
  pageTitle: 'page title',
  formTitle: 'title',
  hint: 'hint',
  optionHint: "option's hint",
  subject: 'subject',
  summaryLabel: 'summary label',
  itemName: 'item name',
  itemNamePlural: 'plural item name',
  message: 'message',
  description: 'description',
  text: 'text',
  summary: 'summary',
  linkText: "link's words",
};

export function checkBlankText(ctx: CheckContext): void {
  const refuse = (pointer: string, kind: string) =>
    ctx.problem(
      pointer,
      'blank-text',
      `The ${WHAT[kind]} is only spaces, so the person would see nothing there. Write ${FIXES[kind]}.`,
    );
  const check = (text: unknown, pointer: string, kind: string) => {
    if (blank(text)) refuse(pointer, kind);
  };
  /** Text or pieces of text: blank when every piece is; a link or bold piece without words is refused at its words. */
  const rich = (text: unknown, pointer: string) => {
    if (!Array.isArray(text)) return check(text, pointer, 'text');
    const words = (piece: unknown) => (typeof piece === 'string' ? piece : (piece as { text?: string }).text);
    text.forEach((piece, i) => {
      if (typeof piece === 'object' && blank(words(piece))) refuse(`${pointer}/${i}/text`, 'linkText');
    });
    if (text.every((piece) => blank(words(piece))) && !text.some((piece) => typeof piece === 'object'))
      refuse(pointer, 'text');
  };
  const block = (item: ContentBlock, pointer: string) => {
    if (item.type === 'list') item.items.forEach((entry, i) => rich(entry, `${pointer}/items/${i}`));
    else if (item.type === 'details') {
      check(item.summary, `${pointer}/summary`, 'summary');
      item.text.forEach((entry, i) => rich(entry, `${pointer}/text/${i}`));
    } else rich(item.text, `${pointer}/text`);
  };

  const { definition } = ctx;
  check(definition.title, '/title', 'formTitle');
  check(definition.description, '/description', 'description');
  definition.pages.forEach((page, p) => {
    check(page.title, `/pages/${p}/title`, 'pageTitle');
    (page.content ?? []).forEach((item, b) => block(item, `/pages/${p}/content/${b}`));
  });
  ctx.walkItems((item: PageItem | GroupItem, pointer) => {
    if (!('label' in item)) return block(item as ContentBlock, pointer);
    for (const key of ['label', 'hint', 'subject', 'summaryLabel', 'itemName', 'itemNamePlural'] as const)
      check((item as unknown as Record<string, unknown>)[key], `${pointer}/${key}`, key);
    for (const [key, text] of Object.entries(item.messages ?? {})) check(text, `${pointer}/messages/${key}`, 'message');
    if ('rules' in item)
      (item.rules ?? []).forEach((rule, r) => check(rule.message, `${pointer}/rules/${r}/message`, 'message'));
    if ('options' in item)
      item.options.forEach((option, o) => {
        check(option.label, `${pointer}/options/${o}/label`, 'optionLabel');
        check(option.hint, `${pointer}/options/${o}/hint`, 'optionHint');
      });
  });
}
