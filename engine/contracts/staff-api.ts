/** What crosses HTTP for the council's staff (/api/staff), for the server and the staff screens alike. */
import type { SummaryPage } from '../types.ts';
import type { Outcome } from './portal.types.ts';
import type { AnswersRetention, SessionTiming } from './portal-api.ts';

/** A member of staff as their own screens show them. */
export interface StaffUser {
  forename: string;
  surname: string;
  email: string;
  /** May manage staff and read the audit log. */
  isAdmin: boolean;
}

/** What the authenticator app needs: a QR code to scan, or the secret to type in. */
export interface StaffEnrolment {
  /** The secret in base32, in groups of four for typing. */
  secret: string;
  /** The otpauth:// address the QR code holds. */
  uri: string;
  /** The QR code, an SVG image. */
  qrSvg: string;
}

/** After a right password (or set-up code): the app's code is next, or enrolling the app first. */
export type StaffNext = { next: 'code' } | { next: 'enrol'; enrolment: StaffEnrolment };

/** Signed in: who, how long the session has idle and at most; recovery codes once, after enrolling. */
export interface StaffSignedInBody extends SessionTiming {
  staff: StaffUser;
  expiresAt: number;
  /** Shown once: each lets its owner in once without the app. Keep them somewhere safe. */
  recoveryCodes?: string[];
  /** After a recovery code was used: how many are left. */
  recoveryCodesLeft?: number;
}

/** GET /api/staff/session. */
export interface StaffSessionBody extends SessionTiming {
  staff: StaffUser;
  expiresAt: number;
}

