/**
 * The engine's public surface for the browser: running a form from its definition and its
 * precompiled validators. It imports no ajv compiler, no DOM and no Node module.
 */
export { Form, createForm, validatorsFromModule, pageExportName, type FormValidators, type FormOptions, type SummaryOptions } from './run/form.ts';
export { evaluateCondition, isAnswered, type AnswerLookup } from './run/conditions.ts';
export { displayLines, SENSITIVE_PLACEHOLDER } from './run/display.ts';
export { ADDRESS_PARTS, subjectOf, capitalise, pluralOf } from './run/messages.ts';
export { DEFAULT_MAX_LENGTH } from './compile/answers-schema.ts';
export { formatDate, todayOf, addDays, addYears, isRealDate } from './values/dates.ts';
export { isEmail, isNhsNumber, isUkPostcode, isUkPhone, formatNhsNumber, normalisePostcode, normalisePhone, normaliseNhsNumber } from './values/formats.ts';
export { FormEngineError, DefinitionError, UnknownPageError, type DefinitionProblem } from './errors.ts';
export type { SchemaValidator, SchemaError } from './run/validate.ts';
export * from './types.ts';
export type { PortalContent } from './contracts/portal.types.ts';
export type { DraftSave, SavedDraft, SubmitRequest, Submission, FieldProblem, ErrorBody } from './contracts/portal-api.ts';
export { checkPasswordRules, meetsPasswordPolicy, PASSWORD_RULES, SPECIAL_CHARACTERS, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, type PasswordRule } from './values/password-policy.ts';
