/** Defines <asc-account>. */
import { AscAccount } from './asc-account.component.ts';

export { AscAccount };
export type { AccountScreen } from './account-screens.ts';

customElements.define('asc-account', AscAccount);

declare global {
  interface HTMLElementTagNameMap {
    'asc-account': AscAccount;
  }
}
