/** Defines <asc-form>: importing this module registers the element (the class is in asc-form.component.ts). */
import { AscForm } from './asc-form.component.ts';

export { AscForm };

customElements.define('asc-form', AscForm);

declare global {
  interface HTMLElementTagNameMap {
    'asc-form': AscForm;
  }
}
