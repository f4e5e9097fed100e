/* This file is generated from definition.schema.json by `npm run gen:types`. Do not edit it. */

/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "shortText".
 */
export type ShortText = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "longText".
 */
export type LongText = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "pageId".
 */
export type PageId = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "condition".
 */
export type Condition =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "questionId".
 */
export type QuestionId = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "scalar".
 */
export type Scalar = string | number | boolean;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "optionValue".
 */
export type OptionValue = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "dateRef".
 */
export type DateRef =
  | {
      /**
       * true: today's date, on the council's clock (council.timeZone in forms/portal.json), in the browser and on the server alike.
       */
      today: true;
      /**
       * Whole years to move by, on the calendar: -18 is this day 18 years ago.
       */
      offsetYears?: number;
      /**
       * Days to move the date by, after offsetYears: -7 is a week earlier, 28 is four weeks later. Leave it out to use the date itself.
       */
      offsetDays?: number;
    }
  | {
      /**
       * The id of another date question (or computed date) whose answer to compare with. While it has no answer, a date rule is skipped and a condition does not hold.
       */
      question: QuestionId;
      /**
       * Whole years to move by, on the calendar: -18 is this day 18 years ago.
       */
      offsetYears?: number;
      /**
       * Days to move the date by, after offsetYears: -7 is a week earlier, 28 is four weeks later. Leave it out to use the date itself.
       */
      offsetDays?: number;
    };
/**
 * A piece of text on a page: a heading, a paragraph, a list, an inset, a warning or details. Its "type" says which.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "contentBlock".
 */
export type ContentBlock =
  HeadingBlock | ParagraphBlock | ListBlock | InsetBlock | WarningBlock | DetailsBlock;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "richText".
 */
export type RichText = string | [InlineText, ...InlineText[]];
/**
 * A piece of text: a plain string, or { "text": ..., "href": ... } for a link, { "text": ..., "strong": true } for bold words.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "inline".
 */
