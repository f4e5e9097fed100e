/** The account menu, written once: under the person's name in the portal's header, and on their account page. */
import { html, type TemplateResult } from 'lit';
import type { AccountScreen } from './account-screens.ts';

/** The account's screens the menu leads to, in its order. */
const ACCOUNT_LINKS: readonly { screen: AccountScreen; text: string }[] = [
  { screen: 'saved', text: 'Saved forms' },
  { screen: 'submitted', text: 'Forms submitted in the last 30 days' },
  { screen: 'change-password', text: 'Change password' },
];

/** The menu's items: a link to each screen (each place links its own way), then Sign out. */
export function accountMenuItems(
  link: (screen: AccountScreen, text: string) => TemplateResult,
  signOut: () => void,
): TemplateResult {
  return html`
    ${ACCOUNT_LINKS.map(({ screen, text }) => html`<li>${link(screen, text)}</li>`)}
    <li><button type="button" class="link-button" @click=${signOut}>Sign out</button></li>`;
}
