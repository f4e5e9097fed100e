import { css } from 'lit';

/** The look of the password boxes and the policy beside them, for every element that shows them. */
export const passwordFieldStyles = css`
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
`;
