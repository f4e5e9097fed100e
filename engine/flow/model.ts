/**
 * A form version's flow, for its authors: the pages in the order a referrer meets them, which are
 * always shown and which only when a condition holds, where signing in is needed, what on each
 * page is shown only sometimes, the repeatable groups, and the check-your-answers page at the end.
 * The conditions are in words, naming the questions and options as the referrer reads them
 * (`condition-words.ts`), with the same condition by id beside them for matching the JSON.
 */
import { conditionWords, type ConditionNames } from '../compile/condition-words.ts';
import type { GroupQuestion } from '../definition/definition.types.ts';
import { placeholdersIn } from '../definition/placeholders.ts';
import { pluralOf } from '../run/messages.ts';
import type { Condition, ContentBlock, FormDefinition, GroupItem, Page, PageItem, RichText } from '../types.ts';
import { isQuestion } from '../types.ts';

export interface FlowCondition {
  /** In the referrer's words: "What is requested" is "A standard authorisation, and …". */
  words: string;
  /** By question id and stored value, as the definition says it: "requestType" is "urgent-and-standard". */
  byId: string;
}

/** A question or a block of text shown only when a condition holds, or a question required only then. */
export interface FlowItem {
  id?: string;
  kind: 'question' | 'text';
  /** The question's short name (its summary label, or its label), or the start of the text. */
  label: string;
  /** The repeatable group it belongs to, for a question asked once for each item. */
  group?: string;
  /** That group's item name: the question is asked for each one. */
  forEach?: string;
  shownWhen?: FlowCondition;
  requiredWhen?: FlowCondition;
}

export interface FlowGroup {
  id: string;
  label: string;
  itemName: string;
  itemNamePlural: string;
  minItems: number;
  maxItems: number;
  /** The questions asked for each item. */
  questions: number;
  shownWhen?: FlowCondition;
}

export interface FlowPage {
  id: string;
  title: string;
  /** Its place among the form's pages, from 1. */
  number: number;
  progress: number;
  kind: 'questions' | 'checkAnswers';
  /** Missing for a page that is always shown. */
  shownWhen?: FlowCondition;
  /** Signing in is needed from this page on (its `requiresAccount`, the first such page). */
  accountGate: boolean;
  /** The referrer must be signed in to see it (this page or an earlier one requires an account). */
  needsAccount: boolean;
  /** The questions on the page; a repeatable group counts as one. */
  questions: number;
  /** The questions asked only when a condition holds; a group's own questions among them. */
  conditionalQuestions: number;
  /** What is shown, or required, only when a condition holds, in page order. */
  conditional: FlowItem[];
  groups: FlowGroup[];
}

export interface FlowModel {
  id: string;
  version: number;
  status: FormDefinition['status'];
  title: string;
  pages: FlowPage[];
  /** The first page that needs the referrer to be signed in, if any does. */
  accountFrom?: string;
}

type AnyQuestion = Extract<PageItem | GroupItem, { label: string; type: string; id: string }>;

function plainText(text: RichText): string {
  return typeof text === 'string'
    ? text
    : text.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
}

/** An earlier answer in the words ({personFullName|the person}) as the words shown until it is answered. */
function readable(text: string): string {
  let read = text;
  for (const { questionId, fallback } of placeholdersIn(text))
    read = read.replace(`{${questionId}|${fallback}}`, fallback);
  return read;
}

function shortened(text: string, longest = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= longest ? flat : `${flat.slice(0, longest - 1).trimEnd()}…`;
}

const BLOCK_NAMES = {
  heading: 'Heading',
  paragraph: 'Text',
  list: 'List',
  inset: 'Inset text',
  warning: 'Warning',
  details: 'Help',
};

const nameOf = (question: AnyQuestion) => readable(question.summaryLabel ?? question.label);

function blockLabel(block: ContentBlock): string {
  const text =
    block.type === 'details'
      ? block.summary
      : block.type === 'list'
        ? plainText(block.items[0])
        : plainText(block.text);
  return `${BLOCK_NAMES[block.type]} "${shortened(readable(text))}"`;
}

