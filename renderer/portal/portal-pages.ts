/** The portal's pages that need no words from forms/portal.json: signed out, and not found (home, referrals and DoLS: portal-screens.ts). */
import { html, type TemplateResult } from 'lit';
import { SESSION_IDLE_MS, SESSION_LONGEST_MS, durationInWords } from '../../engine/runtime.ts';
import type { SignedOutBecause } from './session-controller.ts';
import type { Route } from './routes.ts';

/** A link within the portal (see RouterController.link). */
export type Link = (route: Route, text: string | TemplateResult, className?: string) => TemplateResult;

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
