/** Defines <asc-portal>. */
import { AscPortal } from './asc-portal.component.ts';

export { AscPortal };

customElements.define('asc-portal', AscPortal);

declare global {
  interface HTMLElementTagNameMap {
    'asc-portal': AscPortal;
  }
}
