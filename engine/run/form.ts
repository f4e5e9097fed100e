/**
 * A form ready to use: built from a definition and its answer validators (compiled by ajv in Node,
 * or loaded from the precompiled modules in the browser). It steps through pages, validates, and
 * summarises. Nothing here compiles a schema or touches the DOM or Node.
 */
import type {
  Answers,
  ChildQuestion,
  DateOptions,
  FieldError,
  FormDefinition,
  GroupItem,
  ItemAnswers,
  Page,
  PageItem,
  Question,
  SummaryPage,
  SummaryRow,
} from '../types.ts';
import { buildModel, type FormModel } from './model.ts';
import { prepareAnswers } from './prepare.ts';
import { evaluateCondition, type AnswerLookup } from './conditions.ts';
import { collectErrors, schemaProblems, type SchemaValidator } from './validate.ts';
import { displayLines } from './display.ts';
import { summaryRows } from './summary.ts';
import { DEFAULT_TIME_ZONE, todayIn, wallClockIn } from '../values/dates.ts';
import { prefillOffers, type PrefillAccount, type PrefillOffer } from './prefill.ts';
import { wordQuestion } from './wording.ts';
import { UnknownPageError } from '../errors.ts';

/**
 * The answer validators of one form version: each page's, by page id, and optionally the whole
 * form's (the browser's precompiled modules carry pages only, to stay small).
 */
export interface FormValidators {
  form?: SchemaValidator;
  pages: Record<string, SchemaValidator>;
}

/** The export name of each page's validator in a precompiled module: page0, page1, ... */
export function pageExportName(index: number): string {
  return `page${index}`;
}

/** The validators of a loaded precompiled module, keyed as createForm expects. */
export function validatorsFromModule(definition: FormDefinition, module: Record<string, unknown>): FormValidators {
  return {
    pages: Object.fromEntries(
      definition.pages.map((page, index) => [page.id, module[pageExportName(index)] as SchemaValidator]),
    ),
  };
}

export interface FormOptions {
  /** The clock for "today" in date rules and conditions; tests inject a fixed one. */
  now?: () => Date;
  /** The council's time zone, in which "today" is counted (portal.json's council.timeZone); Europe/London unless given. */
  timeZone?: string;
}

/** Whether an item is shown: on the day, and for someone signed in or not (text can depend on it; the server is always signed in). */
export interface ShowOptions extends DateOptions {
  signedIn?: boolean;
}

export interface SummaryOptions extends DateOptions {
  /** Also list visible questions that have no answer (shown as not answered). */
  includeUnanswered?: boolean;
  /** Show sensitive answers (a key safe code) too: only for the council's own staff view, never print or email. */
  showSensitive?: boolean;
}

export class Form {
  readonly definition: FormDefinition;
  private readonly model: FormModel;
  private readonly validators: FormValidators;
  private readonly now: () => Date;
  readonly timeZone: string;

  constructor(definition: FormDefinition, validators: FormValidators, options: FormOptions = {}) {
    this.definition = definition;
    this.model = buildModel(definition);
    this.validators = validators;
    this.now = options.now ?? (() => new Date());
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  }

  get id(): string {
    return this.definition.id;
  }
  get version(): number {
    return this.definition.version;
  }
  get pages(): Page[] {
    return this.definition.pages;
  }

  /** The page with this id; throws UnknownPageError for an id the form does not have. */
  page(pageId: string): Page {
    const index = this.model.pageIndex.get(pageId);
    if (index === undefined) throw new UnknownPageError(this.id, pageId);
    return this.definition.pages[index]!;
  }

  /** A question of a page (not inside a group), with the page it is on; undefined for an id the form does not ask. */
  question(questionId: string): { question: Question; page: Page } | undefined {
    return this.model.questions.get(questionId);
  }

  /** The date rules' and conditions' today: the one given, or the date in the council's time zone by the form's clock. */
  protected today(options?: DateOptions): string {
    return options?.today ?? todayIn(this.now(), this.timeZone);
  }

  /** The answers as they are validated and saved: normalised, computed, and without answers to hidden questions. */
  prepare(answers: Answers, options?: DateOptions): Answers {
    return prepareAnswers(this.model, answers, this.today(options));
  }

  /** The pages shown for these answers, in order. */
  visiblePages(answers: Answers, options?: DateOptions): Page[] {
    return this.pagesShownFor(this.prepare(answers, options), this.today(options));
  }

  private pagesShownFor(prepared: Answers, today: string): Page[] {
    const lookup: AnswerLookup = (id) => prepared[id];
    return this.pages.filter((page) => !page.showIf || evaluateCondition(page.showIf, lookup, today));
  }

  isPageVisible(pageId: string, answers: Answers, options?: DateOptions): boolean {
    this.page(pageId);
    return this.visiblePages(answers, options).some((page) => page.id === pageId);
  }

  /** The next page shown after this one, or null after the last. */
  nextPage(pageId: string, answers: Answers, options?: DateOptions): Page | null {
    const from = this.model.pageIndex.get(this.page(pageId).id)!;
    return this.visiblePages(answers, options).find((page) => this.model.pageIndex.get(page.id)! > from) ?? null;
  }

  /** The page shown before this one, or null on the first. */
  previousPage(pageId: string, answers: Answers, options?: DateOptions): Page | null {
    const from = this.model.pageIndex.get(this.page(pageId).id)!;
    return (
      this.visiblePages(answers, options)
        .filter((page) => this.model.pageIndex.get(page.id)! < from)
        .pop() ?? null
    );
  }

  /** The author's percentage for this page ("13% complete"). */
  progress(pageId: string): number {
    return this.page(pageId).progress;
  }

