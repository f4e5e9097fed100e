/** The account screens' own look: two columns on the login screen, the password policy beside the boxes. */
import { css } from 'lit';

export const accountStyles = css`
  .columns { display: grid; gap: 30px; grid-template-columns: 1fr; }
  @media (min-width: 769px) { .columns { grid-template-columns: 1fr 1fr; } .columns section + section { border-left: 1px solid var(--asc-colour-border); padding-left: 30px; } }
  .columns h2 { margin-top: 0; }
  .input[type='email'], .input[type='password'] { max-width: 30em; }
  .password-layout { display: grid; gap: 10px 30px; grid-template-columns: 1fr; }
  @media (min-width: 769px) { .password-layout { grid-template-columns: 3fr 2fr; } }
  .policy { padding: 15px; background: var(--asc-colour-panel); margin-bottom: 30px; align-self: start; }
  .policy-title { font-size: 1.1875rem; margin: 0 0 10px; }
  .rules { list-style: none; padding: 0; }
  .rules li { position: relative; padding-left: 28px; }
  .rules li::before { position: absolute; left: 0; font-weight: 700; }
  .rules li.met::before { content: '✓'; color: var(--asc-colour-success); }
  .rules li.unmet::before { content: '•'; color: var(--asc-colour-secondary-text); }
  .special { font-family: monospace; font-size: 1.1875rem; word-spacing: 6px; }
  .account-links { list-style: none; padding: 0; }
  .account-links li { margin-bottom: 15px; font-size: 1.25rem; }
`;
