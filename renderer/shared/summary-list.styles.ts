/** The summary list's look (GOV.UK's), apart from the list itself: a page shows it only once it can check answers. */
import { css } from 'lit';

export const summaryListStyles = css`
  .summary-heading { margin: 40px 0 15px; padding-top: 15px; border-top: 2px solid var(--asc-colour-text); font-size: 1.5rem; }
  .summary-list { margin: 0 0 30px; }
  .summary-row { display: flex; flex-wrap: wrap; border-bottom: 1px solid var(--asc-colour-border); padding: 10px 0; }
  .summary-row dt { flex: 1 1 30%; font-weight: 700; padding-right: 20px; margin: 0 0 5px; }
  .summary-row dd { flex: 1 1 50%; margin: 0 0 5px; white-space: pre-line; overflow-wrap: anywhere; }
  .summary-row .change { flex: 0 0 auto; text-align: right; }
  @media (max-width: 640px) { .summary-row dt, .summary-row dd { flex-basis: 100%; } }
  @media print { .summary-row { break-inside: avoid; } .change { display: none !important; } }
`;
