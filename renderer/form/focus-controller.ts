/**
 * Where focus goes after the next render: the page's heading (a new page), the error summary, the
 * banner (the outcome of a save), or a box by its answer path (a Change link, an item added).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fieldId, focusErrorSummary, revealField } from '../shared/govuk/index.ts';

/** What focus lands on: 'heading', 'error-summary', 'banner', or an answer path ("carers.1"). */
export type FocusTarget = 'heading' | 'error-summary' | 'banner' | (string & {});

/** What the focus controller needs of its host: its element and shadow root, and whether there is a page to focus in. */
export interface FocusHost extends ReactiveControllerHost {
  readonly element: HTMLElement;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Whether the form is on screen (loaded): focus waits until it is. */
  readonly ready: boolean;
}

export class FocusController implements ReactiveController {
  private target?: FocusTarget;

  /** The host adds it, after the controllers whose hostUpdated must run before focus moves. */
  constructor(private readonly host: FocusHost) {}

  /** Moves focus to `target` once the page has rendered. */
  after(target: FocusTarget): void {
    this.target = target;
  }

  /** Moves focus to `target` after the render, unless something else already asked for focus. */
  afterUnlessAsked(target: FocusTarget): void {
    this.target ??= target;
  }

  // A page that saves while the form is not on screen (after sign-in) asks for focus then: it is
  // given when the form is back, not spent while it is away.
  hostConnected(): void {
    if (this.target) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.target;
    const { host } = this;
    if (!target || !host.ready || !host.element.isConnected) return;
    this.target = undefined;
    if (target === 'heading') {
      host.renderRoot.querySelector<HTMLElement>('h1')?.focus();
      if (typeof host.element.scrollIntoView === 'function') host.element.scrollIntoView({ block: 'start' });
    } else if (target === 'error-summary') {
      focusErrorSummary(host.renderRoot);
    } else if (target === 'banner') {
      host.renderRoot.querySelector<HTMLElement>('.banner')?.focus();
    } else {
      this.focusField(target);
    }
  }

  /** Moves focus to the box of an answer path, and its label into view, as GOV.UK's error summary does. */
  focusField(path: string): void {
    const root = this.host.renderRoot;
    // "carers.1" names a whole item of a repeatable group (one just added): its first box.
    const item = /^(.+)\.(\d+)$/.exec(path);
    const field =
      root.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path))}`) ??
      (item
        ? root.querySelector<HTMLElement>(
            `#${CSS.escape(`${fieldId(item[1]!)}-item-${item[2]}`)} :is(input, select, textarea)`,
          )
        : null) ??
      root.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path.split('.')[0]!))}`);
    if (field) revealField(field);
  }
}
