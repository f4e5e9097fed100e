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
  /* The header keeps its height from signing in to signed in: its links' part is reserved, on a row of its own on a phone. */
  .header-inner { min-height: 65px; }
  .header-nav { display: flex; align-items: center; min-height: 45px; }
  @media (max-width: 640px) { .service-name { font-size: 1.1875rem; } .header-nav { flex-basis: 100%; } .header-links { gap: 0 15px; font-size: 1rem; } }
  .service-name { color: #fff; font-weight: 700; font-size: 1.5rem; }
  .header-button { font: inherit; font-weight: 700; color: #fff; background: none; border: 0; padding: 10px 0; cursor: pointer; text-decoration: underline; min-height: 44px; }
  .header-links { display: flex; flex-wrap: wrap; align-items: center; gap: 0 20px; }
  .header-link { color: #fff; font-weight: 700; padding: 10px 0; }
  .header-link:link, .header-link:visited { color: #fff; }
  .header-link[aria-current='page'] { text-decoration-thickness: 3px; }
  .header-link:focus { outline: 3px solid transparent; color: var(--asc-colour-text); background: var(--asc-colour-focus); box-shadow: 0 -2px var(--asc-colour-focus), 0 4px var(--asc-colour-text); text-decoration: none; }
  .header-button:focus { outline: 3px solid transparent; color: var(--asc-colour-text); background: var(--asc-colour-focus); text-decoration: none; }
  main { flex: 1; padding-top: 30px; padding-bottom: 30px; }
  main:focus { outline: none; }
  .steps li { margin-bottom: 15px; }
  .qr svg { display: block; width: 200px; max-width: 100%; height: auto; border: 1px solid var(--asc-colour-border); }
  .key, .recovery-codes { font-family: monospace; font-size: 1.25rem; word-spacing: 6px; overflow-wrap: anywhere; }
  .recovery-codes { list-style: none; padding: 15px; background: var(--asc-colour-panel); columns: 2 12em; }
  .recovery-codes li { margin-bottom: 5px; }

  .signed-in-as { color: var(--asc-colour-secondary-text); font-size: 1rem; }
  .secondary { color: var(--asc-colour-secondary-text); }
  .back-link { display: inline-block; margin-bottom: 20px; font-size: 1rem; }
  .about-lead { font-size: 1.5rem; margin-top: -15px; }
  .filters { padding: 15px 15px 0; margin-bottom: 30px; background: var(--asc-colour-panel); }
  .filter-row { display: flex; flex-wrap: wrap; gap: 0 20px; }
  .filter-row > .form-group { min-width: 0; max-width: 100%; }
  /* The forms' titles arrive after the inbox: their box has its own row, so widening it moves no other filter. */
  .filter-row > .form-group:has(#f-inbox-form) { flex-basis: 100%; }
  .filters .select { min-width: 0; max-width: 100%; }
  .table-scroll { overflow-x: auto; margin-bottom: 20px; }
  .table-scroll:focus { outline: 3px solid var(--asc-colour-focus); }
  .table { width: 100%; min-width: 52em; border-collapse: collapse; font-size: 1rem; }
  .table th, .table td { text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid var(--asc-colour-border); }
  .table th { font-weight: 700; }
  /* The timeout warning, as the portal's (renderer/portal/asc-portal.styles.ts). */
  dialog { box-sizing: border-box; max-width: min(540px, calc(100vw - 20px)); padding: 30px 20px; border: 5px solid var(--asc-colour-text); }
  dialog::backdrop { background: rgba(11, 12, 12, .6); }
  .audit-table { min-width: 60em; }
  .wraps { overflow-wrap: anywhere; }
  .detail { margin: 0; padding: 0; list-style: none; overflow-wrap: anywhere; }
  .tag { display: inline-block; padding: 2px 8px; font-weight: 700; font-size: 1rem; background: #d2e2f1; color: #0c2d4a; }
  .tag-closed { background: #e5e6e7; color: #272829; }
  .tag-more-information { background: #fcd6c3; color: #6e3619; }
  .tag-accepted, .tag-answered { background: #cce2d8; color: #005a30; }
  .tag-urgent, .tag-overdue { background: #f4cdc6; color: #2a0b06; }
  .deadlines { margin: 0 0 5px; padding-left: 20px; }
  .pagination { display: flex; flex-wrap: wrap; gap: 0 15px; }
  .success-banner { border: 5px solid var(--asc-colour-success); margin-bottom: 30px; padding: 0 15px 15px; }
  .success-banner h2 { background: var(--asc-colour-success); color: #fff; margin: 0 -15px 15px; padding: 2px 15px 5px; font-size: 1.1875rem; }
  .success-banner:focus { outline: 3px solid var(--asc-colour-focus); }
  .work form { border-top: 2px solid var(--asc-colour-border); padding-top: 10px; margin-bottom: 20px; }
  .history { padding-left: 20px; }
  .history li { margin-bottom: 10px; }
  .quoted { white-space: pre-line; overflow-wrap: anywhere; }
  .textarea { max-width: 40em; }
  .radios-conditional { margin: 0 0 15px 18px; padding-left: 33px; border-left: 4px solid var(--asc-colour-border); }
  .radios-conditional[hidden] { display: none; }
  @media print {
    header, .button-group, .back-link, .print-button, .work, .filters, .pagination, .signed-in-as, .success-banner { display: none !important; }
  }
`;