export type InlineText =
  | string
  | {
      /**
       * The words of this piece: for a link, the words the person clicks ('0345 140 0845').
       */
      text: ShortText;
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
 * A question, or a text block between questions. Its "type" says which kind: text, textarea, email, phone, number, date, time, yesNo, radios, checkboxes, select, postcode, nhsNumber, address, declaration, computedDate or group; or heading, paragraph, list, inset, warning, details.
 *
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
 * One line of text: a name, a job title, a short answer. Stored as typed, without spaces at either end.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "textQuestion".
 */
export type TextQuestion = QuestionBase & TextQuestion1;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "prefill".
 */
export type Prefill = Prefill1 & Prefill2;
export type Prefill1 = {
  [k: string]: unknown;
};
/**
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
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "width".
 */
export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;
/**
 * A box of several lines for a longer answer: what happened, what the person needs. It counts the characters left as the limit nears.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "textareaQuestion".
 */
export type TextareaQuestion = QuestionBase & TextareaQuestion1;
/**
 * An email address, checked for its form: name@example.com.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "emailQuestion".
 */
export type EmailQuestion = QuestionBase & EmailQuestion1;
/**
 * A UK phone number, typed as the person likes (0151 934 3555, +44 151 934 3555) and stored as digits from 0: 01519343555.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "phoneQuestion".
 */
export type PhoneQuestion = QuestionBase & PhoneQuestion1;
/**
 * A number between min and max, such as a number of days; "integer": true for whole numbers only.
 *
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
 * One of several options, as round buttons. Stored as the chosen option's value.
 *
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
 * A set of questions the person can answer several times (one item per person consulted, say), with Add and Remove.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "groupQuestion".
 */
export type GroupQuestion = QuestionBase & GroupQuestion1;
/**
 * A question asked for each item of a repeatable group: any kind but another group, a declaration or a computed date; or a heading, paragraph, inset or warning between them.
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
  /**
   * The form's name, as shown on its tile and at the top of each page.
   */
  title: ShortText;
  /**
   * One sentence saying what the form is for.
   */
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
 * One page of the form: its title, the text above its questions, and its questions. The person moves from page to page with Next.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "page".
 */
export interface Page {
  /**
   * The page's id, in lower-case words joined by hyphens ('about-the-person'), unique in the form. It is part of the page's address: /forms/<form id>/<page id>.
   */
  id: PageId;
  /**
   * The page's heading, as the person reads it at the top of the page: 'About the person'.
   */
  title: ShortText;
  /**
   * questions (the default) or checkAnswers: the page that shows every answer, with Change links, before the form is sent. The last page must be checkAnswers, and only the last.
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
  /**
   * The page is shown only when this condition on answers to earlier pages holds; otherwise it is skipped and its answers are dropped: { "question": "requestType", "equals": "urgent" }, or "all", "any" or "not" of several. The first page and the check-answers page are always shown.
   */
  showIf?: Condition;
  /**
   * Text shown above the page's questions: headings, paragraphs, lists, insets, warnings, details. On the check-answers page it is shown after the answers, next to the button that sends the form: the place for 'what happens next'.
   *
   * @maxItems 60
   */
  content?: ContentBlock[];
  /**
   * The questions of the page, in the order asked. Text blocks (a heading, a paragraph ...) may stand between them. The check-answers page has none.
   *
   * @maxItems 80
   */
  questions?: PageItem[];
}
/**
 * Holds when every condition in the list holds.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "allCondition".
 */
export interface AllCondition {
  /**
   * The conditions (up to 20) that must all hold: { "all": [ {...}, {...} ] }.
   *
   * @minItems 1
   * @maxItems 20
   */
  all: [Condition, ...Condition[]];
}
/**
 * Holds when at least one condition in the list holds.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "anyCondition".
 */
export interface AnyCondition {
  /**
   * The conditions (up to 20) of which at least one must hold: { "any": [ {...}, {...} ] }.
   *
   * @minItems 1
   * @maxItems 20
   */
  any: [Condition, ...Condition[]];
}
/**
 * Holds when the condition inside does not.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "notCondition".
 */
export interface NotCondition {
  /**
   * The condition that must not hold: { "not": { "question": "personAware", "equals": "yes" } }.
   */
  not: Condition;
}
/**
 * Whether the person is signed in: true holds for someone signed in, false for someone who is not. Only in a text block's showIf (words for someone signed in, or not): questions, pages and date rules cannot depend on it. On the server a submission is always signed in.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "signedInCondition".
 */
export interface SignedInCondition {
  /**
   * true: holds for someone signed in. false: holds for someone who is not.
   */
  signedIn: boolean;
}
/**
 * A test of one answer. Exactly one of equals, notEquals, in, includes, answered, before, after, onOrBefore, onOrAfter.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "answerCondition".
 */
export interface AnswerCondition {
  /**
   * An earlier question's id (inside a repeatable group, a question of the same item comes first).
   */
  question: QuestionId;
  /**
   * Holds when the answer is exactly this: an option's value for radios and select, 'yes' or 'no' for yesNo, a number for a number question, text for a text question. Not for checkboxes (use includes), dates (use before, after ...), addresses, groups or declarations (use answered).
   */
  equals?: Scalar;
  /**
   * Holds when the question has an answer and it is not this one: an unanswered question does not count. For the same questions as equals.
   */
  notEquals?: Scalar;
  /**
   * Holds when the answer is any one of these values: { "question": "tenure", "in": ["council", "housing-association"] }. For the same questions as equals.
   *
   * @minItems 1
   * @maxItems 100
   */
  in?: [Scalar, ...Scalar[]];
  /**
   * For checkboxes: holds when the option with this value is ticked, whatever else is.
   */
  includes?: OptionValue;
  /**
   * true: holds when the question has an answer (an address with any box filled, a group with an item, a declaration ticked). false: when it has none.
   */
  answered?: boolean;
  /**
   * For a date question: holds when the answer is before this date (not on it). Does not hold while either date is missing. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  before?: DateRef;
  /**
   * For a date question: holds when the answer is after this date (not on it). Does not hold while either date is missing. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  after?: DateRef;
  /**
   * For a date question: holds when the answer is this date or earlier. Does not hold while either date is missing. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  onOrBefore?: DateRef;
  /**
   * For a date question: holds when the answer is this date or later: { "today": true, "offsetDays": -7 } is within the last week. Does not hold while either date is missing. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  onOrAfter?: DateRef;
}
/**
 * A heading inside the page, below its title, to divide a long page into parts.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "headingBlock".
 */
export interface HeadingBlock {
  /**
   * heading: a heading inside the page, below its title.
   */
  type: 'heading';
  /**
   * Optional: a name for this text, in camelCase like a question's id and unique in the form. The form works without it; it only helps you find the block.
   */
  id?: QuestionId;
  /**
   * The text is shown only when this condition holds. Text, unlike questions, may also test whether the person is signed in: { "signedIn": false } for words to someone not yet signed in.
   */
  showIf?: Condition;
  /**
   * The heading's words: 'The person's care home'.
   */
  text: ShortText;
}
/**
 * A paragraph of text.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "paragraphBlock".
 */
export interface ParagraphBlock {
  /**
   * paragraph: a paragraph of text.
   */
  type: 'paragraph';
  /**
   * Optional: a name for this text, in camelCase like a question's id and unique in the form. The form works without it; it only helps you find the block.
   */
  id?: QuestionId;
  /**
   * The text is shown only when this condition holds. Text, unlike questions, may also test whether the person is signed in: { "signedIn": false } for words to someone not yet signed in.
   */
  showIf?: Condition;
  /**
   * The words: a string, or a list of pieces when part of it is a link or in bold.
   */
  text: RichText;
}
/**
 * A list with bullets, or numbered with "ordered": true.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "listBlock".
 */
export interface ListBlock {
  /**
   * list: a list with bullets, or numbered.
   */
  type: 'list';
  /**
   * Optional: a name for this text, in camelCase like a question's id and unique in the form. The form works without it; it only helps you find the block.
   */
  id?: QuestionId;
  /**
   * The text is shown only when this condition holds. Text, unlike questions, may also test whether the person is signed in: { "signedIn": false } for words to someone not yet signed in.
   */
  showIf?: Condition;
  /**
   * true: numbered 1, 2, 3 instead of bulleted.
   */
  ordered?: boolean;
  /**
   * The list's items, in order (up to 40): each a string, or a list of pieces when part of it is a link or in bold.
   *
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
  /**
   * inset: text set apart with a bar at its side, for a note the person should not miss.
   */
  type: 'inset';
  /**
   * Optional: a name for this text, in camelCase like a question's id and unique in the form. The form works without it; it only helps you find the block.
   */
  id?: QuestionId;
  /**
   * The text is shown only when this condition holds. Text, unlike questions, may also test whether the person is signed in: { "signedIn": false } for words to someone not yet signed in.
   */
  showIf?: Condition;
  /**
   * The words: a string, or a list of pieces when part of it is a link or in bold.
   */
  text: RichText;
}
/**
 * A warning with an exclamation mark: something the person must do or must not do.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "warningBlock".
 */
export interface WarningBlock {
  /**
   * warning: bold text beside an exclamation mark, for something the person must or must not do.
   */
  type: 'warning';
  /**
   * Optional: a name for this text, in camelCase like a question's id and unique in the form. The form works without it; it only helps you find the block.
   */
  id?: QuestionId;
  /**
   * The text is shown only when this condition holds. Text, unlike questions, may also test whether the person is signed in: { "signedIn": false } for words to someone not yet signed in.
   */
  showIf?: Condition;
  /**
   * The words: a string, or a list of pieces when part of it is a link or in bold.
   */
  text: RichText;
}
/**
 * A link that opens more text, for help most people do not need.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "detailsBlock".
 */
export interface DetailsBlock {
  /**
   * details: a link that opens more text, for help most people do not need.
   */
  type: 'details';
  /**
   * Optional: a name for this text, in camelCase like a question's id and unique in the form. The form works without it; it only helps you find the block.
   */
  id?: QuestionId;
  /**
   * The text is shown only when this condition holds. Text, unlike questions, may also test whether the person is signed in: { "signedIn": false } for words to someone not yet signed in.
   */
  showIf?: Condition;
  /**
   * The words of the link that opens the text: 'Help with the person's NHS number'.
   */
  summary: ShortText;
  /**
   * The paragraphs shown once the link is opened (up to 20), each a string or a list of pieces.
   *
   * @minItems 1
   * @maxItems 20
   */
  text: [RichText, ...RichText[]];
}
/**
 * What every question may have, whatever its type: its id, label, hint, whether it is mandatory, when it is asked, and its own error messages.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "questionBase".
 */
export interface QuestionBase {
  /**
   * The question's id, in camelCase ('personDateOfBirth'), unique in the whole form. It names the answer in saved forms, submissions and exports, and conditions refer to the question by it: keep it when you reword the question in a new version.
   */
  id: QuestionId;
  /**
   * The kind of question, which decides what the person sees, how the answer is stored and what else the question may have: text, textarea, email, phone, number, date, time, yesNo, radios, checkboxes, select, postcode, nhsNumber, address, declaration, computedDate or group.
   */
  type: string;
  /**
   * The question, as the person reads it. {questionId|words} shows an earlier question's answer, and the words until it is answered: 'Does {personFullName|the person} object?'. The same works in hint, subject, summaryLabel and messages.
   */
  label: ShortText;
  /**
   * Help shown under the label.
   */
  hint?: LongText;
  /**
   * Mandatory: marked with a red asterisk, and the person cannot move on without answering.
   */
  required?: boolean;
  /**
   * Mandatory only while this holds, instead of required: there is no asterisk, so the hint must say when it must be answered ('Tick this if you have not added anyone above'). Next and Submit refuse an empty answer only while the condition holds.
   */
  requiredWhen?: Condition;
  /**
   * What the answer is, as a phrase for error messages: 'the person's date of birth' gives 'Enter the person's date of birth'.
   */
  subject?: ShortText;
  /**
   * A shorter label for check-your-answers, print and email.
   */
  summaryLabel?: ShortText;
  /**
   * true: the answer is never shown on check your answers, in print or in email (a key safe code, say), which say only 'Given (not shown for security)'. The council's staff see it.
   */
  sensitive?: boolean;
  /**
   * The question is asked only when this condition on earlier answers holds; otherwise its answer is dropped. { "question": "personAware", "equals": "no" }, or "all", "any" or "not" of several.
   */
  showIf?: Condition;
  /**
   * An answer put in the box for the person, so they need not type it again (WCAG 2.2, 3.3.7): exactly one of "account" (from their account), "question" (an earlier page's answer) or "now" (the date or time now), and optionally "when". The box stays editable, a prefill never replaces an answer already given, and the answer is checked as any other. Not for questions in a group, declarations, computed dates or groups.
   */
  prefill?: Prefill;
  /**
   * Your own wording for this question's error messages, in place of the defaults: required, invalid, tooLong, tooShort, outOfRange, tooFew, tooMany. Say what to do: 'Enter the person's date of birth', not 'Field is required'.
   */
  messages?: Messages;
}
export interface Prefill2 {
  /**
   * From the signed-in person's account: their fullName (forename and surname), forename, surname or email.
   */
  account?: 'fullName' | 'forename' | 'surname' | 'email';
  /**
   * A question on an earlier page whose answer is copied: the same type, or into a text question from an email, phone, postcode or NHS number question.
   */
  question?: QuestionId;
  /**
   * For a date question today, for a time question the time now, in the council's time zone.
   */
  now?: true;
  /**
   * Filled only once this holds (the person answered Yes to 'Are you the person dealing with this request?', say); when it stops holding, a box still holding what was filled is emptied again.
   */
  when?: Condition;
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "messages".
 */
export interface Messages {
  /**
   * When a mandatory question is not answered.
   */
  required?: ShortText;
  /**
   * When the answer is not in the right form (an email, a phone number, a postcode, a real date).
   */
  invalid?: ShortText;
  /**
   * When the answer has more characters than maxLength allows. The default says so, naming the answer by its subject: 'Full name must be 200 characters or fewer'.
   */
  tooLong?: ShortText;
  /**
   * When the answer has fewer characters than minLength asks for. The default says so, naming the answer by its subject: 'Full name must be 10 characters or more'.
   */
  tooShort?: ShortText;
  /**
   * A number below its minimum or above its maximum.
   */
  outOfRange?: ShortText;
  /**
   * Fewer choices or items than the minimum.
   */
  tooFew?: ShortText;
  /**
   * More choices or items than the maximum.
   */
  tooMany?: ShortText;
}
export interface TextQuestion1 {
  /**
   * text: one line of text: a name, a job title, a short answer.
   */
  type: 'text';
  /**
   * The most characters accepted, up to 500 (default 200). A longer answer gets the tooLong message.
   */
  maxLength?: number;
  /**
   * The fewest characters accepted once anything is typed; a shorter answer gets the tooShort message. No more than maxLength.
   */
  minLength?: number;
  /**
   * What the browser may fill this box with from what it remembers of the person using it. Only for questions about the person filling in the form (their own name, email, phone: WCAG 1.3.5): leave it out for answers about someone else.
   */
  autocomplete?: Autocomplete;
  /**
   * How wide the box looks, in characters: choose the nearest to the longest answer you expect (4 for a year, 10 for a postcode). It does not limit what can be typed.
   */
  width?: InputWidth;
}
export interface TextareaQuestion1 {
  /**
   * textarea: a box of several lines for a longer answer, with a count of the characters left.
   */
  type: 'textarea';
  /**
   * The most characters accepted, up to 20000 (default 5000). The box says how many are left once fewer than a fifth remain.
   */
  maxLength?: number;
  /**
   * The fewest characters accepted once anything is typed; a shorter answer gets the tooShort message. No more than maxLength.
   */
  minLength?: number;
  /**
   * How many lines high the box is, from 2 to 20 (default 5). It does not limit the length of the answer.
   */
  rows?: number;
}
export interface EmailQuestion1 {
  /**
   * email: an email address, checked for its form: name@example.com.
   */
  type: 'email';
  /**
   * What the browser may fill this box with from what it remembers of the person using it. Only for questions about the person filling in the form (their own name, email, phone: WCAG 1.3.5): leave it out for answers about someone else. Without it, the browser does not fill an email box.
   */
  autocomplete?: Autocomplete;
}
export interface PhoneQuestion1 {
  /**
   * phone: a UK phone number, stored as digits from 0: 01519343555.
   */
  type: 'phone';
  /**
   * What the browser may fill this box with from what it remembers of the person using it. Only for questions about the person filling in the form (their own name, email, phone: WCAG 1.3.5): leave it out for answers about someone else. Without it, the browser does not fill a phone box.
   */
  autocomplete?: Autocomplete;
}
export interface NumberQuestion1 {
  /**
   * number: a number between min and max, such as a number of days.
   */
  type: 'number';
  /**
   * The smallest number accepted (needed). A smaller answer gets the outOfRange message: 'Number of days must be between 1 and 28 days'.
   */
  min: number;
  /**
   * The largest number accepted (needed), no less than min. A larger answer gets the outOfRange message.
   */
  max: number;
  /**
   * true: whole numbers only (needed for a number of days a computed date adds). Otherwise decimals such as 1.5 are accepted too.
   */
  integer?: boolean;
  /**
   * Shown after the box and in the range message: 'days', 'cm', 'kg'.
   */
  unit?: string;
  /**
   * How wide the box looks, in characters: choose the nearest to the longest answer you expect (4 for a year, 10 for a postcode). It does not limit what can be typed. Default 5.
   */
  width?: InputWidth;
}
export interface DateQuestion1 {
  /**
   * date: day, month and year in three boxes, stored as YYYY-MM-DD.
   */
  type: 'date';
  /**
   * Limits on the date (up to 10), each with one comparison (before, after, notBefore, notAfter) and the message shown when it is broken: a date of birth in the past, a start within 28 days. They are checked in order, and the first broken one is shown.
   *
   * @maxItems 10
   */
  rules?: DateRule[];
}
export interface DateRule2 {
  /**
   * The answer must be before this date; the day itself is refused. { "today": true } means in the past. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  before?: DateRef;
  /**
   * The answer must be after this date; the day itself is refused. { "today": true } means in the future. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  after?: DateRef;
  /**
   * The answer must be this date or later. { "today": true } means today or in the future. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  notBefore?: DateRef;
  /**
   * The answer must be this date or earlier. { "today": true, "offsetDays": 28 } means no more than 28 days from today. Compare with { "today": true } or { "question": "dateGranted" } (another date question), moved by "offsetDays" or "offsetYears" where needed.
   */
  notAfter?: DateRef;
  /**
   * The rule applies only when this holds.
   */
  when?: Condition;
  /**
   * What to fix: 'Date of birth must be in the past'.
   */
  message: ShortText;
}
export interface TimeQuestion1 {
  /**
   * time: a time of day on the 24-hour clock, stored as HH:MM: 14:30.
   */
  type: 'time';
}
export interface YesNoQuestion1 {
  /**
   * yesNo: Yes or No, side by side, stored as 'yes' or 'no'.
   */
  type: 'yesNo';
}
export interface RadiosQuestion1 {
  /**
   * radios: one of several options, as round buttons.
   */
  type: 'radios';
  /**
   * The options, in the order the person sees them (up to 100). Each has its own value.
   */
  options: Options;
  /**
   * Options side by side: only for two short ones.
   */
  inline?: boolean;
}
/**
 * One option of radios, checkboxes or a drop-down list.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "option".
 */
export interface Option {
  /**
   * What is stored when this option is chosen, in lower-case words joined by hyphens ('care-home'), unique among the question's options. Conditions test this value: keep it when you reword the label.
   */
  value: OptionValue;
  /**
   * The option's words, as the person reads them: 'Care home'.
   */
  label: ShortText;
  /**
   * Help shown under this option (not in a drop-down list).
   */
  hint?: ShortText;
  /**
   * Checkboxes only: 'None of these'. Chosen alone.
   */
  exclusive?: boolean;
}
export interface CheckboxesQuestion1 {
  /**
   * checkboxes: any number of options, as boxes to tick, stored as a list of values.
   */
  type: 'checkboxes';
  /**
   * The options, in the order the person sees them (up to 100). Each has its own value. One may be "exclusive" ('None of these').
   */
  options: Options;
  /**
   * The fewest options the person must tick, once they tick any (a required question needs at least one anyway). Fewer get the tooFew message.
   */
  minItems?: number;
  /**
   * The most options the person may tick, no more than there are options (default: all of them). More get the tooMany message.
   */
  maxItems?: number;
}
export interface SelectQuestion1 {
  /**
   * select: a drop-down list, for a long list of options only: radios are easier to use.
   */
  type: 'select';
  /**
   * The options, in the order the person sees them (up to 100). Each has its own value.
   */
  options: Options;
}
export interface PostcodeQuestion1 {
  /**
   * postcode: a UK postcode, stored in capitals with one space: L20 3NJ.
   */
  type: 'postcode';
}
export interface NhsNumberQuestion1 {
  /**
   * nhsNumber: an NHS number: 10 digits with a valid check digit, stored without spaces.
   */
  type: 'nhsNumber';
}
export interface AddressQuestion1 {
  /**
   * address: a UK postal address in five boxes: two lines of building and street, town or city, county, postcode.
   */
  type: 'address';
}
export interface DeclarationQuestion1 {
  /**
   * declaration: a statement the person confirms by ticking one box; the label is the statement.
   */
  type: 'declaration';
}
export interface ComputedDateQuestion1 {
  /**
   * computedDate: a date the form works out and shows, never typed: a date answer plus a number of days answered.
   */
  type: 'computedDate';
  /**
   * Limits on the worked-out date, as on a date question. A broken rule is shown at the box of the date it is worked out from (of the number of days, when that date is itself worked out), where the person can change it.
   *
   * @maxItems 10
   */
  rules?: DateRule[];
  /**
   * How the date is worked out: the answer to the date question named by "date", plus the number of days answered in the number question named by "addDaysFrom". Both must be asked before it.
   */
  compute: {
    /**
     * The date question to start from.
     */
    date: QuestionId;
    /**
     * The number question that says how many days to add.
     */
    addDaysFrom: QuestionId;
  };
}
export interface GroupQuestion1 {
  /**
   * group: a set of questions the person answers once for each item they add (each person consulted, say).
   */
  type: 'group';
  /**
   * What one item is, in the singular: 'person', 'professional'.
   */
  itemName: ShortText;
  /**
   * The plural, where adding 's' is wrong: 'people'.
   */
  itemNamePlural?: ShortText;
  /**
   * The fewest items, once the person adds any (default 0); a mandatory group needs at least 1 anyway. Fewer get the tooFew message.
   */
  minItems?: number;
  /**
   * The most items the person can add, from 1 to 50 (needed). Once they have added that many, Add is no longer offered.
   */
  maxItems: number;
  /**
   * The questions asked for each item (up to 30): any kind but a group, a declaration or a computed date, with headings, paragraphs, insets or warnings between them. Their ids are unique in the form, and a condition inside may test an earlier question of the same item.
   *
   * @minItems 1
   * @maxItems 30
   */
  questions: [GroupItem, ...GroupItem[]];
}
/**
 * What every text block may have besides its words: an id and a condition.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "blockBase".
 */
export interface BlockBase {
  /**
   * Optional: only needed to refer to this block.
   */
  id?: QuestionId;
  /**
   * The text is shown only when this condition holds. Text, unlike questions, may also test whether the person is signed in: { "signedIn": false } for words to someone not yet signed in.
   */
  showIf?: Condition;
}
