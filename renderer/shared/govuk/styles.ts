/** The look of the GOV.UK blocks: form groups, labels, hints, error messages, text boxes, the date input, the error summary and the button group. */
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

  .input, .textarea, .select {
    font: inherit; width: 100%; min-height: 40px; padding: 5px; margin: 0; border: 2px solid var(--asc-colour-input-border); border-radius: 0;
    background: #fff; color: var(--asc-colour-text); -webkit-appearance: none; appearance: none;
  }
  .select { -webkit-appearance: menulist; appearance: auto; width: auto; min-width: 11.5em; max-width: 100%; }
  .textarea { display: block; resize: vertical; }
  .input:focus, .textarea:focus, .select:focus { outline: 3px solid var(--asc-colour-focus); outline-offset: 0; box-shadow: inset 0 0 0 2px; }
  .input-error { border-color: var(--asc-colour-error); }
  .input-error:focus { border-color: var(--asc-colour-input-border); }
  .width-2 { max-width: 5.4ex; } .width-3 { max-width: 7.2ex; } .width-4 { max-width: 9ex; } .width-5 { max-width: 10.8ex; }
  .width-10 { max-width: 20.5ex; } .width-20 { max-width: 41ex; } .width-30 { max-width: 59ex; }
  .date-input { display: flex; flex-wrap: wrap; gap: 20px; }
  .date-item { display: flex; flex-direction: column; }
  .date-label { display: block; margin-bottom: 5px; }

  .error-summary { padding: 15px; margin-bottom: 30px; border: 5px solid var(--asc-colour-error); }
  .error-summary:focus { outline: 3px solid var(--asc-colour-focus); }
  .error-summary h2 { margin-top: 0; font-size: 1.5rem; }
  .error-summary ul { list-style: none; padding: 0; margin-bottom: 0; }
  .error-summary a { color: var(--asc-colour-error); font-weight: 700; }
  .error-summary a:focus { color: var(--asc-colour-text); }

  .button-group { display: flex; flex-wrap: wrap; align-items: center; gap: 0 15px; margin-bottom: 10px; }
  .button-group .button { margin-right: 0; }
`;
