/** The list of saved forms: one block per form, its facts in two columns where there is room. */
import { css } from 'lit';

export const savedFormsStyles = css`
  .saved-forms { list-style: none; padding: 0; margin: 0 0 30px; }
  .saved-form { border-top: 1px solid var(--asc-colour-border); padding: 20px 0 5px; }
  .saved-form h2 { margin-top: 0; }
  .saved-form h2 .about { display: block; margin-top: 5px; font-size: 1.1875rem; font-weight: 400; color: var(--asc-colour-secondary-text); }
  .saved-form dl { margin: 0 0 20px; }
  .saved-form dl > div { display: grid; grid-template-columns: 1fr; margin-bottom: 5px; }
  @media (min-width: 641px) { .saved-form dl > div { grid-template-columns: 12em 1fr; } }
  .saved-form dt { font-weight: 700; }
  .saved-form dd { margin: 0; }
  .question { padding: 15px; border-left: 10px solid var(--asc-colour-brand); background: var(--asc-colour-panel); margin-bottom: 20px; }
  .question h3 { margin-top: 0; font-size: 1.1875rem; }
  .question p { white-space: pre-line; overflow-wrap: anywhere; }
  .question > :last-child { margin-bottom: 0; }
  .confirm:focus { outline: 3px solid var(--asc-colour-focus); outline-offset: 0; }
  .confirm { padding: 15px; border-left: 10px solid var(--asc-colour-error); margin-bottom: 20px; }
  a.button, a.button:link, a.button:visited { display: inline-block; text-decoration: none; color: #fff; }
  a.button:focus { color: var(--asc-colour-text); }
`;
