/* This file is generated from portal.schema.json by `npm run gen:types`. Do not edit it. */

/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "text".
 */
export type Text = string;
/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "url".
 */
export type Url = string;
/**
 * A piece of text on a page: a heading, a paragraph, a list, an inset, a warning or details. Its "type" says which.
 */
export type ContentBlock =
  HeadingBlock | ParagraphBlock | ListBlock | InsetBlock | WarningBlock | DetailsBlock;
export type QuestionId = string;
export type Condition =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
export type Scalar = string | number | boolean;
export type OptionValue = string;
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
export type ShortText = string;
export type RichText = string | [InlineText, ...InlineText[]];
/**
 * A piece of text: a plain string, or { "text": ..., "href": ... } for a link, { "text": ..., "strong": true } for bold words.
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
 * @maxItems 40
 *
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "blocks".
 */
export type Blocks = ContentBlock[];
/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "formId".
 */
export type FormId = string;
/**
 * A time on the 24-hour clock, HH:MM: '17:30'.
 *
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "clockTime".
 */
export type ClockTime = string;
/**
 * A date, YYYY-MM-DD: '2026-12-28'.
 *
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "isoDate".
 */
export type IsoDate = string;
/**
 * One deadline: its label, and a date from an answer or a time after the form was received. Exactly one of date and afterReceived.
 *
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "deadlineRule".
 */
export type DeadlineRule = {
  /**
   * As the triage team reads it: 'Screening due'.
   */
  label: Text;
  /**
   * The date a date (or worked-out date) question's answer gives: the end of that day on the council's clock, or the time a time question gives on it.
   */
  date?: {
    question: QuestionId;
    /**
     * A time question: the deadline is at that time on the date (the end of the day while it has no answer).
     */
    time?: QuestionId;
  };
  /**
   * A time after the form was received: calendar days (the end of the day that many days after the day received) or working hours (counted in workingHours).
   */
  afterReceived?: {
    [k: string]: unknown;
  } & {
    days?: number;
    workingHours?: number;
  };
  /**
   * Only while this holds (for the answers as sent, today being the date now).
   */
  when?: Condition;
} & DeadlineRule1;
export type DeadlineRule1 = {
  [k: string]: unknown;
};

/**
 * The portal's own words and links: the council, its phone numbers, the home page tiles, the referral and DoLS pages, and the notices; and the council's working hours, bank holidays, triage rules and the outcomes its triage team closes referrals with. Another council reuses the portal by editing this file.
 */
export interface PortalContent {
  $schema?: string;
  council: {
    /**
     * The council: 'Sefton Council'.
     */
    name: Text;
    /**
     * The portal's name in the header and emails.
     */
    serviceName: Text;
    /**
     * The contact centre, for urgent needs and safeguarding.
     */
    phone: Phone;
    /**
     * The emergency duty team, out of office hours.
     */
    outOfHoursPhone?: Phone;
    officeHours?: Text;
    website: Url;
    callChargesUrl?: Url;
    privacyUrl?: Url;
    accessibilityUrl?: Url;
    /**
     * The council's time zone, an IANA name such as 'Europe/London' (the default): the date rules' and conditions' today, and every date and time the portal writes, are counted in it, whatever the server's or the browser's own zone.
     */
    timeZone?: string;
    /**
     * The towns and places of the council's area ('Southport', 'Bootle'…). A new password is refused when it is built on one of them, as on the council's own name: 'Southport2026!' is among the first that someone trying to break in would guess.
     *
     * @maxItems 200
     */
    places?: string[];
  };
  home: TilePage;
  referrals: TilePage;
  dols: {
    title: Text;
    subtitle?: Text;
    content?: Blocks;
    /**
     * @minItems 1
     * @maxItems 20
     */
    forms: [
      {
        form: FormId;
        title: Text;
      },
      ...{
        form: FormId;
        title: Text;
      }[]
    ];
    after?: Blocks;
  };
  notices: {
    /**
     * Shown on the home page and before every form.
     */
    urgent: RichText;
    safeguarding: RichText;
  };
  /**
   * The email a referrer gets once a form is submitted.
   */
  confirmationEmail?: {
    /**
     * How far the email says whom the form is about (the name its definition's aboutPerson names): not at all, by initials ('about EM', the default), or by full name ('about Edith Marsh'). Email is less safe than the portal: give no more than the council allows.
     */
    namesThePerson?: 'none' | 'initials' | 'fullName';
  };
  /**
   * When the council's triage team reads the portal: the office hours of each day of the week, on the council's clock (council.timeZone), and the bank holidays it is closed. Deadlines counted in working hours count only these hours.
   */
  workingHours?: {
    /**
     * Each day the office opens, with its opening and closing times; a day left out (Saturday and Sunday, say) is closed.
     */
    week: {
      monday?: OpeningHours;
      tuesday?: OpeningHours;
      wednesday?: OpeningHours;
      thursday?: OpeningHours;
      friday?: OpeningHours;
      saturday?: OpeningHours;
      sunday?: OpeningHours;
    };
    /**
     * The days the office is closed whatever day of the week they fall on: the bank holidays (with the substitute day when one falls at a weekend), as GOV.UK publishes them.
     *
     * @maxItems 400
     */
    bankHolidays?: {
      date: IsoDate;
      /**
       * As GOV.UK names it: 'Boxing Day (substitute day)'.
       */
      name: Text;
    }[];
  };
  /**
   * For each form, by its id: what makes a referral urgent, and the deadlines the triage team works to.
   */
  triage?: {
    [k: string]: TriageRules;
  };
  /**
   * The coded outcomes the triage team closes a referral with, in the order staff are offered them ('No further action: information and advice given', 'Passed to a team'…). A referral keeps the code it was closed with: once an outcome has been used, keep its code and its meaning, and mark it retired rather than remove it when it is no longer to be offered, so the referrals closed with it still show its label.
   *
   * @minItems 1
   * @maxItems 50
   */
  outcomes: [Outcome, ...Outcome[]];
  /**
   * What a form's first page that needs an account says to someone not signed in (the guide's 'About you' screen), above the Login or Register button.
   */
  accountGate: Blocks;
}
/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "phone".
 */
