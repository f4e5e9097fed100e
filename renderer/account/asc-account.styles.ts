/** The account screens' own look: two columns on the login screen, the account's links (the password boxes' look is in password-fields.styles.ts). */
import { css } from 'lit';

export const accountStyles = css`
  .columns { display: grid; gap: 30px; grid-template-columns: 1fr; }
  @media (min-width: 769px) { .columns { grid-template-columns: 1fr 1fr; } .columns section + section { border-left: 1px solid var(--asc-colour-border); padding-left: 30px; } }
  .columns h2 { margin-top: 0; }
  .account-links { list-style: none; padding: 0; }
  .account-links li { margin-bottom: 15px; font-size: 1.25rem; }
  /* The link under a list arrives with the list, not before it to be pushed down. */
  asc-saved-forms:not([loaded]) + p, asc-submitted-forms:not([loaded]) + p { display: none; }
`;
