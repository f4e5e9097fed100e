/** Simple line icons for the tiles, drawn inline so the page needs no image files. */
import { svg, type SVGTemplateResult } from 'lit';

const paths: Record<string, SVGTemplateResult> = {
  information: svg`<circle cx="24" cy="24" r="20"/><path d="M24 21v13M24 14v1"/>`,
  support: svg`<path d="M24 43s-15-9-15-22a9 9 0 0 1 15-6 9 9 0 0 1 15 6c0 13-15 22-15 22z"/>`,
  money: svg`<rect x="5" y="12" width="38" height="24" rx="2"/><circle cx="24" cy="24" r="6"/>`,
  referral: svg`<path d="M12 6h18l8 8v28H12z"/><path d="M18 22h14M18 29h14M18 36h9"/>`,
  care: svg`<circle cx="24" cy="14" r="7"/><path d="M10 42c0-9 6-15 14-15s14 6 14 15"/>`,
  therapy: svg`<path d="M8 40h32M14 40V22h20v18M14 22l10-12 10 12"/>`,
  dols: svg`<rect x="10" y="20" width="28" height="22" rx="2"/><path d="M16 20v-6a8 8 0 0 1 16 0v6"/>`,
};

export function icon(name: string | undefined): SVGTemplateResult {
  return svg`<svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[name ?? 'information'] ?? paths.information}</svg>`;
}
