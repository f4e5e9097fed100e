/** The portal's frame: header, width, tiles and footer. */
import { css } from 'lit';

export const portalStyles = css`
  :host { min-height: 100vh; display: flex; flex-direction: column; }
  .skip-link { position: absolute; left: -9999px; top: 0; padding: 10px 15px; background: var(--asc-colour-focus); color: var(--asc-colour-text); z-index: 10; }
  .skip-link:focus { left: 0; }
  header { background: var(--asc-colour-text); color: #fff; border-bottom: 10px solid var(--asc-colour-brand); }
  .header-inner, main, .footer-inner { width: 100%; max-width: var(--asc-max-width); margin: 0 auto; padding: 0 15px; }
  @media (min-width: 641px) { .header-inner, main, .footer-inner { padding: 0 30px; } }
  .header-inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 10px; padding-top: 10px; padding-bottom: 10px; }
  .service-name { color: #fff; font-weight: 700; font-size: 1.5rem; text-decoration: none; }
  .service-name:visited { color: #fff; }
  .service-name:hover { text-decoration: underline; }
  /* The header keeps its height while the account is checked: its account part has the height of the menu button, Sign in or neither. */
  .header-inner { min-height: 65px; }
  .header-account { display: flex; align-items: center; min-height: 45px; }
  @media (max-width: 640px) { .service-name { font-size: 1.1875rem; } .header-account { flex-basis: 100%; } }
  .header-link { display: inline-block; padding: 10px 0; color: #fff; }
  .header-link:visited { color: #fff; }
  .account-menu { position: relative; }
  .menu-button { font: inherit; font-weight: 700; color: #fff; background: none; border: 0; padding: 10px 0; cursor: pointer; text-decoration: underline; min-height: 44px; }
  .menu-button::after { content: ' ▾'; }
  .menu-button[aria-expanded='true']::after { content: ' ▴'; }
  .menu-button:focus { outline: 3px solid transparent; color: var(--asc-colour-text); background: var(--asc-colour-focus); text-decoration: none; }
  .menu { position: absolute; right: 0; z-index: 5; min-width: 280px; margin: 0; padding: 10px 20px; list-style: none; background: #fff; border: 2px solid var(--asc-colour-text); }
  .menu li { margin: 10px 0; }
  @media (max-width: 640px) { .menu { position: static; min-width: 0; } }
  dialog { max-width: 540px; padding: 30px; border: 5px solid var(--asc-colour-text); }
  dialog::backdrop { background: rgba(11, 12, 12, .6); }
  /* The footer starts below the fold, so what arrives late pushes nothing in view: main is a screen tall, and on a form's pages, which scroll themselves to the form's top, taller still. */
  main { flex: 1; min-height: 100vh; padding-top: 30px; padding-bottom: 30px; }
  main.form { min-height: calc(100vh + 150px); }
  main:focus { outline: none; }
  .back-link { display: inline-block; margin-bottom: 20px; font-size: 1rem; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr)); gap: 20px; list-style: none; padding: 0; margin: 0 0 30px; }
  .tile { position: relative; display: flex; gap: 15px; height: 100%; padding: 20px; border: 1px solid var(--asc-colour-border); border-top: 5px solid var(--asc-colour-brand); background: #fff; }
  .tile:hover { background: var(--asc-colour-panel); }
  .tile h2 { margin: 0 0 10px; font-size: 1.5rem; }
  .tile p { margin: 0; }
  .tile a::after { content: ''; position: absolute; inset: 0; }
  .tile svg { flex: 0 0 48px; width: 48px; height: 48px; color: var(--asc-colour-brand); }
  .tile:focus-within { outline: 3px solid var(--asc-colour-focus); outline-offset: 0; }
  .tile a:focus { box-shadow: none; background: none; color: var(--asc-colour-link); text-decoration: underline; }
  .form-links { padding-left: 25px; }
  .form-links li { margin-bottom: 15px; font-size: 1.25rem; }
  footer { border-top: 1px solid var(--asc-colour-border); background: var(--asc-colour-panel); padding: 25px 0; font-size: 1rem; }
  footer p { margin-bottom: 10px; }
  @media print { header, footer, .back-link, .skip-link { display: none; } main { padding: 0; } }
`;
