/* This file is generated from definition.schema.json by `npm run gen:types`. Do not edit it. */

/**
 * The form's name, as shown on its tile and at the top of each page.
 */
export type ShortText = string;
/**
 * One sentence saying what the form is for.
 */
export type LongText = string;
/**
 * A page's id, in lower-case words joined by hyphens. It appears in the page's address.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "pageId".
 */
export type PageId = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "shortText".
 */
export type ShortText1 = string;
/**
 * The page is shown only when this holds.
 */
export type Condition =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "condition".
 */
export type Condition1 =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * An earlier question's id (inside a repeatable group, a question of the same item comes first).
 */
export type QuestionId = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "scalar".
 */
export type Scalar = string | number | boolean;
/**
 * For checkboxes: that option is ticked.
 */
export type OptionValue = string;
/**
 * A date to compare with: today, or another date question's answer, moved by a number of days.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "dateRef".
 */
export type DateRef =
  | {
      today: true;
      /**
       * Whole years to move by, on the calendar: -18 is this day 18 years ago.
       */
      offsetYears?: number;
      offsetDays?: number;
    }
  | {
      question: QuestionId1;
      /**
       * Whole years to move by, on the calendar: -18 is this day 18 years ago.
       */
      offsetYears?: number;
      offsetDays?: number;
    };
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "questionId".
 */
export type QuestionId1 = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "contentBlock".
 */
export type ContentBlock =
  HeadingBlock | ParagraphBlock | ListBlock | InsetBlock | WarningBlock | DetailsBlock;
/**
 * Text, or a list of pieces of text of which some may be links or bold.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "richText".
 */
export type RichText = string | [InlineText, ...InlineText[]];
/**
 * A piece of text: plain, a link, or bold.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "inline".
 */
export type InlineText =
  | string
  | {
      text: ShortText1;
      /**
       * A link: https:, tel: or mailto:, or a path on this site.
       */
      href?: string;
      /**
       * Shown in bold.
       */
      strong?: boolean;
    };
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "pageItem".
 */
export type PageItem =
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
  | GroupQuestion
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | InsetBlock
  | WarningBlock
  | DetailsBlock;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "textQuestion".
 */
export type TextQuestion = QuestionBase & TextQuestion1;
/**
 * The question, as the person reads it. {questionId|words} shows an earlier question's answer, and the words until it is answered: 'Does {personFullName|the person} object?'. The same works in hint, subject, summaryLabel and messages.
 */
export type ShortText2 = string;
/**
 * Help shown under the label.
 */
export type LongText1 = string;
/**
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 */
export type Condition2 =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * What the answer is, as a phrase for error messages: 'the person's date of birth' gives 'Enter the person's date of birth'.
 */
export type ShortText3 = string;
/**
 * A shorter label for check-your-answers, print and email.
 */
export type ShortText4 = string;
/**
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 */
export type Condition3 =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * An answer put in the box for the person, which they can change: from their account, from an earlier page's answer, or the date or time now.
 */
export type Prefill = {
  [k: string]: unknown;
} & {
  /**
   * From the signed-in person's account: their fullName (forename and surname), forename, surname or email.
   */
  account?: 'fullName' | 'forename' | 'surname' | 'email';
  question?: QuestionId2;
  /**
   * For a date question today, for a time question the time now, in the council's time zone.
   */
  now?: true;
  when?: Condition4;
};
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 */
export type QuestionId2 = string;
/**
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 */
export type Condition4 =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * When a mandatory question is not answered.
 */
export type ShortText5 = string;
/**
 * When the answer is not in the right form (an email, a phone number, a postcode, a real date).
 */
export type ShortText6 = string;
/**
 * A number below its minimum or above its maximum.
 */
export type ShortText7 = string;
/**
 * Fewer choices or items than the minimum.
 */
export type ShortText8 = string;
/**
 * More choices or items than the maximum.
 */
export type ShortText9 = string;
/**
 * What the browser may fill in, for questions about the person filling the form (WCAG 1.3.5).
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "autocomplete".
 */
export type Autocomplete =
  | 'name'
  | 'given-name'
  | 'family-name'
  | 'email'
  | 'tel'
  | 'organization'
  | 'organization-title'
  | 'street-address'
  | 'postal-code'
  | 'off';
/**
 * How many characters wide the box looks, to hint at the expected answer.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "width".
 */
export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "textareaQuestion".
 */
export type TextareaQuestion = QuestionBase & TextareaQuestion1;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "emailQuestion".
 */
