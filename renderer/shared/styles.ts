/**
 * The look shared by every component, after the GOV.UK Design System: clear type, large targets,
 * a yellow focus ring anyone can see, and red reserved for errors. Councils restyle it through the
 * custom properties on :host.
 */
import { css, type CSSResultGroup } from 'lit';
import { govukStyles } from './govuk/styles.ts';

const foundation = css`
  :host {
    --asc-font-family: var(--asc-theme-font-family, system-ui, -apple-system, 'Segoe UI', Arial, sans-serif);
    --asc-colour-text: #0b0c0c;
    --asc-colour-secondary-text: #505a5f;
    --asc-colour-link: #1d70b8;
    --asc-colour-link-visited: #4c2c92;
    --asc-colour-focus: #ffdd00;
    --asc-colour-error: #d4351c;
    --asc-colour-success: #00703c;
    --asc-colour-border: #b1b4b6;
    --asc-colour-input-border: #0b0c0c;
    --asc-colour-panel: #f3f2f1;
    --asc-colour-brand: #1d70b8;
    --asc-button-colour: var(--asc-colour-success);
    --asc-max-width: 960px;
    display: block;
    font-family: var(--asc-font-family);
    color: var(--asc-colour-text);
    font-size: 1.1875rem;
    line-height: 1.3;
    -webkit-font-smoothing: antialiased;
  }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }

  h1, h2, h3 { margin: 0 0 20px; font-weight: 700; line-height: 1.1; }
  h1 { font-size: 2rem; }
  h2 { font-size: 1.5rem; margin-top: 30px; }
  h3 { font-size: 1.1875rem; }
  h1:focus { outline: none; }
  @media (min-width: 641px) { h1 { font-size: 3rem; } h2 { font-size: 2.25rem; } h3 { font-size: 1.5rem; } }
  p, ul, ol { margin: 0 0 20px; }
  /* A long web address in a paragraph breaks rather than widen the page on a phone. */
  p, li, dd, .hint { overflow-wrap: anywhere; }
  ul, ol { padding-left: 20px; }
  li { margin-bottom: 5px; }
  .caption { display: block; color: var(--asc-colour-secondary-text); font-size: 1.1875rem; margin-bottom: 5px; }
  @media (min-width: 641px) { .caption { font-size: 1.5rem; } }

  a { color: var(--asc-colour-link); text-decoration: underline; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1578em; }
  a:hover { text-decoration-thickness: max(3px, .1875rem); }
  a:visited { color: var(--asc-colour-link-visited); }
  a.strong { font-weight: 700; }
  a:focus, .link-button:focus {
    outline: 3px solid transparent; color: var(--asc-colour-text); background-color: var(--asc-colour-focus);
    box-shadow: 0 -2px var(--asc-colour-focus), 0 4px var(--asc-colour-text); text-decoration: none;
  }

  .visually-hidden {
    position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important;
    overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important;
  }

  .button {
    display: inline-block; position: relative; margin: 0 15px 22px 0; padding: 8px 10px 7px; min-height: 44px;
    border: 2px solid transparent; border-radius: 0; color: #fff; background-color: var(--asc-button-colour);
    box-shadow: 0 2px 0 #002d18; font: inherit; font-weight: 400; line-height: 1.1875; text-align: center; text-decoration: none;
    cursor: pointer; -webkit-appearance: none; appearance: none;
  }
  .button:hover { background-color: #005a30; }
  .button:focus { outline: 3px solid transparent; border-color: var(--asc-colour-focus); color: var(--asc-colour-text);
    background-color: var(--asc-colour-focus); box-shadow: inset 0 0 0 1px var(--asc-colour-focus), 0 2px 0 var(--asc-colour-text); }
  .button.secondary { color: var(--asc-colour-text); background-color: #f3f2f1; box-shadow: 0 2px 0 #929191; }
  .button.secondary:hover { background-color: #dbdad9; }
  .button.warning { background-color: var(--asc-colour-error); box-shadow: 0 2px 0 #55150b; }
  .button.warning:focus { color: var(--asc-colour-text); background-color: var(--asc-colour-focus); }
  .link-button { border: 0; padding: 0; margin: 0; background: none; font: inherit; color: var(--asc-colour-link); text-decoration: underline; cursor: pointer; min-height: 24px; }

  .inset { padding: 15px; margin: 20px 0 30px; border-left: 10px solid var(--asc-colour-border); }
  .inset > :last-child, .panel > :last-child { margin-bottom: 0; }
  .warning-text { position: relative; padding: 10px 0 0 45px; margin-bottom: 20px; font-weight: 700; }
  .warning-text::before {
    content: '!'; position: absolute; left: 0; top: 5px; width: 35px; height: 35px; border-radius: 50%;
    background: var(--asc-colour-text); color: #fff; font-size: 1.75rem; line-height: 35px; text-align: center;
  }
  details { margin-bottom: 20px; }
  details summary { color: var(--asc-colour-link); cursor: pointer; text-decoration: underline; display: inline-block; }
  details summary:focus { outline: 3px solid transparent; background: var(--asc-colour-focus); color: var(--asc-colour-text); text-decoration: none; }
  details .details-text { padding: 15px 15px 0 20px; border-left: 5px solid var(--asc-colour-border); margin-top: 10px; }
  /* The green panel that confirms something is done: registered, sent. */
  .panel-confirmation { padding: 25px; margin-bottom: 30px; color: #fff; background: var(--asc-colour-success); text-align: center; }
  .panel-confirmation h1 { color: #fff; }
  .panel-confirmation p { margin: 0; font-size: 1.5rem; }
  .panel-confirmation .reference { font-size: 2rem; letter-spacing: 1px; }
  .notice { padding: 15px 20px; margin-bottom: 30px; border: 5px solid var(--asc-colour-brand); }
  .notice > :last-child { margin-bottom: 0; }
`;

/**
 * The look of a component that asks questions (<asc-form>, <asc-account>): the status line that
 * says how an action went, and a printout without buttons or the error summary.
 */
export const questionPageStyles = css`
  .status { padding: 15px; margin-bottom: 30px; border-left: 10px solid var(--asc-colour-brand); background: var(--asc-colour-panel); }
  .status > :last-child { margin-bottom: 0; }
  @media print {
    :host { font-size: 12pt; color: #000; }
    .button, .error-summary { display: none !important; }
    a { color: #000; }
  }
`;

/** Every component's style sheet: the foundation above, then the GOV.UK blocks. */
export const baseStyles: CSSResultGroup = [foundation, govukStyles];
