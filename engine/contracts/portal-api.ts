/**
 * Everything that crosses HTTP between the portal's API and the components: defined once, for the
 * server that sends these bodies and the components that read them (as portal.types.ts is for the
 * portal's content). Times are milliseconds since 1970.
 */
import type { Answers, FormDefinition, SummaryPage } from '../types.ts';
import type { PortalContent } from './portal.types.ts';

/**
 * The parts of portal.json that only the server reads (the triage rules and office hours, the
 * outcomes staff record, what the confirmation email names): the browser's pages are never sent them.
 */
export const SERVER_PORTAL_PARTS = ['triage', 'outcomes', 'workingHours', 'confirmationEmail'] as const;

/** The portal's content as its pages read it (GET /api/portal, and the page's own block). */
export type PortalPages = Omit<PortalContent, (typeof SERVER_PORTAL_PARTS)[number]>;

/**
 * The words of the portal's own pages (home, referrals, DoLS): the page at a form's address is
 * sent the portal's content without them, and the portal asks GET /api/portal for them once the
 * form is on screen, or when the person goes to one of those pages.
 */
export const PORTAL_SCREENS = ['home', 'referrals', 'dols'] as const;

/** The portal's content as the page at a form's address carries it: without its own pages' words, which come after. */
export type PortalOnFormPage = Omit<PortalPages, (typeof PORTAL_SCREENS)[number]> &
  Partial<Pick<PortalPages, (typeof PORTAL_SCREENS)[number]>>;

/** A form open for new referrals, at its latest published version, as GET /api/forms lists it. */
export interface FormSummary {
  id: string;
  title: string;
  description?: string;
  version: number;
}

/** The body of GET /api/forms. */
export interface FormList {
  forms: FormSummary[];
}

/** A form to run (GET /api/forms/:formId, or a version of it): its definition, where its precompiled validators are, and the portal's words around it. */
export interface FormToRun {
  definition: FormDefinition;
  /** The address of the form version's validators module. */
  validators: string;
  notices: PortalContent['notices'];
  accountGate: PortalContent['accountGate'];
  council: PortalContent['council'];
  /** The council's time zone ("Europe/London"): the form counts today in it, whatever the browser's own zone. */
  timeZone: string;
  /**
   * The check that a person is starting the form, as GET /api/captcha/challenge names it
   * ("altcha", or "off"): the form can show its box at once, without asking.
   */
  captcha: string;
}

/** The signed-in person, as the account API shows them. */
export interface AccountUser {
  forename: string;
  surname: string;
  email: string;
}

/**
 * What an account step answers once it has emailed a code (202): where it went, and when it stops
 * working, as a time and as what remains, so that a browser whose clock is wrong still says right.
 */
export interface CodeSent {
  email: string;
  expiresAt: number;
  expiresInMs: number;
}

/** How long a session lasts without activity: the server ends it then, and the components warn before. */
export const SESSION_IDLE_MS = 20 * 60_000;
/** The longest a session lasts, however busy the person is. */
export const SESSION_LONGEST_MS = 12 * 60 * 60_000;

/**
 * How long a session has left before it ends for want of activity: as a time, and as what remains,
 * so that a browser whose clock is wrong still counts right. The body of GET /api/account/session
 * and POST /api/account/keep-alive.
 */
export interface SessionTiming {
  idleExpiresAt: number;
  idleRemainingMs: number;
}

/** What registering or signing in answers once the code is right: who, and how long the new session has idle. */
export interface SignedIn extends SessionTiming {
  user: AccountUser;
}

/** The body of GET /api/account: nobody, or the signed-in person with when their session ends at the latest and how long it has left idle. */
export type AccountStatus = { user: null } | ({ user: AccountUser; expiresAt: number } & SessionTiming);

/** The captcha's verdict on an answer (POST /api/captcha/verify): a proof to show when the form starts, and when it lapses. */
export interface CaptchaVerified {
  verified: true;
  token: string;
  expiresAt: number;
}

/** A form to save for later (POST /api/drafts). */
export interface DraftSave {
  formId: string;
  formVersion: number;
  /** The page the person was on, where the form opens again. */
  pageId: string;
  /** The answers as they will be kept (prepared: hidden ones dropped). */
  answers: Answers;
}