export type EmailQuestion = QuestionBase & EmailQuestion1;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "phoneQuestion".
 */
export type PhoneQuestion = QuestionBase & PhoneQuestion1;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "numberQuestion".
 */
export type NumberQuestion = QuestionBase & NumberQuestion1;
/**
 * Day, month and year as three boxes. The answer is stored as YYYY-MM-DD.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "dateQuestion".
 */
export type DateQuestion = QuestionBase & DateQuestion1;
/**
 * A limit on a date answer. Exactly one of before, after, notBefore, notAfter. Skipped while the date it compares with is not given.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "dateRule".
 */
export type DateRule = DateRule1 & DateRule2;
export type DateRule1 = {
  [k: string]: unknown;
};
/**
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 */
export type Condition5 =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * What to fix: 'Date of birth must be in the past'.
 */
export type ShortText10 = string;
/**
 * A time of day on the 24-hour clock, stored as HH:MM.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "timeQuestion".
 */
export type TimeQuestion = QuestionBase & TimeQuestion1;
/**
 * Yes or No, stored as 'yes' or 'no'.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "yesNoQuestion".
 */
export type YesNoQuestion = QuestionBase & YesNoQuestion1;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "radiosQuestion".
 */
export type RadiosQuestion = QuestionBase & RadiosQuestion1;
/**
 * @minItems 1
 * @maxItems 100
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "options".
 */
export type Options = [Option, ...Option[]];
/**
 * The stored value of an option, in lower-case words joined by hyphens.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "optionValue".
 */
export type OptionValue1 = string;
/**
 * Any number of options, stored as a list of values.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "checkboxesQuestion".
 */
export type CheckboxesQuestion = QuestionBase & CheckboxesQuestion1;
/**
 * A drop-down list: for long lists of options only; radios are easier to use.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "selectQuestion".
 */
export type SelectQuestion = QuestionBase & SelectQuestion1;
/**
 * A UK postcode, stored in capitals with one space: L20 3NJ.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "postcodeQuestion".
 */
export type PostcodeQuestion = QuestionBase & PostcodeQuestion1;
/**
 * An NHS number: 10 digits with a valid check digit, stored without spaces.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "nhsNumberQuestion".
 */
export type NhsNumberQuestion = QuestionBase & NhsNumberQuestion1;
/**
 * A UK postal address: building and street (two lines), town or city, county, postcode. When mandatory, the first line, the town and the postcode are needed.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "addressQuestion".
 */
export type AddressQuestion = QuestionBase & AddressQuestion1;
/**
 * A statement the person confirms by ticking one box. The label is the statement.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "declarationQuestion".
 */
export type DeclarationQuestion = QuestionBase & DeclarationQuestion1;
/**
 * A date the engine works out and shows, never typed: a date question's answer plus the number of days answered in a number question.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "computedDateQuestion".
 */
export type ComputedDateQuestion = QuestionBase & ComputedDateQuestion1;
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 */
export type QuestionId3 = string;
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 */
export type QuestionId4 = string;
/**
 * A set of questions the person can answer several times (one item per person consulted, say), with Add and Remove.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "groupQuestion".
 */
export type GroupQuestion = QuestionBase & GroupQuestion1;
/**
 * What one item is, in the singular: 'person', 'professional'.
 */
export type ShortText11 = string;
/**
 * The plural, where adding 's' is wrong: 'people'.
 */
export type ShortText12 = string;
/**
 * A question inside a repeatable group: any kind but another group.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "groupItem".
 */
export type GroupItem =
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
  | HeadingBlock
  | ParagraphBlock
  | InsetBlock
  | WarningBlock;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "longText".
 */
export type LongText2 = string;
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 */
export type QuestionId5 = string;
/**
 * Where a question's answer is filled in from, so the person need not type it again (WCAG 2.2, 3.3.7). Exactly one of account, question or now, and optionally when. The box stays editable; a prefill never replaces an answer already given, and the answer is checked as any other.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "prefill".
 */
export type Prefill1 = Prefill2 & Prefill3;
export type Prefill2 = {
  [k: string]: unknown;
};

/**
 * A versioned referral form, read by the asc-forms engine. Each published version is immutable: to change one, add v<N+1>.json.
 */