/** Where a referral is in the triage team's hands. */
export const TRIAGE_STATUSES = ['new', 'screening', 'accepted', 'more-information', 'closed'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** Each status as the staff's screens name it. */
export const TRIAGE_STATUS_LABELS: Record<TriageStatus, string> = {
  new: 'New',
  screening: 'Screening',
  accepted: 'Accepted',
  'more-information': 'More information needed',
  closed: 'Closed',
};

/** A member of staff as another sees them: to assign a referral to, or to read who did what. */
export interface StaffMemberRef {
  id: string;
  name: string;
}

/**
 * A referral's deadline by the council's triage rules (portal.json's triage): `endOfDay` is a
 * whole day (show the date alone), `instant` an exact time (show the date and the time).
 */
export interface InboxDeadline {
  label: string;
  at: number;
  kind: 'endOfDay' | 'instant';
  /** It has passed (and every other deadline of the referral with it), and the referral is not closed. */
  overdue: boolean;
}

/** One referral as the inbox lists it. */
export interface InboxItem {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  /** Whom it is about, from its own sealed answers; absent when the form names nobody or it will not open. */
  about?: string;
  referrer: { name: string; organisation?: string };
  submittedAt: number;
  status: TriageStatus;
  /** The code of the outcome it was closed with (portal.json's outcomes). */
  outcome?: string;
  assignee?: StaffMemberRef;
  statusChangedAt?: number;
  closedAt?: number;
  /** By the triage rules: a DoLS urgent authorisation in force, or the form's own urgency answer; absent when not, or closed. */
  urgent?: true;
  /** The next deadline still ahead (or, every one passed, the earliest); absent with none, or closed. */
  deadline?: InboxDeadline;
  /** Closed: when its answers and notes will be deleted, or were (then `about` and the organisation are absent). */
  retention?: AnswersRetention;
  /** When the referrer answered the team's question ("Answer received"), until staff next change the status. */
  answerReceivedAt?: number;
}

/** The body of GET /api/staff/inbox: a page of 50 at most, the newest first. */
export interface InboxPage {
  items: InboxItem[];
  /** How many match the filters in all. */
  total: number;
  /** Pass as `cursor` for the next page; absent on the last. */
  nextCursor?: string;
}

/** Something done to a referral, for its history. */
export interface TriageEvent {
  at: number;
  /** Who on staff did it; absent for the referrer's `reply`. */
  by?: StaffMemberRef;
  /** `reply`: the referrer's answer to the team's question (its text), which put it back to screening. */
  kind: 'assigned' | 'status' | 'note' | 'reply';
  /** For `assigned`: to whom (absent: to nobody). */
  assignee?: StaffMemberRef;
  /** For `status`: the new status, and the outcome when it was closed. */
  status?: TriageStatus;
  /** Its code (portal.json's outcomes). */
  outcome?: string;
  /** The question asked of the referrer (status `more-information`), the note's text, or the referrer's answer. */
  text?: string;
}

/** A referral opened by staff (GET /api/staff/submissions/:id): the item, its answers by page, its history. */
export interface StaffSubmission extends InboxItem {
  referrer: { name: string; email: string; organisation?: string };
  /** Every deadline that applies, earliest first. */
  deadlines: Array<Omit<InboxDeadline, 'overdue'>>;
  /** Empty once its answers were deleted (see `retention`). */
  summary: SummaryPage[];
  /** Without texts once its notes were deleted. */
  history: TriageEvent[];
}

export interface StaffSubmissionBody {
  submission: StaffSubmission;
  /**
   * Every outcome of portal.json, in its order: those not retired are the ones to close with;
   * the retired ones name the referrals closed with them.
   */
  outcomes: Outcome[];
}

/** The body of GET /api/staff/members. */
export interface StaffMemberList {
  members: StaffMemberRef[];
  /** Who is asking: for "assign to me". */
  me: string;
}

/** POST /api/staff/submissions/:id/status. */
export interface StatusChange {
  status: TriageStatus;
  /** Required when closing: the code of an outcome portal.json offers (not retired). */
  outcome?: string;
  /** Required when asking the referrer for more information: the referrer sees it. */
  question?: string;
}

/** POST /api/staff/submissions/:id/assign: a member's id, `me`, or null for nobody. */
export interface Assignment {
  assignee: string | null;
}

/** POST /api/staff/submissions/:id/notes: private to staff. */
export interface NoteAdded {
  text: string;
}

/** Each event of the audit log as an administrator reads it; an event not named here shows its code. */
export const AUDIT_EVENT_LABELS: Record<string, string> = {
  register: 'Referrer registered',
  'register-code': 'Referrer entered a registration code',
  'sign-in': 'Referrer signed in with a password',
  'sign-in-code': 'Referrer entered a sign-in code',
  'sign-out': 'Referrer signed out',
  'password-reset-request': 'Referrer asked to reset their password',
  'reset-code': 'Referrer entered a password reset code',
  'password-reset': 'Referrer reset their password',
  'password-change': 'Referrer changed their password',
  'rate-limited': 'Too many tries: refused for a while',
  'staff-added': 'Staff member added by council IT',
  'staff-reset': 'Staff member reset by council IT',
  'staff-disabled': 'Staff member disabled by council IT',
  'staff-enabled': 'Staff member enabled by council IT',
  'staff-admin-granted': 'Staff member made an administrator by council IT',
  'staff-admin-removed': 'Staff member no longer an administrator, by council IT',
  'staff-set-up': 'Staff member set up their account',
  'staff-enrol': 'Staff member added their authenticator app',
  'staff-sign-in': 'Staff member signed in',
  'staff-sign-out': 'Staff member signed out',
  'staff-inbox': 'Inbox listed',
  'staff-search': 'Inbox searched',
  'staff-export': 'Referrals exported',
  'staff-view': 'Referral opened',
  'staff-members': 'Staff list read, to assign a referral or to filter the audit log',
  'staff-assign': 'Referral assigned',
  'staff-status': 'Referral status changed',
  'staff-note': 'Note added to a referral',
  'staff-audit': 'Audit log read',
  'staff-audit-export': 'Audit log exported',
};

/** Who an audit entry is about: a member of staff, a referrer's account, or nobody known (an unknown email address, say). */
export interface AuditWho {
  kind: 'staff' | 'referrer' | 'nobody';
  /** The member's or the account's id. */
  id?: string;
  /** The member's name, or "referrer account <id>". */
  name: string;
}

/** One entry of the audit log (GET /api/staff/audit). */
export interface AuditLogEntry {
  id: number;
  at: number;
  who: AuditWho;
  /** Its code, as the event filter takes it. */
  event: string;
  /** The event in words. */
  eventLabel: string;
  outcome: 'success' | 'failure' | 'refused';
  /** Where the request came from, or "command line" for council IT's commands. */
  ip: string | null;
  /** What it was about (a reference, a status, how the inbox was searched): never personal data. */
  detail: Record<string, unknown>;
}

/** The body of GET /api/staff/audit: the newest first, 50 a page. */
export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Pass as `cursor` for the next page; absent on the last. */
  nextCursor?: string;
}

/** The filters of GET /api/staff/audit and its export; dates (YYYY-MM-DD) on the council's clock, inclusive. */
export interface AuditLogQuery {
  event?: string;
  /** A member's or a referrer account's id. */
  who?: string;
  reference?: string;
  from?: string;
  to?: string;
  cursor?: string;
}
