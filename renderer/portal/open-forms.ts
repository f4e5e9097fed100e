import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { RequestRefused } from '../api-client.ts';
import type { AccountUser } from '../../engine/runtime.ts';
import { draftsApi } from '../drafts-api.ts';
import type { AscPageChangeDetail } from '../shared/events.ts';
import { AscForm } from '../form/asc-form.ts';
import { takeCarriedAnswers, type CarriedAnswers } from '../form/carried-answers.ts';
import type { PageAnnouncer } from './page-announcer.ts';
import type { RouteCause } from './router-controller.ts';
import { parseRoute, type Route } from './routes.ts';

type FormRoute = Extract<Route, { name: 'form' }>;

/** What the open forms need from the portal. */
export interface OpenFormsHost extends ReactiveControllerHost {
  readonly apiBase: string;
  /** Forms start without the captcha (the authors' preview). */
  readonly noCaptcha: boolean;
}

/** How the open forms reach the rest of the portal. */
export interface OpenFormsActions {
  route(): Route;
  navigate(route: Route, replace?: boolean): void;
  /** Puts the address in step with the form on screen (see RouterController.settle). */
  settle(route: Route, replace?: boolean): void;
  link(route: Route, text: string): TemplateResult;
  user(): AccountUser | null;
  /** Whether the server has said who is signed in. */
  accountChecked(): boolean;
  /** The server said the session is over. */
  sessionEnded(): void;
  sendToSignIn(wanted: Route): TemplateResult;
  /** The document's title, which names the form's page on screen. */
  readonly title: Pick<PageAnnouncer, 'formPageTitle' | 'formHasErrors' | 'updateTitle'>;
}

/**
 * The forms the person has open: one <asc-form> per form, kept while they are elsewhere in the
 * portal so Close, the header link and the back button never throw away what they typed (Cancel
 * clears it), saved copies opened from their address, and Save for later waiting for a sign-in.
 */
export class OpenFormsController implements ReactiveController {
  private readonly elements = new Map<string, AscForm>();
  /** Forms whose Save for later is waiting for the person to sign in. */
  private readonly saveAfterSignIn = new Set<string>();
  /** Where Close returns to: the page a form was opened from. */
  private openedFrom: Route = { name: 'home' };
  /** The draft being opened, so a re-render does not fetch it twice. */
  private openingDraft?: string;
  /** A form that opened with answers carried from another page, until it is saved or sent. */
  private carriedFrom?: { form: AscForm; site: string };
  /** Why a draft could not be opened, for that draft's address only. */
  private draftProblem?: { draftId: string; message: string };

