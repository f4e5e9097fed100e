/**
 * The GOV.UK Design System's building blocks as Lit templates, shared by every component: the
 * error summary, the field wrapper (label, hint, error message, aria-describedby), the error
 * message, the date input and the button group. Their look is govukStyles, which baseStyles includes.
 */
export {
  errorSummary,
  focusErrorSummary,
  revealField,
  type ErrorSummaryItem,
  type ErrorSummaryOptions,
} from './error-summary.ts';
export { field, fieldset, formGroup, fieldDescribedBy, type FieldOptions, type FieldsetOptions } from './field.ts';
export {
  errorMessage,
  hint,
  itemHint,
  label,
  describedBy,
  fieldId,
  hintId,
  errorId,
  itemHintId,
} from './error-message.ts';
export { dateInput, datePartId, type DateInputOptions, type DatePart } from './date-input.ts';
export { buttonGroup } from './button-group.ts';
export { govukStyles } from './styles.ts';
