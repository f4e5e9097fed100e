/**
 * Where the browser keeps the portal's cookies apart from the page (a council's page on another
 * site, or the portal in a frame on one), signing in cannot work: the session cookie would never
 * come back. The form finds out before the person types a password, and offers to continue on
 * the portal in a window of its own, carrying the answers so far (carried-answers.ts).
 */
import { html, type TemplateResult } from 'lit';
import { getJson, resolve, send } from '../api-client.ts';
import { CARRY_KEY, type CarriedAnswers } from './carried-answers.ts';

/**
 * Whether this browser keeps the portal's cookies here ('kept') or not ('apart'): the portal sets
 * a test cookie and reads it back. 'failed' when the portal could not be reached: try again.
 */
export async function cookiesKept(apiBase: string): Promise<'kept' | 'apart' | 'failed'> {
  try {
    await send<void>(apiBase, '/api/account/cookie-check');
    return (await getJson<{ kept: boolean }>(resolve(apiBase, '/api/account/cookie-check'))).kept ? 'kept' : 'apart';
  } catch {
    return 'failed';
  }
}

/** The address of a form's page on the portal, with the answers so far in its fragment. */
export function carryAddress(apiBase: string, carried: CarriedAnswers): string {
  const path = `/forms/${encodeURIComponent(carried.formId)}${carried.pageId ? `/${encodeURIComponent(carried.pageId)}` : ''}`;
  return `${resolve(apiBase, path)}#${CARRY_KEY}=${encodeURIComponent(JSON.stringify(carried))}`;
}

/** What the person is told, and the way on to the portal (`href`, opened in the whole window). */
export function continueOnPortal(apiBase: string, href: string): TemplateResult {
  const portal = new URL(resolve(apiBase, '/')).host;
  return html`
    <h1 tabindex="-1">Continue on the council’s portal to sign in</h1>
    <p>You cannot sign in here: your browser keeps the portal’s sign-in apart from this website.</p>
    <p>Continue on ${portal}. Your answers so far go with you, and stay in this browser until you sign in there.</p>
    <a class="button" href=${href} target="_top">Continue on ${portal}</a>`;
}
