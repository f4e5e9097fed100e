/** The GOV.UK button group: buttons (and links beside them) in a row, wrapping on a narrow screen. */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A row of buttons; `className` adds classes (spacing), `part` a styling hook. */
export function buttonGroup(buttons: unknown, options: { className?: string; part?: string } = {}): TemplateResult {
  return html`<div class="button-group ${options.className ?? ''}" part=${ifDefined(options.part)}>${buttons}</div>`;
}
