/**
 * The portal's own pages from forms/portal.json: home, referrals and DoLS. The page at a form's
 * address comes without their words and this module, and the portal loads both once the form is
 * on screen (PORTAL_SCREENS); the pages at their own addresses preload it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortalPages } from '../../engine/runtime.ts';
import { contentBlock, richText } from '../shared/rich-text.ts';
import { icon } from './icons.ts';
import type { Link } from './portal-pages.ts';

type Tile = PortalPages['home']['tiles'][number];

function tileTarget(tile: Tile, link: Link): TemplateResult {
  if (tile.form) return link({ name: 'form', formId: tile.form }, tile.title);
  if (tile.page) return link({ name: tile.page }, tile.title);
  return html`<a href=${tile.href!} rel="noopener noreferrer">${tile.title}</a>`;
}

function tilePage(page: PortalPages['home'], notice: TemplateResult, link: Link): TemplateResult {
  return html`
    <h1 tabindex="-1">${page.title}</h1>
    ${(page.content ?? []).map(contentBlock)}
    <ul class="tiles">
      ${page.tiles.map(
        (tile) => html`
        <li class="tile">
          ${icon(tile.icon)}
          <div><h2>${tileTarget(tile, link)}</h2><p>${tile.text}</p></div>
        </li>`,
      )}
    </ul>
    ${notice}
    ${(page.after ?? []).map(contentBlock)}`;
}

export function homePage(portal: PortalPages, link: Link): TemplateResult {
  return tilePage(portal.home, html`<div class="notice">${richText(portal.notices.urgent)}</div>`, link);
}

export function referralsPage(portal: PortalPages, link: Link): TemplateResult {
  return html`${link({ name: 'home' }, 'Back', 'back-link')}
    ${tilePage(portal.referrals, html`<div class="inset">${richText(portal.notices.safeguarding)}</div>`, link)}`;
}

export function dolsPage(portal: PortalPages, link: Link): TemplateResult {
  const dols = portal.dols;
  return html`
    ${link({ name: 'referrals' }, 'Back', 'back-link')}
    <h1 tabindex="-1">${dols.title}</h1>
    ${dols.subtitle ? html`<p class="caption">${dols.subtitle}</p>` : nothing}
    ${(dols.content ?? []).map(contentBlock)}
    <ol class="form-links">
      ${dols.forms.map((form) => html`<li>${link({ name: 'form', formId: form.form }, form.title, 'strong')}</li>`)}
    </ol>
    ${(dols.after ?? []).map(contentBlock)}`;
}
