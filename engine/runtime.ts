/**
 * The engine's public surface for the browser: running a form from its definition and its
 * precompiled validators. It imports no ajv compiler, no DOM and no Node module. It exports what
 * renderer/, server/, scripts/ and bench/ use, and nothing else; tests may reach further in.
 * The errors are exported so callers can tell them apart with instanceof.
 */
export { Form, createForm, validatorsFromModule } from './run/form.ts';
export type { FormValidators } from './run/form.ts';
export { ADDRESS_PARTS, capitalise, dateMessage, pluralOf } from './run/messages.ts';
export { initialsOf, personAbout } from './run/about.ts';
export { DEFAULT_MAX_LENGTH } from './definition/limits.ts';
export {
  DEFAULT_TIME_ZONE,
  durationInWords,
  formatDate,
  isRealDate,
  longDate,
  missingDateParts,
  normaliseDate,
  timeOfDay,
  todayIn,
  wallClockIn,
} from './values/dates.ts';
export { checkPasswordRules, SPECIAL_CHARACTERS, MAX_PASSWORD_LENGTH } from './values/password-policy.ts';
// What Form's calls throw: misuse, and a page it does not have.
export { FormEngineError, UnknownPageError } from './errors.ts';
export { isQuestion } from './types.ts';
// The definition's shapes, the answers, and what the engine says about them.
export type { FormDefinition, Page, PageItem, GroupItem, Question, ChildQuestion } from './types.ts';
export type { Condition, DateRef, ContentBlock, RichText, InlineText } from './types.ts';
export type { PrefillAccount, PrefillOffer } from './run/prefill.ts';
export type { Answers, AnswerValue, AddressAnswer, ItemAnswers, FieldError, SummaryPage, SummaryRow } from './types.ts';
export type { PortalContent, TriageRules, DeadlineRule, Outcome } from './contracts/portal.types.ts';
export { offeredOutcomes, outcomeLabel } from './triage/outcomes.ts';
export type { Triage, TriageDeadline } from './triage/evaluate.ts';
export { SESSION_IDLE_MS, SESSION_LONGEST_MS, REPLY_MAX_LENGTH } from './contracts/portal-api.ts';
export type {
  FormSummary,
  FormList,
  FormToRun,
  AccountUser,
  CodeSent,
  SignedIn,
  SessionTiming,
  AccountStatus,
  CaptchaVerified,
  DraftSave,
  SavedDraft,
  OpenedDraft,
  DraftBody,
  DraftList,
  SubmitRequest,
  Submission,
  SubmissionBody,
  SubmissionList,
  SubmittedForm,
  SubmittedFormBody,
  AnsweredQuestion,
  ReplyRequest,
  ReferrerStatus,
  AnswersRetention,
  FieldProblem,
  ErrorBody,
  PortalPages,
  PortalOnFormPage,
} from './contracts/portal-api.ts';
export { PORTAL_SCREENS } from './contracts/portal-api.ts';
export type {
  StaffUser,
  StaffEnrolment,
  StaffNext,
  StaffSignedInBody,
  StaffSessionBody,
  TriageStatus,
  StaffMemberRef,
  InboxItem,
  InboxDeadline,
  InboxPage,
  TriageEvent,
  StaffSubmission,
  StaffSubmissionBody,
  StaffMemberList,
  StatusChange,
  Assignment,
  NoteAdded,
  AuditWho,
  AuditLogEntry,
  AuditLogPage,
  AuditLogQuery,
} from './contracts/staff-api.ts';
export {
  TRIAGE_STATUSES,
  TRIAGE_STATUS_LABELS,
  AUDIT_EVENT_LABELS,
} from './contracts/staff-api.ts';
export { parseRoute, routePath, type AccountScreen, type Route } from './contracts/portal-routes.ts';
