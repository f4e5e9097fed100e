/** The look of GOV.UK radios and checkboxes (a large target, the circle or the box drawn round it), for the form's questions and the staff screens alike. */
import { css } from 'lit';

export const choiceStyles = css`
  .radios.inline, .checkboxes.inline { display: flex; flex-wrap: wrap; gap: 0 20px; }
  .choice { position: relative; display: block; min-height: 40px; margin-bottom: 10px; padding-left: 40px; }
  .choice-input { position: absolute; z-index: 1; top: -2px; left: -2px; width: 44px; height: 44px; margin: 0; opacity: 0; cursor: pointer; }
  .choice-label { display: inline-block; padding: 8px 15px 5px; cursor: pointer; touch-action: manipulation; }
  .choice-label::before { content: ''; position: absolute; top: 0; left: 0; width: 40px; height: 40px; border: 2px solid currentcolor; background: transparent; }
  .radios .choice-label::before { border-radius: 50%; }
  .radios .choice-label::after { content: ''; position: absolute; top: 10px; left: 10px; width: 0; height: 0; border: 10px solid currentcolor; border-radius: 50%; opacity: 0; }
  .checkboxes .choice-label::after {
    content: ''; position: absolute; top: 11px; left: 9px; width: 23px; height: 12px; transform: rotate(-45deg);
    border: solid; border-width: 0 0 5px 5px; border-top-color: transparent; opacity: 0; background: transparent;
  }
  .choice-input:checked + .choice-label::after { opacity: 1; }
  .choice-input:focus + .choice-label::before { border-width: 4px; outline: 3px solid transparent; outline-offset: 1px; box-shadow: 0 0 0 3px var(--asc-colour-focus); }
`;