export interface Phone {
  /**
   * As people read it: '0345 140 0845'.
   */
  display: string;
  /**
   * For the tel: link: '03451400845'.
   */
  tel: string;
}
/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "tilePage".
 */
export interface TilePage {
  title: Text;
  content?: Blocks;
  /**
   * @minItems 1
   * @maxItems 12
   */
  tiles: [
    (
      | {
          [k: string]: unknown;
        }
      | {
          [k: string]: unknown;
        }
      | {
          [k: string]: unknown;
        }
    ) & {
      id: FormId;
      title: Text;
      text: Text;
      icon?: 'information' | 'support' | 'money' | 'referral' | 'care' | 'therapy' | 'dols';
      /**
       * A link to another site or page.
       */
      href?: Url;
      /**
       * A page of the portal.
       */
      page?: 'home' | 'referrals' | 'dols';
      /**
       * A form, by its id.
       */
      form?: FormId;
    } & (
        | {
            [k: string]: unknown;
          }
        | {
            [k: string]: unknown;
          }
        | {
            [k: string]: unknown;
          }
      ) & {
        id: FormId;
        title: Text;
        text: Text;
        icon?: 'information' | 'support' | 'money' | 'referral' | 'care' | 'therapy' | 'dols';
        /**
         * A link to another site or page.
         */
        href?: Url;
        /**
         * A page of the portal.
         */
        page?: 'home' | 'referrals' | 'dols';
        /**
         * A form, by its id.
         */
        form?: FormId;
      },
    ...((
      | {
          [k: string]: unknown;
        }
      | {
          [k: string]: unknown;
        }
      | {
          [k: string]: unknown;
        }
    ) & {
      id: FormId;
      title: Text;
      text: Text;
      icon?: 'information' | 'support' | 'money' | 'referral' | 'care' | 'therapy' | 'dols';
      /**
       * A link to another site or page.
       */
      href?: Url;
      /**
       * A page of the portal.
       */
      page?: 'home' | 'referrals' | 'dols';
      /**
       * A form, by its id.
       */
      form?: FormId;
    } & (
        | {
            [k: string]: unknown;
          }
        | {
            [k: string]: unknown;
          }
        | {
            [k: string]: unknown;
          }
      ) & {
        id: FormId;
        title: Text;
        text: Text;
        icon?: 'information' | 'support' | 'money' | 'referral' | 'care' | 'therapy' | 'dols';
        /**
         * A link to another site or page.
         */
        href?: Url;
        /**
         * A page of the portal.
         */
        page?: 'home' | 'referrals' | 'dols';
        /**
         * A form, by its id.
         */
        form?: FormId;
      })[]
  ];
  after?: Blocks;
}
/**
 * A heading inside the page, below its title, to divide a long page into parts.
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
 * Holds when every condition in the list holds.
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
 */
export interface NotCondition {
  /**
   * The condition that must not hold: { "not": { "question": "personAware", "equals": "yes" } }.
   */
  not: Condition;
}
/**
 * Whether the person is signed in: true holds for someone signed in, false for someone who is not. Only in a text block's showIf (words for someone signed in, or not): questions, pages and date rules cannot depend on it. On the server a submission is always signed in.
 */
export interface SignedInCondition {
  /**
   * true: holds for someone signed in. false: holds for someone who is not.
   */
  signedIn: boolean;
}
/**
 * A test of one answer. Exactly one of equals, notEquals, in, includes, answered, before, after, onOrBefore, onOrAfter.
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
 * A paragraph of text.
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
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "openingHours".
 */
export interface OpeningHours {
  opens: ClockTime;
  /**
   * Later than opens, the same day.
   */
  closes: ClockTime;
}
/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "triageRules".
 */
export interface TriageRules {
  /**
   * When a referral is urgent, in the forms' own condition language, over the answers as they were sent; today in it is the date now, on the council's clock. Left out, no referral of this form is urgent.
   */
  urgentWhen?: Condition;
  /**
   * Labels of this form's deadlines that end its urgency: once the latest of those that apply has passed (an urgent authorisation that has ended), the referral is no longer urgent.
   *
   * @minItems 1
   * @maxItems 10
   */
  urgentUntil?: [Text, ...Text[]];
  /**
   * @maxItems 20
   */
  deadlines: DeadlineRule[];
}
/**
 * One outcome a referral can be closed with: its code and the words staff read.
 *
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "outcome".
 */
export interface Outcome {
  /**
   * What is stored with a referral closed with it, and what the JSON export and the API give: small letters and digits in words joined by hyphens, 40 characters at most, each outcome its own ('passed-to-team').
   */
  code: string;
  /**
   * The outcome in plain words, as staff choose it when closing and read it on the referral, in its history and in the CSV export: 'Passed to a team'.
   */
  label: string;
  /**
   * true: no longer offered when closing a referral, but still shown, by its label, on the referrals closed with it. At least one outcome must be offered.
   */
  retired?: boolean;
}