/** A form saved for later, as the API lists it. */
export interface SavedDraft {
  id: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  /** The version new forms of this form start on, when it has one: a saved form on another was started on an earlier version. */
  latestVersion?: number;
  /** Who the form is about, from its own answer for the person's name ("Edith Marsh"); absent until that is answered. */
  about?: string;
  pageId: string;
  pageTitle: string;
  /** The author's progress for that page ("45% complete"). */
  progress: number;
  /** Counts saves: the next save names it, so one from a stale tab is refused (409). */
  version: number;
  savedAt: number;
  /** When it will be deleted unless saved again. */
  deleteAt: number;
}

/** A form saved for later with its answers, to carry on with (GET /api/drafts/:id). */
export interface OpenedDraft extends SavedDraft {
  answers: Answers;
}

/** The body of a save (POST, PUT /api/drafts) and, with the answers, of opening one (GET /api/drafts/:id). */
export interface DraftBody<D extends SavedDraft = SavedDraft> {
  draft: D;
}

/** The body of GET /api/drafts: the person's saved forms. */
export interface DraftList {
  drafts: SavedDraft[];
}

/** A complete form to send to the council (POST /api/submissions). */
export interface SubmitRequest {
  formId: string;
  formVersion: number;
  answers: Answers;
  /** The same for every try of one submission: a retry after a dropped connection, or a double click, is not a second referral. */
  idempotencyKey: string;
  /** The saved copy these answers came from, deleted once they are submitted. */
  draftId?: string;
}

/**
 * What the council's retention policy does to a closed submission: RETENTION_DAYS after it was
 * closed, its answers and the triage team's notes are deleted; the reference, dates, status and
 * outcome stay. Present only once a submission is closed.
 */
export interface AnswersRetention {
  /** True once they are deleted; false while they are kept. */
  deleted: boolean;
  /** When they were deleted, or (not yet deleted) when they will be. */
  at: number;
  /** How many days after the submission was closed. */
  daysAfterClosing: number;
}

/** A submission, as the API confirms and lists it. */
export interface Submission {
  id: string;
  /** What the person quotes: "ASC-7K3F-9QX2". */
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  /** Who the form is about, from its own answer for the person's name ("Edith Marsh"); absent when the form names nobody. */
  about?: string;
  submittedAt: number;
  /** Where it is with the council, in plain words for the referrer. */
  status: ReferrerStatus;
  /** The council's question, while they wait for more information from the referrer. */
  question?: string;
  /** Closed: when its answers will be deleted, or were (then `about` is absent). */
  retention?: AnswersRetention;
  /** The latest question the referrer answered, with their answer, while no newer question waits. */
  answered?: AnsweredQuestion;
}

/** A question from the council and the referrer's answer to it. */
export interface AnsweredQuestion {
  question: string;
  answer: string;
  answeredAt: number;
}

/** The most characters an answer to the council's question holds (as a staff note). */
export const REPLY_MAX_LENGTH = 5000;

/** POST /api/submissions/:id/replies: the referrer's answer to the council's question. */
export interface ReplyRequest {
  text: string;
}

/**
 * A submission's status as its referrer sees it: received (nobody has started on it), being
 * looked at, or closed. Never the staff's notes or their own finer statuses.
 */
export type ReferrerStatus = 'received' | 'being-looked-at' | 'closed';

/** A submission opened again by the person who sent it (GET /api/submissions/:id): its answers as they read them on check your answers. */
export interface SubmittedForm extends Submission {
  /** Empty once its answers were deleted (see `retention`). */
  summary: SummaryPage[];
}

/** The body of GET /api/submissions/:id. */
export interface SubmittedFormBody {
  submission: SubmittedForm;
}

/** The body of POST /api/submissions. */
export interface SubmissionBody {
  submission: Submission;
}

/** The body of GET /api/submissions: the person's submissions of the last 30 days. */
export interface SubmissionList {
  submissions: Submission[];
}

/** What the person must fix, box by box, as the GOV.UK error summary lists it. */
export interface FieldProblem {
  /** The id of the box (a question's id, or a path into a group: "people.0.name"). */
  field: string;
  message: string;
}

/** The body of every refused request: a code for programs, a message for people, and the boxes it concerns. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: FieldProblem[];
    /** On a 500: the request's id (also in X-Request-Id), for the council's help desk to find it in the log. */
    requestId?: string;
  };
}
