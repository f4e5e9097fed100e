/** The look of the GOV.UK blocks: form groups, labels, hints, error messages and the error summary. */
import { css } from 'lit';

export const govukStyles = css`
  .form-group { margin-bottom: 30px; }
  .form-group .form-group:last-of-type { margin-bottom: 0; }
  .has-error { padding-left: 15px; border-left: 5px solid var(--asc-colour-error); }
  .fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
  .label { display: block; margin-bottom: 5px; font-weight: 700; font-size: 1.1875rem; }
  legend.label { padding: 0; max-width: 100%; white-space: normal; }
  .hint { display: block; margin-bottom: 15px; color: var(--asc-colour-secondary-text); }
  .error-message { display: block; margin: 0 0 15px; color: var(--asc-colour-error); font-weight: 700; }

  .error-summary { padding: 15px; margin-bottom: 30px; border: 5px solid var(--asc-colour-error); }
  .error-summary:focus { outline: 3px solid var(--asc-colour-focus); }
  .error-summary h2 { margin-top: 0; font-size: 1.5rem; }
  .error-summary ul { list-style: none; padding: 0; margin-bottom: 0; }
  .error-summary a { color: var(--asc-colour-error); font-weight: 700; }
  .error-summary a:focus { color: var(--asc-colour-text); }
`;