  constructor(
    private readonly host: OpenFormsHost,
    private readonly actions: OpenFormsActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.onBeforeUnload);
    // Answers brought from the council's page, where signing in could not work: the form opens
    // with them, not yet saved, for the person to sign in and carry on (only on that form's page).
    const carried = takeCarriedAnswers();
    const route = this.actions.route();
    if (carried && route.name === 'form' && route.formId === carried.formId && !this.elements.has(carried.formId)) {
      const form = this.create(carried.formId);
      form.captcha = !this.host.noCaptcha;
      if (carried.version) form.version = carried.version;
      form.currentAnswers = carried.answers;
      if (carried.pageId) form.pageId = carried.pageId;
      this.elements.set(carried.formId, form);
      this.carriedFrom = { form, site: document.referrer ? new URL(document.referrer).host : '' };
    }
  }

  /** The open forms with answers not yet saved. */
  get unsaved(): AscForm[] {
    return [...this.elements.values()].filter((form) => form.hasUnsavedChanges);
  }

  /** The form open at a portal address (a form's page), with its answers so far. */
  openFormAt(path: string): CarriedAnswers | undefined {
    const route = parseRoute(new URL(path, location.origin).pathname);
    const form = route.name === 'form' ? this.elements.get(route.formId) : undefined;
    if (!form || route.name !== 'form') return undefined;
    return {
      formId: route.formId,
      version: form.version,
      pageId: route.pageId ?? form.pageId,
      answers: form.currentAnswers,
    };
  }

  /** Whether a Save for later is waiting for the person to sign in. */
  get saveIsWaiting(): boolean {
    return this.saveAfterSignIn.size > 0;
  }

  /** Before a move to another page: what the forms keep, and what they let go. */
  routeWillChange(next: Route, previous: Route, cause: RouteCause): void {
    this.letGoOfSentForm(next, previous);
    this.draftProblem = undefined;
    // Save for later waits for a sign-in only while the person is on the way through it (by a link
    // or the back button alike): on a shared computer, the next person to sign in must not have
    // these answers saved to their account.
    if (next.name !== 'account' && !this.actions.user()) this.saveAfterSignIn.clear();
    if (cause === 'portal' && next.name === 'form' && previous.name !== 'form') this.openedFrom = previous;
  }

  /** Someone signed in: the forms may now save, and a Save for later that waited for it does (the form says so when they are back). */
  signedIn(): void {
    for (const form of this.elements.values()) {
      form.signedIn = true;
      form.account = this.actions.user() ?? undefined;
    }
    for (const formId of this.saveAfterSignIn) void this.elements.get(formId)?.saveForLater();
    this.saveAfterSignIn.clear();
  }

  /** Signed out, by choice or by the timeout: what was on screen is cleared, so nobody else sees it. */
  clear(): void {
    this.elements.clear();
    this.saveAfterSignIn.clear();
  }

  /** A form that has been sent is let go once the person moves on from it: its answers leave the page. */
  private letGoOfSentForm(next: Route, previous: Route): void {
    if (previous.name !== 'form' || (next.name === 'form' && next.formId === previous.formId)) return;
    if (this.elements.get(previous.formId)?.isSubmitted) this.elements.delete(previous.formId);
  }

  // Answers not saved live only in this page: leaving or reloading it loses them, so the browser asks first.
  private onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.unsaved.length > 0) event.preventDefault();
  };

  /** The form the address names, kept from before, opened from its saved copy, or new. */
  render(route: FormRoute): TemplateResult {
    let form = this.elements.get(route.formId);
    // An address that names a saved copy other than the one on screen (a link from Saved forms,
    // a reload, a bookmark) opens that copy.
    if (route.draftId && form?.savedDraftId !== route.draftId)
      return this.renderOpeningDraft({ ...route, draftId: route.draftId });
    if (!form) {
      form = this.create(route.formId);
      // The council's guide: "When you start a form, you will need to tick the box to confirm you are not a robot."
      form.captcha = !this.host.noCaptcha;
      this.elements.set(route.formId, form);
    }
    if (route.pageId && form.pageId !== route.pageId) form.pageId = route.pageId;
    // Saved while the person was away from it (signing in): the address now names the saved copy.
    if (!route.draftId && form.savedDraftId) {
      const named = { ...route, draftId: form.savedDraftId };
      queueMicrotask(() => {
        if (this.actions.route() === route) this.actions.settle(named);
      });
    }
    return html`${this.carriedNotice(form)}${form}`;
  }

  /** Answers that came in the address: the person checks them, since any link could carry some. */
  private carriedNotice(form: AscForm): TemplateResult | typeof nothing {
    const carried = this.carriedFrom;
    if (carried?.form !== form || form.savedDraftId || form.isSubmitted) return nothing;
    return html`<div class="notice"><p>Your answers so far came with you from ${carried.site || 'the page you were on'}. Check each one as you go: nothing is kept until you sign in and save the form or submit it.</p></div>`;
  }

  /** A new <asc-form> wired to the portal: its page changes, errors, Close, Cancel and the sign-in it asks for. */
  private create(formId: string): AscForm {
    const form = new AscForm();
    const onScreen = () => form.isConnected && this.elements.get(formId) === form;
    form.formId = formId;
    form.apiBase = this.host.apiBase;
    form.session = 'page';
    form.addEventListener('asc-page-change', this.onPageChange);
    form.addEventListener('asc-validation-failed', () => {
      this.actions.title.formHasErrors = true;
      this.actions.title.updateTitle();
    });
    form.addEventListener('asc-submitted', () => {
      if (!onScreen()) return;
      this.actions.title.formPageTitle = 'Form submitted';
      // The saved copy is gone: the address no longer names it.
      const route = this.actions.route();
      if (route.name === 'form' && route.formId === formId && route.draftId)
        this.actions.settle({ name: 'form', formId, pageId: route.pageId });
      this.actions.title.updateTitle();
    });
    // Once saved, the address names the saved copy, so a reload or a bookmark opens it again.
    form.addEventListener('asc-saved', (event) => {
      const route = this.actions.route();
      // Only the form on screen names the address: one saved while another saved form opens is not it.
      if (!onScreen() || route.name !== 'form' || route.formId !== formId) return;
      this.actions.settle({ ...route, draftId: event.detail.draftId });
    });
    form.addEventListener('asc-close', () => this.actions.navigate(this.openedFrom));
    // The form's "Login or Register" and, as the guide says, Save for later lead to the login screen.
    const toSignIn = (event: Event) => {
      if (this.actions.user()) return;
      event.preventDefault();
      if (event.type === 'asc-save-request') this.saveAfterSignIn.add(formId);
      this.actions.navigate({ name: 'account', screen: 'sign-in', returnTo: location.pathname });
    };
    form.addEventListener('asc-sign-in-request', toSignIn);
    form.addEventListener('asc-save-request', toSignIn);
    form.signedIn = this.actions.user() !== null;
    form.account = this.actions.user() ?? undefined;
    form.addEventListener('asc-cancel', () => {
      if (this.elements.get(formId) === form) this.elements.delete(formId);
      this.actions.navigate({ name: 'home' });
    });
    return form;
  }

  private onPageChange = (event: CustomEvent<AscPageChangeDetail>): void => {
    const { formId, pageId, pageTitle, cause } = event.detail;
    this.actions.title.formPageTitle = pageTitle;
    this.actions.title.formHasErrors = false;
    const draftId = (event.target as AscForm).savedDraftId;
    // Opening a form settles its address without a new history entry; moving between pages adds one.
    this.actions.settle(
      { name: 'form', formId, pageId, ...(draftId ? { draftId } : {}) },
      cause === 'start' || cause === 'host',
    );
    this.actions.title.updateTitle();
  };

  private renderOpeningDraft(route: FormRoute & { draftId: string }): TemplateResult {
    if (!this.actions.accountChecked()) return html`<p role="status">Opening your saved form…</p>`;
    if (!this.actions.user()) return this.actions.sendToSignIn(route);
    if (this.draftProblem?.draftId === route.draftId) {
      return html`<h1 tabindex="-1">This saved form cannot be opened</h1>
        <p>${this.draftProblem.message}</p>
        <p>${this.actions.link({ name: 'account', screen: 'saved' }, 'Go to your saved forms')}</p>`;
    }
    if (this.openingDraft !== route.draftId) {
      this.openingDraft = route.draftId;
      void this.openDraft(route.draftId);
    }
    return html`<p role="status">Opening your saved form…</p>`;
  }

  /**
   * Carries on with a saved form. Only one form of a kind is open at a time: one with unsaved
   * answers is saved first (and the person told), or, if that fails, stays on screen instead.
   */
  private async openDraft(draftId: string): Promise<void> {
    const stillWanted = () => {
      const route = this.actions.route();
      return route.name === 'form' && route.draftId === draftId;
    };
    try {
      const draft = await draftsApi.open(this.host.apiBase, draftId);
      if (!stillWanted()) return;
      const open = this.elements.get(draft.formId);
      let note: TemplateResult | undefined;
      if (open?.hasUnsavedChanges) {
        const outcome = await open.saveForLater();
        if (!stillWanted()) return;
        if (outcome.kind !== 'saved') {
          // Its answers could not be kept: show it, with the reason, rather than replace it.
          this.actions.navigate(
            { name: 'form', formId: draft.formId, pageId: open.pageId, draftId: open.savedDraftId },
            true,
          );
          return;
        }
        note = html`<p>The other ${draft.formTitle} you had open has been saved: you will find it in <strong>Saved forms</strong>.</p>`;
      }
      const form = this.create(draft.formId);
      form.openDraft(draft, draft.answers, note);
      this.elements.set(draft.formId, form);
      this.actions.navigate({ name: 'form', formId: draft.formId, pageId: draft.pageId, draftId }, true);
    } catch (error) {
      if (!stillWanted()) return;
      if (error instanceof RequestRefused && error.status === 401) return this.actions.sessionEnded();
      this.draftProblem = { draftId, message: error instanceof Error ? error.message : String(error) };
      this.host.requestUpdate();
    } finally {
      if (this.openingDraft === draftId) this.openingDraft = undefined;
    }
  }
}