/** Every question of the definition, a group's own among them, by id: the first of two with one id wins. */
function questionsById(definition: FormDefinition): Map<string, AnyQuestion> {
  const found = new Map<string, AnyQuestion>();
  const add = (items: Array<PageItem | GroupItem>) => {
    for (const item of items) {
      if (!isQuestion(item)) continue;
      if (!found.has(item.id)) found.set(item.id, item);
      if (item.type === 'group') add(item.questions);
    }
  };
  for (const page of definition.pages) add(page.questions ?? []);
  return found;
}

/** Names questions by their short label and answers by the option's label, as the referrer reads them. */
function referrerNames(questions: Map<string, AnyQuestion>): ConditionNames {
  return {
    question: (id) => {
      const question = questions.get(id);
      return `"${question ? nameOf(question) : id}"`;
    },
    value: (id, value) => {
      const question = questions.get(id);
      if (question?.type === 'yesNo' && (value === 'yes' || value === 'no')) return value === 'yes' ? '"Yes"' : '"No"';
      if (question && 'options' in question) {
        const option = question.options.find((o) => o.value === value);
        if (option) return `"${readable(option.label)}"`;
      }
      return JSON.stringify(value);
    },
  };
}

function conditionOf(condition: Condition | undefined, names: ConditionNames): FlowCondition | undefined {
  return condition && { words: conditionWords(condition, false, names), byId: conditionWords(condition) };
}

function pageFlow(page: Page, names: ConditionNames): Omit<FlowPage, 'number' | 'accountGate' | 'needsAccount'> {
  const conditional: FlowItem[] = [];
  const groups: FlowGroup[] = [];
  let conditionalQuestions = 0;
  const blockItem = (block: ContentBlock) => {
    if (block.showIf)
      conditional.push({
        id: block.id,
        kind: 'text',
        label: blockLabel(block),
        shownWhen: conditionOf(block.showIf, names),
      });
  };
  const visit = (item: PageItem | GroupItem, group?: GroupQuestion) => {
    if (!isQuestion(item)) return blockItem(item as ContentBlock);
    const shownWhen = conditionOf(item.showIf, names);
    const requiredWhen = conditionOf(item.requiredWhen, names);
    if (shownWhen) conditionalQuestions++;
    if (shownWhen || requiredWhen) {
      const label = nameOf(item);
      const inGroup = group ? { group: group.id, forEach: group.itemName } : {};
      conditional.push({ id: item.id, kind: 'question', label, ...inGroup, shownWhen, requiredWhen });
    }
    if (item.type !== 'group') return;
    groups.push({
      id: item.id,
      label: nameOf(item),
      itemName: item.itemName,
      itemNamePlural: pluralOf(item),
      minItems: item.minItems ?? 0,
      maxItems: item.maxItems,
      questions: item.questions.filter(isQuestion).length,
      shownWhen,
    });
    for (const child of item.questions) visit(child, item);
  };
  for (const block of page.content ?? []) blockItem(block);
  for (const item of page.questions ?? []) visit(item);
  return {
    id: page.id,
    title: readable(page.title),
    progress: page.progress,
    kind: page.kind ?? 'questions',
    shownWhen: conditionOf(page.showIf, names),
    questions: (page.questions ?? []).filter(isQuestion).length,
    conditionalQuestions,
    conditional,
    groups,
  };
}

/** The flow of a definition (a sound one: the checker's problems are not repeated here). */
export function formFlow(definition: FormDefinition): FlowModel {
  const names = referrerNames(questionsById(definition));
  const gate = definition.pages.findIndex((page) => page.requiresAccount);
  const pages = definition.pages.map((page, index) => ({
    ...pageFlow(page, names),
    number: index + 1,
    accountGate: index === gate,
    needsAccount: gate !== -1 && index >= gate,
  }));
  return {
    id: definition.id,
    version: definition.version,
    status: definition.status,
    title: definition.title,
    pages,
    ...(gate === -1 ? {} : { accountFrom: definition.pages[gate]!.id }),
  };
}
