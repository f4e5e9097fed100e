/** The portal's own pages, from forms/portal.json: home, referrals and DoLS, signed out, not found. */
import { html, nothing, type TemplateResult } from 'lit';
import { SESSION_IDLE_MS, SESSION_LONGEST_MS, durationInWords, type PortalPages } from '../../engine/runtime.ts';
import { contentBlock, richText } from '../shared/rich-text.ts';
import { icon } from './icons.ts';
import type { SignedOutBecause } from './session-controller.ts';
import type { Route } from './routes.ts';

type Tile = PortalPages['home']['tiles'][number];
/** A link within the portal (see RouterController.link). */
type Link = (route: Route, text: string | TemplateResult, className?: string) => TemplateResult;

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

/** The signed-out page's heading, and the document's title while it is shown. */
export function signedOutTitle(because: SignedOutBecause): string {
  if (because === 'chose') return 'You have signed out';
  if (because === 'saved') return 'Your form has been saved and you have signed out';
  return 'You have been signed out';
}

export function signedOutPage(because: SignedOutBecause, link: Link): TemplateResult {
  const signInAgain = html`<p>${link({ name: 'account', screen: 'sign-in' }, 'Sign in again')}</p>`;
  const title = html`<h1 tabindex="-1">${signedOutTitle(because)}</h1>`;
  switch (because) {
    case 'chose':
      return html`${title}
      <p>We have cleared any answers that were on screen. If other people use this computer, close the browser when you have finished.</p>
      ${signInAgain}
      <p>${link({ name: 'home' }, 'Go to the home page')}</p>`;
    case 'elsewhere':
      return html`${title}
      <p>Someone signed out, or signed in as another person, in another tab or window of this browser. To keep them safe, we have cleared the answers that were on screen here.</p>
      ${signInAgain}`;
    case 'saved':
      return html`${title}
      <p>To carry on, sign in and choose <strong>Saved forms</strong> from the menu under your name. We keep saved forms for 30 days from the last time they were saved.</p>
      ${signInAgain}`;
    case 'timeout':
      return html`${title}
      <p>Your session ended: there was no activity for ${durationInWords(SESSION_IDLE_MS)}, or you had been signed in for ${durationInWords(SESSION_LONGEST_MS)}. To keep them safe, we have cleared the answers that were on screen.</p>
      ${signInAgain}`;
  }
}

export function notFoundPage(link: Link): TemplateResult {
  return html`<h1 tabindex="-1">Page not found</h1>
    <p>If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>
    <p>${link({ name: 'home' }, 'Go to the home page')}</p>`;
}