export interface FormDefinition {
  /**
   * Path or URL of this schema, so an editor can help the author.
   */
  $schema?: string;
  /**
   * The form's id, in lower-case words joined by hyphens. Matches the folder name in forms/.
   */
  id: string;
  /**
   * The version number. Matches the file name (v1.json is version 1).
   */
  version: number;
  /**
   * draft: can still change. published: frozen, its hash is kept in published.lock.json. retired: no new forms may start on it.
   */
  status: 'draft' | 'published' | 'retired';
  title: ShortText;
  description?: LongText;
  /**
   * The text questions whose answers name the person the form is about, in the order the name is read: ["personFullName"], or ["personFirstName", "personLastName"]. Saved and submitted forms are listed as 'about Edith Marsh', and the confirmation email names the person as far as portal.json allows. Each must be a text question, not inside a group.
   *
   * @minItems 1
   * @maxItems 4
   */
  aboutPerson?: [string, ...string[]];
  /**
   * The pages in the order a person meets them. The first is usually 'Before you start'; the last is the check-answers page.
   *
   * @minItems 1
   * @maxItems 60
   */
  pages: [Page, ...Page[]];
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "page".
 */
export interface Page {
  id: PageId;
  title: ShortText1;
  /**
   * questions (the default) or checkAnswers: the page that shows every answer before the form is sent. Only the last page may be checkAnswers.
   */
  kind?: 'questions' | 'checkAnswers';
  /**
   * How far through the form this page is, in percent, as shown to the person ('13% complete'). Never goes down from one page to the next.
   */
  progress: number;
  /**
   * The person must be signed in to see this page and every page after it.
   */
  requiresAccount?: boolean;
  showIf?: Condition;
  /**
   * Text shown above the questions.
   *
   * @maxItems 60
   */
  content?: ContentBlock[];
  /**
   * The questions, in order. Text blocks may stand between them.
   *
   * @maxItems 80
   */
  questions?: PageItem[];
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "allCondition".
 */
export interface AllCondition {
  /**
   * @minItems 1
   * @maxItems 20
   */
  all: [Condition1, ...Condition1[]];
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "anyCondition".
 */
export interface AnyCondition {
  /**
   * @minItems 1
   * @maxItems 20
   */
  any: [Condition1, ...Condition1[]];
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "notCondition".
 */
export interface NotCondition {
  not: Condition1;
}
/**
 * Whether the person is signed in: true holds for someone signed in, false for someone who is not. Only in a text block's showIf (words for someone signed in, or not): questions, pages and date rules cannot depend on it. On the server a submission is always signed in.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "signedInCondition".
 */
export interface SignedInCondition {
  signedIn: boolean;
}
/**
 * A test of one answer. Exactly one of equals, notEquals, in, includes, answered, before, after, onOrBefore, onOrAfter.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "answerCondition".
 */
export interface AnswerCondition {
  question: QuestionId;
  equals?: Scalar;
  notEquals?: Scalar;
  /**
   * @minItems 1
   * @maxItems 100
   */
  in?: [Scalar, ...Scalar[]];
  includes?: OptionValue;
  /**
   * true: the question has an answer. false: it has none.
   */
  answered?: boolean;
  before?: DateRef;
  after?: DateRef;
  onOrBefore?: DateRef;
  onOrAfter?: DateRef;
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "headingBlock".
 */
export interface HeadingBlock {
  type: 'heading';
  id?: QuestionId1;
  showIf?: Condition1;
  text: ShortText1;
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "paragraphBlock".
 */
export interface ParagraphBlock {
  type: 'paragraph';
  id?: QuestionId1;
  showIf?: Condition1;
  text: RichText;
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "listBlock".
 */
export interface ListBlock {
  type: 'list';
  id?: QuestionId1;
  showIf?: Condition1;
  /**
   * Numbered instead of bulleted.
   */
  ordered?: boolean;
  /**
   * @minItems 1
   * @maxItems 40
   */
  items: [RichText, ...RichText[]];
}
/**
 * Text set apart with a bar at its side: a note the person should not miss.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "insetBlock".
 */
export interface InsetBlock {
  type: 'inset';
  id?: QuestionId1;
  showIf?: Condition1;
  text: RichText;
}
/**
 * A warning with an exclamation mark: something the person must do or must not do.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "warningBlock".
 */
export interface WarningBlock {
  type: 'warning';
  id?: QuestionId1;
  showIf?: Condition1;
  text: RichText;
}
/**
 * A link that opens more text, for help most people do not need.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "detailsBlock".
 */
export interface DetailsBlock {
  type: 'details';
  id?: QuestionId1;
  showIf?: Condition1;
  summary: ShortText1;
  /**
   * @minItems 1
   * @maxItems 20
   */
  text: [RichText, ...RichText[]];
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "questionBase".
 */
export interface QuestionBase {
  id: QuestionId1;
  /**
   * The kind of question.
   */
  type: string;
  label: ShortText2;
  hint?: LongText1;
  /**
   * Mandatory: marked with a red asterisk, and the person cannot move on without answering.
   */
  required?: boolean;
  requiredWhen?: Condition2;
  subject?: ShortText3;
  summaryLabel?: ShortText4;
  /**
   * Never shown in summaries, print or email (a key safe code, say): they say only that it was given.
   */
  sensitive?: boolean;
  showIf?: Condition3;
  prefill?: Prefill;
  messages?: Messages;
}
/**
 * Error messages that replace the defaults. Say what to do: 'Enter the person's date of birth', not 'Field is required'.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "messages".
 */
export interface Messages {
  required?: ShortText5;
  invalid?: ShortText6;
  tooLong?: ShortText1;
  tooShort?: ShortText1;
  outOfRange?: ShortText7;
  tooFew?: ShortText8;
  tooMany?: ShortText9;
}
export interface TextQuestion1 {
  type: 'text';
  /**
   * Default 200.
   */
  maxLength?: number;
  minLength?: number;
  autocomplete?: Autocomplete;
  width?: InputWidth;
}
export interface TextareaQuestion1 {
  type: 'textarea';
  /**
   * Default 5000.
   */
  maxLength?: number;
  minLength?: number;
  rows?: number;
}
export interface EmailQuestion1 {
  type: 'email';
  autocomplete?: Autocomplete;
}
export interface PhoneQuestion1 {
  type: 'phone';
  autocomplete?: Autocomplete;
}
export interface NumberQuestion1 {
  type: 'number';
  min: number;
  max: number;
  /**
   * Whole numbers only.
   */
  integer?: boolean;
  /**
   * Shown after the box: 'days', 'cm', 'kg'.
   */
  unit?: string;
  width?: InputWidth;
}
export interface DateQuestion1 {
  type: 'date';
  /**
   * @maxItems 10
   */
  rules?: DateRule[];
}
export interface DateRule2 {
  before?: DateRef;
  after?: DateRef;
  notBefore?: DateRef;
  notAfter?: DateRef;
  when?: Condition5;
  message: ShortText10;
}
export interface TimeQuestion1 {
  type: 'time';
}
export interface YesNoQuestion1 {
  type: 'yesNo';
}
export interface RadiosQuestion1 {
  type: 'radios';
  options: Options;
  /**
   * Options side by side: only for two short ones.
   */
  inline?: boolean;
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "option".
 */
export interface Option {
  value: OptionValue1;
  label: ShortText1;
  hint?: ShortText1;
  /**
   * Checkboxes only: 'None of these'. Chosen alone.
   */
  exclusive?: boolean;
}
export interface CheckboxesQuestion1 {
  type: 'checkboxes';
  options: Options;
  minItems?: number;
  maxItems?: number;
}
export interface SelectQuestion1 {
  type: 'select';
  options: Options;
}
export interface PostcodeQuestion1 {
  type: 'postcode';
}
export interface NhsNumberQuestion1 {
  type: 'nhsNumber';
}
export interface AddressQuestion1 {
  type: 'address';
}
export interface DeclarationQuestion1 {
  type: 'declaration';
}
export interface ComputedDateQuestion1 {
  type: 'computedDate';
  /**
   * Limits on the worked-out date, as on a date question. A broken rule is shown at the box of the date it is worked out from (of the number of days, when that date is itself worked out), where the person can change it.
   *
   * @maxItems 10
   */
  rules?: DateRule[];
  compute: {
    date: QuestionId3;
    addDaysFrom: QuestionId4;
  };
}
export interface GroupQuestion1 {
  type: 'group';
  itemName: ShortText11;
  itemNamePlural?: ShortText12;
  /**
   * Default 0; a mandatory group needs at least 1.
   */
  minItems?: number;
  maxItems: number;
  /**
   * @minItems 1
   * @maxItems 30
   */
  questions: [GroupItem, ...GroupItem[]];
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "blockBase".
 */
export interface BlockBase {
  id?: QuestionId5;
  showIf?: Condition1;
}
export interface Prefill3 {
  /**
   * From the signed-in person's account: their fullName (forename and surname), forename, surname or email.
   */
  account?: 'fullName' | 'forename' | 'surname' | 'email';
  question?: QuestionId2;
  /**
   * For a date question today, for a time question the time now, in the council's time zone.
   */
  now?: true;
  when?: Condition4;
}
