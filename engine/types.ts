/** The shapes the engine hands out: answers, errors and summaries. */
import type {
  AddressQuestion,
  CheckboxesQuestion,
  ComputedDateQuestion,
  DateQuestion,
  DeclarationQuestion,
  EmailQuestion,
  GroupQuestion,
  NhsNumberQuestion,
  NumberQuestion,
  PageItem,
  PhoneQuestion,
  PostcodeQuestion,
  RadiosQuestion,
  SelectQuestion,
  TextareaQuestion,
  TextQuestion,
  TimeQuestion,
  YesNoQuestion,
  GroupItem,
} from './definition/definition.types.ts';

export type {
  FormDefinition,
  Page,
  PageItem,
  GroupItem,
  Condition,
  DateRef,
  DateRule,
  ContentBlock,
  RichText,
  InlineText,
  Option,
} from './definition/definition.types.ts';

/** Every item on a page that asks for an answer (everything but text blocks). */
export type Question =
  | TextQuestion
  | TextareaQuestion
  | EmailQuestion
  | PhoneQuestion
  | NumberQuestion
  | DateQuestion
  | TimeQuestion
  | YesNoQuestion
  | RadiosQuestion
  | CheckboxesQuestion
  | SelectQuestion
  | PostcodeQuestion
  | NhsNumberQuestion
  | AddressQuestion
  | DeclarationQuestion
  | ComputedDateQuestion
  | GroupQuestion;

export type ChildQuestion = Extract<GroupItem, Question>;

/** An address as typed in its five boxes. */
export interface AddressAnswer {
  line1?: string;
  line2?: string;
  town?: string;
  county?: string;
  postcode?: string;
}

export type ItemAnswers = Record<string, AnswerValue>;

/**
 * One answer: a string for most questions (dates as YYYY-MM-DD, yes/no as "yes"/"no"), a number,
 * a list of option values for checkboxes, true for a declaration, an object for an address, and a
 * list of item answers for a repeatable group.
 */
export type AnswerValue = string | number | boolean | string[] | AddressAnswer | ItemAnswers[];

/** A person's answers, by question id. */
export type Answers = Record<string, AnswerValue | undefined>;

/**
 * One thing the person must fix. `path` names the exact box: "personDob",
 * "personAddress.postcode" or "consultees.0.name"; renderers derive element ids from it.
 */
export interface FieldError {
  pageId: string;
  questionId: string;
  path: string;
  message: string;
}

export interface SummaryRow {
  /** The question's id at the top level of the form (the group's, for an item of a group). */
  questionId: string;
  /** Where the Change link goes: the box to focus. */
  path: string;
  label: string;
  /** The answer as a person reads it, one string per line; empty when not answered. */
  lines: string[];
}

export interface SummaryPage {
  pageId: string;
  title: string;
  rows: SummaryRow[];
}

/** Options for anything that depends on the date. */
export interface DateOptions {
  /** Today as YYYY-MM-DD; defaults to the date in the council's time zone by the form's clock. */
  today?: string;
}

export function isQuestion(item: PageItem | GroupItem): item is Question {
  return (
    'label' in item &&
    'id' in item &&
    !['heading', 'paragraph', 'list', 'inset', 'warning', 'details'].includes(item.type)
  );
}
