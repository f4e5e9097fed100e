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
export type ContentBlock =
  HeadingBlock | ParagraphBlock | ListBlock | InsetBlock | WarningBlock | DetailsBlock;
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 */
export type QuestionId = string;
/**
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 */
export type Condition =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 */
export type QuestionId1 = string;
export type Scalar = string | number | boolean;
/**
 * For checkboxes: that option is ticked.
 */
export type OptionValue = string;
/**
 * A date to compare with: today, or another date question's answer, moved by a number of days.
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
      question: QuestionId;
      /**
       * Whole years to move by, on the calendar: -18 is this day 18 years ago.
       */
      offsetYears?: number;
      offsetDays?: number;
    };
export type ShortText = string;
/**
 * Text, or a list of pieces of text of which some may be links or bold.
 */
export type RichText = string | [InlineText, ...InlineText[]];
/**
 * A piece of text: plain, a link, or bold.
 */
export type InlineText =
  | string
  | {
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
 * Text, or a list of pieces of text of which some may be links or bold.
 */
export type RichText1 = string | [InlineText, ...InlineText[]];
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
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 */
export type Condition1 =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
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
  label: string;
  /**
   * The date a date (or worked-out date) question's answer gives: the end of that day on the council's clock, or the time a time question gives on it.
   */
  date?: {
    question: QuestionId;
    time?: QuestionId2;
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
  when?: Condition2;
} & DeadlineRule1;
/**
 * A question's id, in camelCase. It names the answer in saved drafts, submissions and exports.
 */
export type QuestionId2 = string;
/**
 * When something is shown. all / any / not combine conditions; signedIn tests whether the person is signed in (text blocks only); the others test one earlier question's answer.
 */
export type Condition2 =
  AllCondition | AnyCondition | NotCondition | SignedInCondition | AnswerCondition;
export type DeadlineRule1 = {
  [k: string]: unknown;
};
/**
 * What a form's first page that needs an account says to someone not signed in (the guide's 'About you' screen), above the Login or Register button.
 *
 * @maxItems 40
 */
export type Blocks1 = ContentBlock[];

/**
 * The portal's own words and links: the council, its phone numbers, the home page tiles, the referral and DoLS pages, and the notices; and the council's working hours, bank holidays, triage rules and the outcomes its triage team closes referrals with. Another council reuses the portal by editing this file.
 */
export interface PortalContent {
  $schema?: string;
  council: {
    /**
     * The council: 'Sefton Council'.
     */
    name: string;
    /**
     * The portal's name in the header and emails.
     */
    serviceName: string;
    phone: Phone;
    outOfHoursPhone?: Phone1;
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
    urgent: RichText1;
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
      name: string;
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
  accountGate: Blocks1;
}
/**
 * The contact centre, for urgent needs and safeguarding.
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
 * The emergency duty team, out of office hours.
 */
export interface Phone1 {
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
      href?: string;
      /**
       * A page of the portal.
       */
      page?: 'home' | 'referrals' | 'dols';
      /**
       * A form, by its id.
       */
      form?: string;
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
        href?: string;
        /**
         * A page of the portal.
         */
        page?: 'home' | 'referrals' | 'dols';
        /**
         * A form, by its id.
         */
        form?: string;
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
      href?: string;
      /**
       * A page of the portal.
       */
      page?: 'home' | 'referrals' | 'dols';
      /**
       * A form, by its id.
       */
      form?: string;
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
        href?: string;
        /**
         * A page of the portal.
         */
        page?: 'home' | 'referrals' | 'dols';
        /**
         * A form, by its id.
         */
        form?: string;
      })[]
  ];
  after?: Blocks;
}
export interface HeadingBlock {
  type: 'heading';
  id?: QuestionId;
  showIf?: Condition;
  text: ShortText;
}
export interface AllCondition {
  /**
   * @minItems 1
   * @maxItems 20
   */
  all: [Condition, ...Condition[]];
}
export interface AnyCondition {
  /**
   * @minItems 1
   * @maxItems 20
   */
  any: [Condition, ...Condition[]];
}
export interface NotCondition {
  not: Condition;
}
/**
 * Whether the person is signed in: true holds for someone signed in, false for someone who is not. Only in a text block's showIf (words for someone signed in, or not): questions, pages and date rules cannot depend on it. On the server a submission is always signed in.
 */
export interface SignedInCondition {
  signedIn: boolean;
}
/**
 * A test of one answer. Exactly one of equals, notEquals, in, includes, answered, before, after, onOrBefore, onOrAfter.
 */
export interface AnswerCondition {
  question: QuestionId1;
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
export interface ParagraphBlock {
  type: 'paragraph';
  id?: QuestionId;
  showIf?: Condition;
  text: RichText;
}
export interface ListBlock {
  type: 'list';
  id?: QuestionId;
  showIf?: Condition;
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
 */
export interface InsetBlock {
  type: 'inset';
  id?: QuestionId;
  showIf?: Condition;
  text: RichText;
}
/**
 * A warning with an exclamation mark: something the person must do or must not do.
 */
export interface WarningBlock {
  type: 'warning';
  id?: QuestionId;
  showIf?: Condition;
  text: RichText;
}
/**
 * A link that opens more text, for help most people do not need.
 */
export interface DetailsBlock {
  type: 'details';
  id?: QuestionId;
  showIf?: Condition;
  summary: ShortText;
  /**
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
   * A time on the 24-hour clock, HH:MM: '17:30'.
   */
  closes: string;
}
/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "triageRules".
 */
export interface TriageRules {
  urgentWhen?: Condition1;
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
/**
 * This interface was referenced by `PortalContent`'s JSON-Schema
 * via the `definition` "phone".
 */
export interface Phone2 {
  /**
   * As people read it: '0345 140 0845'.
   */
  display: string;
  /**
   * For the tel: link: '03451400845'.
   */
  tel: string;
}
