/** The staff pages' own look: the QR code, the key and the recovery codes, easy to read and to print. */
import { css } from 'lit';

export const staffStyles = css`
  :host { min-height: 100vh; display: flex; flex-direction: column; }
  .skip-link { position: absolute; left: -9999px; top: 0; padding: 10px 15px; background: var(--asc-colour-focus); color: var(--asc-colour-text); z-index: 10; }
  .skip-link:focus { left: 0; }
  header { background: var(--asc-colour-text); color: #fff; border-bottom: 10px solid var(--asc-colour-brand); }
  .header-inner, main { width: 100%; max-width: var(--asc-max-width); margin: 0 auto; padding: 0 15px; }
  @media (min-width: 641px) { .header-inner, main { padding: 0 30px; } }
  .header-inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 10px; padding-top: 10px; padding-bottom: 10px; }
  .service-name { color: #fff; font-weight: 700; font-size: 1.5rem; }
  .header-button { font: inherit; font-weight: 700; color: #fff; background: none; border: 0; padding: 10px 0; cursor: pointer; text-decoration: underline; min-height: 44px; }
  .header-button:focus { outline: 3px solid transparent; color: var(--asc-colour-text); background: var(--asc-colour-focus); text-decoration: none; }
  main { flex: 1; padding-top: 30px; padding-bottom: 30px; }
  main:focus { outline: none; }
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
  .steps li { margin-bottom: 15px; }
  .qr svg { display: block; width: 200px; max-width: 100%; height: auto; border: 1px solid var(--asc-colour-border); }
  .key, .recovery-codes { font-family: monospace; font-size: 1.25rem; word-spacing: 6px; overflow-wrap: anywhere; }
  .recovery-codes { list-style: none; padding: 15px; background: var(--asc-colour-panel); columns: 2 12em; }
  .recovery-codes li { margin-bottom: 5px; }
  @media print { header, .button-group { display: none; } }
`;