  /** Whether the person must be signed in for this page: once a page needs an account, every later one does. */
  requiresAccount(pageId: string): boolean {
    const index = this.model.pageIndex.get(this.page(pageId).id)!;
    return this.pages.slice(0, index + 1).some((page) => page.requiresAccount === true);
  }

  /**
   * Whether a question or text block is shown for these answers (and, for text, whether the
   * person is signed in: `options.signedIn`, true unless told). For a question inside a
   * repeatable group, say which item (`at`): its conditions read that item's answers, prepared
   * as validation reads them.
   */
  isShown(
    item: PageItem | GroupItem,
    answers: Answers,
    at?: { group: string; index: number },
    options?: ShowOptions,
  ): boolean {
    if (!item.showIf) return true;
    const prepared = this.prepare(answers, options);
    const items = at ? prepared[at.group] : undefined;
    const itemAnswers = Array.isArray(items) ? ((items[at!.index] as ItemAnswers | undefined) ?? {}) : undefined;
    const lookup: AnswerLookup = (id) =>
      itemAnswers && Object.hasOwn(itemAnswers, id) ? itemAnswers[id] : prepared[id];
    return evaluateCondition(item.showIf, lookup, this.today(options), options?.signedIn ?? true);
  }

  /** Where each question is asked, for validation: its page, and the question itself. */
  private readonly locator = {
    pageOf: (id: string) => this.model.questions.get(id)!.page.id,
    questionOf: (id: string) => this.model.questions.get(id)?.question,
  };

  /** What the person must fix on this page before moving on; empty when the page is sound or hidden. */
  pageErrors(pageId: string, answers: Answers, options?: DateOptions): FieldError[] {
    const page = this.page(pageId);
    const today = this.today(options);
    const prepared = this.prepare(answers, options);
    if (!this.pagesShownFor(prepared, today).includes(page)) return [];
    return this.errorsOnPage(page, prepared, today);
  }

  private errorsOnPage(page: Page, prepared: Answers, today: string): FieldError[] {
    const questions = this.model.pageQuestions.get(page.id)!;
    const onPage = Object.fromEntries(questions.filter((q) => q.id in prepared).map((q) => [q.id, prepared[q.id]]));
    const validator = this.validators.pages[page.id];
    const problems = validator ? schemaProblems(validator, onPage) : new Map();
    return collectErrors(questions, prepared, problems, this.locator, today, this.wordingOf(prepared));
  }

  /** Everything to fix in the whole form, page by page. */
  errors(answers: Answers, options?: DateOptions): FieldError[] {
    const today = this.today(options);
    return this.errorsInPrepared(this.prepare(answers, options), today);
  }

  /** Everything to fix, in answers already prepared (preparing them again changes nothing). */
  protected errorsInPrepared(prepared: Answers, today: string): FieldError[] {
    const visible = this.pagesShownFor(prepared, today);
    if (!this.validators.form) return visible.flatMap((page) => this.errorsOnPage(page, prepared, today));
    const problems = schemaProblems(this.validators.form, prepared);
    const questions: Question[] = [];
    for (const page of visible) for (const question of this.model.pageQuestions.get(page.id)!) questions.push(question);
    return collectErrors(questions, prepared, problems, this.locator, today, this.wordingOf(prepared));
  }

  /** Whether every mandatory question is answered and every answer is sound: Submit is shown only then. */
  canSubmit(answers: Answers, options?: DateOptions): boolean {
    return this.errors(answers, options).length === 0;
  }

  /** A question's words as read with these answers: "Does {personFullName|the person} object?" reads "Does Edith Marsh object?". */
  wording(answers: Answers, options?: DateOptions): <T extends Question | ChildQuestion>(question: T) => T {
    return this.wordingOf(this.prepare(answers, options));
  }

  private wordingOf(prepared: Answers): <T extends Question | ChildQuestion>(question: T) => T {
    const shown = (id: string) => {
      const entry = this.model.questions.get(id);
      return entry && !entry.question.sensitive ? displayLines(entry.question, prepared[id]).join(', ') : undefined;
    };
    return (question) => wordQuestion(question, shown);
  }

  /** What each question shown on this page could be filled in with now (prefill.ts): the page puts it in empty boxes as they come into view. */
  prefills(pageId: string, answers: Answers, account?: PrefillAccount, options?: DateOptions): PrefillOffer[] {
    const page = this.page(pageId);
    const clock = wallClockIn(this.now(), this.timeZone);
    const today = options?.today ?? clock.date;
    return prefillOffers(this.model.pageQuestions.get(page.id)!, answers, this.prepare(answers, options), {
      account,
      now: { date: today, time: clock.time },
      today,
    });
  }

  /** Each visible page's answers as a person reads them, for check-your-answers, print, email and staff. */
  summary(answers: Answers, options: SummaryOptions = {}): SummaryPage[] {
    const prepared = this.prepare(answers, options);
    const today = this.today(options);
    const lookup: AnswerLookup = (id) => prepared[id];
    const summary: SummaryPage[] = [];
    for (const page of this.pagesShownFor(prepared, today)) {
      const rows: SummaryRow[] = [];
      for (const question of this.model.pageQuestions.get(page.id)!) {
        if (question.showIf && !evaluateCondition(question.showIf, lookup, today)) continue;
        for (const row of summaryRows(this.wordingOf(prepared)(question), prepared, options, today)) rows.push(row);
      }
      if (rows.length) summary.push({ pageId: page.id, title: page.title, rows });
    }
    return summary;
  }
}

/** A form from a definition and validators already compiled (the browser's precompiled modules, say). */
export function createForm(definition: FormDefinition, validators: FormValidators, options?: FormOptions): Form {
  return new Form(definition, validators, options);
}
