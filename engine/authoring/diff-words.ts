/** The words the diff of two versions says things in: questions' kinds, requirements, prefills, date rules, text. */
import type { ChildQuestion, Condition, ContentBlock, DateRule, Question, RichText } from '../types.ts';
import { conditionWords, dateWords } from '../compile/condition-words.ts';
import type { DetailChange } from './diff-types.ts';

type AnyQuestion = Question | ChildQuestion;

/** Each type as the author's guide names what the person sees. */
const TYPE_WORDS: Record<string, string> = {
  text: 'one line of text',
  textarea: 'several lines of text',
  email: 'an email address',
  phone: 'a phone number',
  number: 'a number',
  date: 'a date',
  time: 'a time',
  yesNo: 'yes or no',
  radios: 'one of several options',
  checkboxes: 'any of several options',
  select: 'a drop-down list',
  postcode: 'a postcode',
  nhsNumber: 'an NHS number',
  address: 'an address',
  declaration: 'a box to tick',
  computedDate: 'a date worked out',
  group: 'a set of questions to add several times',
};

export const typeWords = (type: string): string => `${TYPE_WORDS[type] ?? type} (${type})`;

export const quoted = (text: string): string => `“${text}”`;

/** The first words of a long text, so a line stays readable. */
export function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/**
 * The two texts' excerpts from a little before where they first differ, so a reworded sentence
 * shows its new words and not only the start they share.
 */
export function differingExcerpts(was: string, now: string, length = 80): [string, string] {
  const [a, b] = [was.replace(/\s+/g, ' ').trim(), now.replace(/\s+/g, ' ').trim()];
  let first = 0;
  while (first < a.length && a[first] === b[first]) first++;
  const start = first > length / 2 ? a.lastIndexOf(' ', first - 20) + 1 : 0;
  const lead = start > 0 ? '…' : '';
  return [`${lead}${excerpt(a.slice(start), length)}`, `${lead}${excerpt(b.slice(start), length)}`];
}

export function plainText(text: RichText): string {
  return typeof text === 'string'
    ? text
    : text.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
}

/** A text block's words, as one line. */
export function blockText(block: ContentBlock): string {
  switch (block.type) {
    case 'heading':
      return block.text;
    case 'list':
      return block.items.map(plainText).join('; ');
    case 'details':
      return [block.summary, ...block.text.map(plainText)].join(': ');
    default:
      return plainText(block.text);
  }
}

export const shownWords = (condition: Condition | undefined): string =>
  condition ? `only when ${conditionWords(condition)}` : 'always';

/** Whether the answer is mandatory, in words. */
export function requirementWords(question: AnyQuestion): string {
  if (question.type === 'computedDate') return 'worked out, never typed';
  if (question.required) return 'mandatory';
  if (question.requiredWhen) return `mandatory only when ${conditionWords(question.requiredWhen)}`;
  return 'optional';
}

/** When the question is asked (its page's own condition aside), in words. */
export const askedWords = (question: AnyQuestion): string =>
  question.showIf ? `asked only when ${conditionWords(question.showIf)}` : 'always asked when its page is shown';

const ACCOUNT_WORDS = { fullName: 'full name', forename: 'forename', surname: 'surname', email: 'email address' };

/** Where the box is filled in from, in words; undefined when it is not. */
export function prefillWords(question: AnyQuestion): string | undefined {
  const prefill = question.prefill;
  if (!prefill) return undefined;
  const source = prefill.account
    ? `the signed-in person's ${ACCOUNT_WORDS[prefill.account]}`
    : prefill.question
      ? `the answer to "${prefill.question}"`
      : question.type === 'time'
        ? 'the time now'
        : 'today';
  return `filled in with ${source}${prefill.when ? ` when ${conditionWords(prefill.when)}` : ''}`;
}

const RULE_WORDS = {
  before: 'must be before',
  after: 'must be after',
  notBefore: 'must not be before',
  notAfter: 'must not be after',
} as const;

/** A date rule in words: `must be before today (“Date of birth must be in the past”)`. */
export function ruleWords(rule: DateRule): string {
  const operator = (Object.keys(RULE_WORDS) as Array<keyof typeof RULE_WORDS>).find((op) => rule[op]);
  const limit = operator ? `${RULE_WORDS[operator]} ${dateWords(rule[operator]!)}` : 'a rule';
  return `${limit}${rule.when ? ` when ${conditionWords(rule.when)}` : ''} (${quoted(rule.message)})`;
}

/** A limit's value in words, with the engine's default where the author set none. */
export function limitValue(value: unknown, fallback?: string): string {
  return value === undefined ? (fallback ?? 'none') : String(value);
}

/** A text property: added, removed or reworded. */
export function textChange(what: string, from: string | undefined, to: string | undefined): DetailChange[] {
  if (from === to) return [];
  const change: DetailChange = {
    what,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    words:
      from === undefined
        ? `${what} added: ${quoted(to!)}`
        : to === undefined
          ? `${what} removed (was ${quoted(from)})`
          : `${what}: ${quoted(from)} → ${quoted(to)}`,
  };
  return [change];
}
