/**
 * The answers as the person types them, and the ways a question's template changes them: one
 * answer by its path, an item of a repeatable group added or removed (each said out loud).
 */
import { html, type ReactiveControllerHost } from 'lit';
import {
  capitalise,
  type AnswerValue,
  type Answers,
  type Form,
  type GroupItem,
  type ItemAnswers,
} from '../../engine/runtime.ts';
import { getAt, setAt } from './answer-paths.ts';
import type { FocusController } from './focus-controller.ts';
import type { FieldContext } from './questions/index.ts';
import type { FormHost } from './form-host.ts';

/** What the answers need of their host: the form, a polite announcement, and to hear of each change. */
export interface AnswersHost extends ReactiveControllerHost, Pick<FormHost, 'form' | 'tell' | 'element'> {
  /** An answer changed (the banner "Your form has been saved" is no longer true). */
  answerChanged(): void;
  /** The errors under `path` are gone with the item they were in. */
  dropErrorsUnder(path: string): void;
}

/** Needs none of the host's lifecycle callbacks, so it is not added to the host; it asks the host to render when its state changes. */
export class AnswersController {
  private values: Answers = {};

  constructor(
    private readonly host: AnswersHost,
    private readonly focus: FocusController,
  ) {}

  /** The answers as typed (not a copy). */
  get current(): Answers {
    return this.values;
  }

  /** How many times every answer was replaced: a new form, a saved one opened, or the answers cancelled. */
  replaced = 0;

  /** Replaces every answer (a copy of them is kept). */
  replace(answers: Answers): void {
    this.values = structuredClone(answers);
    this.replaced++;
    this.host.requestUpdate();
  }

  /** Puts an answer in for the person (a prefill), during an update: it is on screen in this render. */
  fill(path: string, value: AnswerValue | undefined): void {
    this.values = setAt(this.values, path, value);
  }

  /** Stores one answer by its path ("consultees.0.name"). */
  set = (path: string, value: AnswerValue | undefined): void => {
    this.values = setAt(this.values, path, value);
    this.host.answerChanged();
    this.host.requestUpdate();
  };

  /** What a question's template needs to show and change the answer at `path`; `errorAt` finds a box's error. */
  fieldContext(
    path: string,
    value: AnswerValue | undefined,
    errorAt: (path: string) => string | undefined,
  ): FieldContext {
    const form = this.host.form!;
    return {
      path,
      value,
      errorAt,
      set: this.set,
      worked: (at) => getAt(form.prepare(this.values), at),
      isShown: (item: GroupItem, at: { group: string; index: number }) =>
        form.isShown(item, this.values, at, { signedIn: this.host.element.signedIn }),
      addItem: (at) => {
        const items = [...((this.values[at] as ItemAnswers[] | undefined) ?? []), {}];
        this.set(at, items);
        this.focus.after(`${at}.${items.length - 1}`);
        this.host.tell(html`<p>${this.itemName(form, at)} ${items.length} added.</p>`);
      },
      removeItem: (at, index) => {
        const items = ((this.values[at] as ItemAnswers[] | undefined) ?? []).filter((_, i) => i !== index);
        this.set(at, items.length ? items : undefined);
        this.host.dropErrorsUnder(`${at}.`);
        this.focus.after(at);
        this.host.tell(html`<p>${this.itemName(form, at)} ${index + 1} removed.</p>`);
      },
    };
  }

  private itemName(form: Form, groupId: string): string {
    const group = form.question(groupId)?.question;
    return capitalise(group?.type === 'group' ? group.itemName : 'item');
  }
}
