/**
 * The engine's public surface for the browser: running a form from its definition and its
 * precompiled validators. It imports no ajv compiler, no DOM and no Node module. It exports what
 * renderer/, server/, scripts/ and bench/ use, and nothing else; tests may reach further in.
 */
export {
  Form,
  createForm,
  validatorsFromModule,
  type FormValidators,
  type FormOptions,
  type SummaryOptions,
  type CheckOptions,
  type AnswersCheck,
} from './run/form.ts';
export { ADDRESS_PARTS, capitalise, pluralOf } from './run/messages.ts';
export { DEFAULT_MAX_LENGTH } from './definition/limits.ts';
export { formatDate } from './values/dates.ts';
export { checkPasswordRules, SPECIAL_CHARACTERS, MAX_PASSWORD_LENGTH } from './values/password-policy.ts';
// What the calls above throw, so a caller can tell them apart.
export { FormEngineError, DefinitionError, UnknownPageError, type DefinitionProblem } from './errors.ts';
export type { SchemaValidator } from './run/validate.ts';
export * from './types.ts';
export type { PortalContent } from './contracts/portal.types.ts';
export { SESSION_IDLE_MS, SESSION_LONGEST_MS } from './contracts/portal-api.ts';
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
  FieldProblem,
  ErrorBody,
} from './contracts/portal-api.ts';
