/** Loading a form's definition and validators whenever the form, version or API asked for changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Form } from '../../engine/runtime.ts';
import { fetchForm, type LoadedForm } from '../api-client.ts';
import type { FormSettings } from './form-host.ts';

/** What the loader reads from its host: which form to load, from where. */
export interface LoadingHost extends ReactiveControllerHost {
  readonly element: Pick<FormSettings, 'formId' | 'version' | 'apiBase'>;
}

export class LoadingController implements ReactiveController {
  /** The form, its validators and the portal's words around it, once loaded. */
  loaded?: LoadedForm;
  /** Why the form could not be loaded. */
  error?: string;
  /** The form being loaded or shown: an answer for another one (the host changed its mind) is dropped. */
  private key = '';

  /** `onLoad` runs once a form has loaded and is on screen. */
  constructor(
    private readonly host: LoadingHost,
    private readonly onLoad: (form: Form) => void,
  ) {
    host.addController(this);
  }

  // Runs before the navigation's hostUpdate, so a page asked for with a new form waits for it.
  hostUpdate(): void {
    const { apiBase, formId, version } = this.host.element;
    const key = `${apiBase}|${formId}|${version ?? ''}`;
    if (formId && key !== this.key) {
      this.key = key;
      void this.load(key);
    }
  }

  /** Run once after the next load, before the page is looked at. */
  private afterReload?: (form: Form) => void;

  /**
   * Loads the form again (its newest version, when no version is asked for), as when the one on
   * screen has been replaced; `then` runs once it has loaded, before its page is shown.
   */
  reload(then?: (form: Form) => void): void {
    this.key = '';
    this.afterReload = then;
    this.host.requestUpdate();
  }

  private async load(key: string): Promise<void> {
    this.loaded = undefined;
    this.error = undefined;
    try {
      const loaded = await fetchForm(this.host.element.apiBase, this.host.element.formId, this.host.element.version);
      if (key !== this.key) return;
      this.loaded = loaded;
      this.afterReload?.(loaded.form);
      this.afterReload = undefined;
      this.onLoad(loaded.form);
    } catch (error) {
      if (key !== this.key) return;
      this.error = (error as Error).message;
    }
    this.host.requestUpdate();
  }
}
