/** Loading a form's definition and validators whenever the form, version or API asked for changes. */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Form, Page } from '../../engine/runtime.ts';
import { fetchForm, type LoadedForm } from '../api-client.ts';
import type { FormHost, FormSettings } from './form-host.ts';

/** Said where the form cannot check answers because its validators did not load. */
const NOT_CHECKED = html`
  <h2>Your answers have not been checked</h2>
  <p>This page could not load what checks them. Check your connection, then try again.</p>`;

/** What the loader reads from its host: which form to load, from where. */
export interface LoadingHost
  extends ReactiveControllerHost,
    Pick<FormHost, 'currentPage' | 'showBanner' | 'clearBanner' | 'tell'> {
  readonly element: Pick<FormSettings, 'formId' | 'version' | 'apiBase' | 'pageId'>;
}

export class LoadingController implements ReactiveController {
  /** The form, its validators and the portal's words around it, once loaded. */
  loaded?: LoadedForm;
  /** Why the form could not be loaded. */
  error?: string;
  /** Whether the loaded form can check answers: its validators, which come after its first page, have loaded. */
  checks = false;
  /** Check your answers, the printed copy, sending and the confirmation: they come with the validators. */
  later?: typeof import('./later-parts.ts');
  /** Whether the validators could not be loaded at the last try. */
  private checkFailed = false;
  /** Whether the banner says the answers could not be checked. */
  private saidNotChecked = false;
  /** A Next waiting for the form to be able to check answers: a second press on the page waits with it. */
  private pendingNext?: { pageId: string };
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

  /**
   * Resolves once the form can check answers, loading its validators (and the whole form, where
   * the page brought its opening only) if need be: a page that checks waits for this. `failed`
   * if they could not be loaded (the connection down, say); `stale` if another form has been
   * opened meanwhile.
   */
  async checking(): Promise<'checks' | 'failed' | 'stale'> {
    const loaded = this.loaded;
    if (!loaded) return 'stale';
    this.checkFailed = false;
    try {
      const [, later] = await Promise.all([loaded.validators(), import('./later-parts.ts')]);
      this.later = later;
    } catch {
      if (loaded !== this.loaded) return 'stale';
      this.checkFailed = true;
      this.host.requestUpdate();
      return 'failed';
    }
    // Another form (or version) opened meanwhile: what came is for one no longer on screen.
    if (loaded !== this.loaded) return 'stale';
    if (!this.checks) {
      this.checks = true;
      this.host.requestUpdate();
    }
    return 'checks';
  }

  /** Whether `page` needs more than has come to be shown: the validators, or the whole form. */
  needsMore(page: Page): boolean {
    const { loaded } = this;
    if (!loaded || this.checks) return !loaded;
    return page.kind === 'checkAnswers' || (loaded.opening && page.id !== loaded.form.pages[0]!.id);
  }

  /**
   * What stands in for `page` while what it needs loads (the whole form, for a page after the
   * first where the portal's page brought the opening only; the validators, for Check your
   * answers, which lists what is left to fix), or once it could not: nothing when the page can be shown.
   */
  waiting(page: Page | undefined): TemplateResult | undefined {
    if (!this.loaded || !page) return html`<p role="status">Loading the form…</p>`;
    if (!this.needsMore(page)) return undefined;
    if (!this.checkFailed) {
      void this.checking();
      return html`<p role="status">Loading the form…</p>`;
    }
    return html`<div role="alert">${NOT_CHECKED}</div>
      <button type="button" class="button" @click=${() => void this.checking()}>Try again</button>`;
  }

  /**
   * Runs `then` once the form can check answers on `page`, at once if it can, unless the person
   * has left the page meanwhile; says so on the page if its validators do not load.
   */
  whenChecking(page: Page, then: () => void): void {
    if (this.checks) return then();
    if (this.pendingNext?.pageId === page.id) return; // pressed again while it waits
    const pending = (this.pendingNext = { pageId: page.id });
    this.host.tell(html`<p>Checking your answers…</p>`);
    void this.checking().then((outcome) => {
      if (this.pendingNext !== pending) return;
      this.pendingNext = undefined;
      if (outcome === 'stale') return;
      this.host.tell(undefined);
      if (outcome === 'failed') {
        this.saidNotChecked = true;
        return this.host.showBanner(NOT_CHECKED, true);
      }
      // What it said of an earlier try is over now.
      if (this.saidNotChecked) this.host.clearBanner();
      this.saidNotChecked = false;
      // By id: the page may be the same page of the whole form, which has come meanwhile.
      if (this.host.currentPage?.id === page.id) then();
    });
  }

  private async load(key: string): Promise<void> {
    this.loaded = undefined;
    this.error = undefined;
    this.checks = false;
    this.checkFailed = false;
    this.saidNotChecked = false;
    this.pendingNext = undefined;
    try {
      const { apiBase, formId, version, pageId } = this.host.element;
      const loaded = await fetchForm(apiBase, formId, version, !pageId);
      if (key !== this.key) return;
      this.loaded = loaded;
      this.afterReload?.(loaded.form);
      this.afterReload = undefined;
      this.onLoad(loaded.form);
      // The validators once the page is on screen: what the person sees first comes first.
      void this.host.updateComplete.then(() => setTimeout(() => void this.checking()));
    } catch (error) {
      if (key !== this.key) return;
      this.error = (error as Error).message;
    }
    this.host.requestUpdate();
  }
}
