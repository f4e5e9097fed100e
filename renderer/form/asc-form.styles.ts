/** The form's own look: the boxes of each question type, progress, check-your-answers, print (the text boxes' and the GOV.UK blocks' look is in shared/govuk, the status line's in shared/styles.ts). */
import { css } from 'lit';

export const formStyles = css`
  .progress { margin: 0 0 25px; }
  .progress-text { display: block; font-size: 1rem; color: var(--asc-colour-secondary-text); margin-bottom: 5px; }
  progress { display: block; width: 100%; max-width: 400px; height: 10px; border: 0; background: var(--asc-colour-panel); accent-color: var(--asc-colour-brand); -webkit-appearance: none; appearance: none; }
  progress::-webkit-progress-bar { background: var(--asc-colour-panel); }
  progress::-webkit-progress-value { background: var(--asc-colour-brand); }
  progress::-moz-progress-bar { background: var(--asc-colour-brand); }

  .required { color: var(--asc-colour-error); font-weight: 700; }
  .count { margin-top: 5px; }
  .count-over { color: var(--asc-colour-error); font-weight: 700; }

  .input-wrapper { display: flex; align-items: center; gap: 10px; }
  .suffix { font-weight: 400; }

  .part-label { display: block; margin-bottom: 5px; }
  .address-part { margin-bottom: 20px; }
  .address-part.has-error { padding-left: 10px; }

  .choice-hint { padding-left: 15px; margin-bottom: 0; }
  .divider { width: 40px; margin-bottom: 10px; text-align: center; }
  .declaration-label { font-weight: 700; }
  .computed { font-size: 1.5rem; font-weight: 700; margin-bottom: 0; }

  .repeatable .item { margin: 0 0 20px; padding: 15px 15px 0; border: 1px solid var(--asc-colour-border); }
  .item-legend { font-weight: 700; padding: 0 5px; }
  .button.small { font-size: 1rem; padding: 6px 10px 5px; }

  .actions { margin-top: 40px; }
  .secondary-actions { display: flex; flex-wrap: wrap; gap: 10px 25px; margin: 10px 0 30px; padding-top: 20px; border-top: 1px solid var(--asc-colour-border); }

  .signed-in-bar { display: flex; flex-wrap: wrap; align-items: baseline; gap: 5px 20px; margin: 0 0 20px; padding-bottom: 10px; border-bottom: 1px solid var(--asc-colour-border); }
  .signed-in-bar p { margin: 0; }
  .banner ul.list { padding: 0; list-style: none; }
  .banner ul.list li { margin-bottom: 20px; }

  dialog { max-width: 540px; padding: 30px; border: 5px solid var(--asc-colour-text); }
  dialog::backdrop { background: rgba(11, 12, 12, .6); }
  .print-only { display: none; }
  @media print {
    .screen-only, .secondary-actions, .change, .signed-in-bar { display: none !important; }
    .print-only { display: block; }
  }
`;
