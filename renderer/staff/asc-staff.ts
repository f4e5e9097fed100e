/** Defines <asc-staff>. */
import { AscStaff } from './asc-staff.component.ts';

export { AscStaff };

customElements.define('asc-staff', AscStaff);

declare global {
  interface HTMLElementTagNameMap {
    'asc-staff': AscStaff;
  }
}
