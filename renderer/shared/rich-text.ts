/** Text from definitions and portal.json, rendered as Lit templates: links and bold, never raw HTML. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ContentBlock, RichText, InlineText } from '../../engine/runtime.ts';

function inline(piece: InlineText): TemplateResult | string {
  if (typeof piece === 'string') return piece;
  if (piece.href) {
    const external = piece.href.startsWith('https://');
    return html`<a class=${piece.strong ? 'strong' : ''} href=${piece.href} rel=${external ? 'noopener noreferrer' : nothing}
      target=${external ? '_blank' : nothing}>${piece.text}${external ? html`<span class="visually-hidden"> (opens in new tab)</span>` : nothing}</a>`;
  }
  return piece.strong ? html`<strong>${piece.text}</strong>` : piece.text;
}

export function richText(text: RichText): TemplateResult | string {
  return typeof text === 'string' ? text : html`${text.map(inline)}`;
}

/** One content block (heading, paragraph, list, inset, warning or details). */
export function contentBlock(block: ContentBlock): TemplateResult {
  switch (block.type) {
    case 'heading':
      return html`<h2>${block.text}</h2>`;
    case 'paragraph':
      return html`<p>${richText(block.text)}</p>`;
    case 'list':
      return block.ordered
        ? html`<ol>${block.items.map((item) => html`<li>${richText(item)}</li>`)}</ol>`
        : html`<ul>${block.items.map((item) => html`<li>${richText(item)}</li>`)}</ul>`;
    case 'inset':
      return html`<div class="inset">${richText(block.text)}</div>`;
    case 'warning':
      return html`<div class="warning-text"><span class="visually-hidden">Warning: </span>${richText(block.text)}</div>`;
    case 'details':
      return html`<details><summary>${block.summary}</summary><div class="details-text">${block.text.map((text) => html`<p>${richText(text)}</p>`)}</div></details>`;
  }
}
