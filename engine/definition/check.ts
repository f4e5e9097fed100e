/**
 * What a definition must get right beyond its schema: unique ids, conditions that name earlier
 * questions and real options, progress that never goes down, sane limits, and nothing that can
 * never be shown. Each problem says where (a JSON pointer) and how to fix it.
 */
import type { Condition, DateRef, FormDefinition, Question, ChildQuestion, PageItem, GroupItem } from '../types.ts';
import type { AnswerCondition } from './definition.types.ts';
import type { DefinitionProblem } from '../errors.ts';
import { isQuestion } from '../types.ts';
import { DEFAULT_MAX_LENGTH } from '../compile/answers-schema.ts';
import { canEverHold } from './satisfiable.ts';

type AnyQuestion = Question | ChildQuestion;

/** A question as the checks see it: where it stands, and which group (if any) holds it. */
interface Placed {
  question: AnyQuestion;
  position: number;
  pointer: string;
  groupId?: string;
}

class Checker {
  readonly problems: DefinitionProblem[] = [];
  /** Top-level questions by id. */
  readonly topLevel = new Map<string, Placed>();
  /** Each group's questions by id. */
  readonly inGroup = new Map<string, Map<string, Placed>>();
  private readonly seenIds = new Map<string, string>();

  constructor(readonly definition: FormDefinition) {}

  problem(pointer: string, code: string, message: string): void {
    this.problems.push({ pointer, code, message });
  }

  run(): DefinitionProblem[] {
    this.placeEverything();
    this.checkPages();
    this.walkItems((item, pointer, position, groupId) => this.checkItem(item, pointer, position, groupId));
    return this.problems;
  }

  /** Calls back for every item of every page, and every item inside each group, in reading order. */
  private walkItems(
    visit: (item: PageItem | GroupItem, pointer: string, position: number, groupId?: string) => void,
  ): void {
    let position = 0;
    this.definition.pages.forEach((page, p) => {
      (page.questions ?? []).forEach((item, i) => {
        const pointer = `/pages/${p}/questions/${i}`;
        visit(item, pointer, position++);
        if (item.type === 'group')
          item.questions.forEach((child, c) => visit(child, `${pointer}/questions/${c}`, position++, item.id));
      });
    });
  }

  private placeEverything(): void {
    this.walkItems((item, pointer, position, groupId) => {
      if (!('id' in item) || !item.id) return;
      if (item.id in Object.prototype) {
        this.problem(
          `${pointer}/id`,
          'reserved-id',
          `"${item.id}" is a name JavaScript already uses for every object, so it cannot be a question id. Choose another, such as "${item.id}Answer".`,
        );
        return;
      }
      const first = this.seenIds.get(item.id);
      if (first) {
        this.problem(
          `${pointer}/id`,
          'duplicate-id',
          `The id "${item.id}" is already used at ${first}. Give each question its own id: it names the answer in saved forms and exports.`,
        );
        return;
      }
      this.seenIds.set(item.id, pointer);
      if (!isQuestion(item)) return;
      const placed: Placed = { question: item as AnyQuestion, position, pointer, groupId };
      if (groupId) this.inGroup.get(groupId)!.set(item.id, placed);
      else this.topLevel.set(item.id, placed);
      if (item.type === 'group') this.inGroup.set(item.id, new Map());
    });
  }

  private checkPages(): void {
    const pages = this.definition.pages;
    const seen = new Map<string, number>();
    pages.forEach((page, p) => {
      const pointer = `/pages/${p}`;
      if (seen.has(page.id))
        this.problem(
          `${pointer}/id`,
          'duplicate-id',
          `The page id "${page.id}" is already used at /pages/${seen.get(page.id)}. Give each page its own id: it is part of the page's address.`,
        );
      else seen.set(page.id, p);
      const before = pages[p - 1];
      if (before && page.progress < before.progress) {
        this.problem(
          `${pointer}/progress`,
          'progress-goes-down',
          `Progress ${page.progress}% is less than the ${before.progress}% of the page before ("${before.id}"). Progress never goes down: use ${before.progress} or more.`,
        );
      }
      const isLast = p === pages.length - 1;
      if (page.kind === 'checkAnswers') {
        if (!isLast)
          this.problem(
            `${pointer}/kind`,
            'check-answers-not-last',
            'Only the last page can be the check-answers page. Move this page to the end, or remove "kind".',
          );
        if (page.questions?.some(isQuestion))
          this.problem(
            `${pointer}/questions`,
            'questions-on-check-answers',
            'The check-answers page shows the answers: it cannot ask questions. Move them to a page before it.',
          );
        if (page.showIf)
          this.problem(
            `${pointer}/showIf`,
            'hidden-check-answers',
            'The check-answers page is always shown: remove its "showIf".',
          );
      } else if (isLast) {
        this.problem(
          pointer,
          'no-check-answers',
          'The last page must be the check-answers page: add a page with "kind": "checkAnswers" at the end.',
        );
      }
      if (page.showIf && p === 0)
        this.problem(
          `${pointer}/showIf`,
          'hidden-first-page',
          'The first page is where every form starts, so it is always shown: remove its "showIf".',
        );
      else if (page.showIf) {
        const firstPosition = this.firstPositionOnPage(p);
        this.checkShowIf(
          page.showIf,
          `${pointer}/showIf`,
          (id) => this.topLevelBefore(id, firstPosition),
          `The page "${page.id}"`,
        );
      }
    });
  }

  private firstPositionOnPage(pageIndex: number): number {
    let position = 0;
    for (const page of this.definition.pages.slice(0, pageIndex)) {
      for (const item of page.questions ?? []) position += 1 + (item.type === 'group' ? item.questions.length : 0);
    }
    return position;
  }

  private topLevelBefore(id: string, position: number): Placed | undefined {
    const placed = this.topLevel.get(id);
    return placed && placed.position < position ? placed : undefined;
  }

  /** What a condition or rule at this place may name: earlier questions, and inside a group also earlier questions of the same item. */
  private scopeAt(position: number, groupId?: string): (id: string) => Placed | undefined {
    return (id) => {
      const sibling = groupId ? this.inGroup.get(groupId)?.get(id) : undefined;
      if (sibling) return sibling.position < position ? sibling : undefined;
      return this.topLevelBefore(id, groupId ? this.topLevel.get(groupId)!.position : position);
    };
  }

  private checkItem(item: PageItem | GroupItem, pointer: string, position: number, groupId?: string): void {
    const scope = this.scopeAt(position, groupId);
    const name = 'id' in item && item.id ? `"${item.id}"` : 'This text';
    if (item.showIf) this.checkShowIf(item.showIf, `${pointer}/showIf`, scope, name);
    if (!isQuestion(item)) return;
    const question = item as AnyQuestion;
    this.checkWording(question, pointer);
    this.checkLimits(question, pointer);
    if (question.type === 'date') {
      (question.rules ?? []).forEach((rule, r) => {
        const rulePointer = `${pointer}/rules/${r}`;
        for (const op of ['before', 'after', 'notBefore', 'notAfter'] as const) {
          const ref = rule[op];
          if (ref)
            this.checkDateRef(ref, `${rulePointer}/${op}`, (id) => this.anyDateQuestion(id, groupId), question.id);
        }
        if (rule.when) this.checkCondition(rule.when, `${rulePointer}/when`, scope);
      });
    }
    if (question.type === 'computedDate') {
      const start = scope(question.compute.date);
      const days = scope(question.compute.addDaysFrom);
      if (start?.question.type !== 'date' && start?.question.type !== 'computedDate') {
        this.problem(
          `${pointer}/compute/date`,
          'bad-compute',
          `"${question.compute.date}" must be a date (or computed date) question asked before "${question.id}".`,
        );
      }
      if (days?.question.type !== 'number' || !days.question.integer) {
        this.problem(
          `${pointer}/compute/addDaysFrom`,
          'bad-compute',
          `"${question.compute.addDaysFrom}" must be a number question with "integer": true, asked before "${question.id}".`,
        );
      }
    }
  }

  /** Date rules may compare with any date question of the form (an end date with a later start date, say). */
  private anyDateQuestion(id: string, groupId?: string): Placed | undefined {
    return (groupId ? this.inGroup.get(groupId)?.get(id) : undefined) ?? this.topLevel.get(id);
  }

  private checkWording(question: AnyQuestion, pointer: string): void {
    const needsSubject = !['declaration', 'computedDate', 'group'].includes(question.type);
    if (needsSubject && !question.subject && /\?\s*$/.test(question.label)) {
      this.problem(
        pointer,
        'missing-subject',
        `"${question.id}" asks a question, so its error messages need a "subject": a phrase such as "the person's date of birth", which gives "Enter the person's date of birth".`,
      );
    }
  }

  private checkLimits(question: AnyQuestion, pointer: string): void {
    const tooSmall = (what: string, low: string, high: string) =>
      this.problem(
        pointer,
        'bad-limits',
        `"${question.id}" has ${what}: ${low} is more than ${high}. Make the minimum no more than the maximum.`,
      );
    if ('options' in question) {
      const values = new Set<string>();
      question.options.forEach((option, o) => {
        if (values.has(option.value))
          this.problem(
            `${pointer}/options/${o}/value`,
            'duplicate-option',
            `The option value "${option.value}" is used twice in "${question.id}". Give each option its own value.`,
          );
        values.add(option.value);
        if (option.exclusive && question.type !== 'checkboxes')
          this.problem(
            `${pointer}/options/${o}/exclusive`,
            'bad-exclusive',
            `"exclusive" is only for checkboxes: one of these options is always chosen alone. Remove it.`,
          );
      });
    }
    switch (question.type) {
      case 'text':
      case 'textarea': {
        const max = question.maxLength ?? DEFAULT_MAX_LENGTH[question.type];
        if (question.minLength && question.minLength > max)
          tooSmall('a minLength larger than its maxLength', `${question.minLength}`, `${max}`);
        break;
      }
      case 'number':
        if (question.min > question.max) tooSmall('a min larger than its max', `${question.min}`, `${question.max}`);
        break;
      case 'checkboxes': {
        const max = question.maxItems ?? question.options.length;
        if (max > question.options.length)
          this.problem(
            `${pointer}/maxItems`,
            'bad-limits',
            `"${question.id}" allows ${max} choices but has only ${question.options.length} options. Lower maxItems.`,
          );
        if ((question.minItems ?? 0) > max)
          tooSmall('a minItems larger than its maxItems', `${question.minItems}`, `${max}`);
        break;
      }
      case 'group':
        if ((question.minItems ?? 0) > question.maxItems)
          tooSmall('a minItems larger than its maxItems', `${question.minItems}`, `${question.maxItems}`);
        break;
    }
  }

  private checkDateRef(
    ref: DateRef,
    pointer: string,
    scope: (id: string) => Placed | undefined,
    selfId?: string,
  ): void {
    if (!('question' in ref)) return;
    const target = scope(ref.question);
    if (!target || ref.question === selfId) {
      this.problem(
        `${pointer}/question`,
        'unknown-question',
        `There is no date question "${ref.question}" to compare with here. Name another date question of this form.`,
      );
    } else if (target.question.type !== 'date' && target.question.type !== 'computedDate') {
      this.problem(
        `${pointer}/question`,
        'not-a-date',
        `"${ref.question}" is a ${target.question.type} question: dates can only be compared with date questions.`,
      );
    }
  }

  private checkCondition(condition: Condition, pointer: string, scope: (id: string) => Placed | undefined): void {
    if ('all' in condition)
      return condition.all.forEach((part, i) => this.checkCondition(part, `${pointer}/all/${i}`, scope));
    if ('any' in condition)
      return condition.any.forEach((part, i) => this.checkCondition(part, `${pointer}/any/${i}`, scope));
    if ('not' in condition) return this.checkCondition(condition.not, `${pointer}/not`, scope);
    const target = scope(condition.question);
    if (!target) {
      const exists = this.seenIds.has(condition.question);
      this.problem(
        `${pointer}/question`,
        'unknown-question',
        exists
          ? `The condition looks at "${condition.question}", which comes later (or sits in another repeatable group). A condition can only look at questions asked before it.`
          : `The condition looks at "${condition.question}", but the form has no question with that id. Check the spelling against the questions' "id"s.`,
      );
      return;
    }
    this.checkOperator(condition, pointer, target.question, scope);
  }

  private checkOperator(
    condition: AnswerCondition,
    pointer: string,
    question: AnyQuestion,
    scope: (id: string) => Placed | undefined,
  ): void {
    const type = question.type;
    const options =
      type === 'yesNo' ? ['yes', 'no'] : 'options' in question ? question.options.map((o) => o.value) : undefined;
    const wrong = (op: string, fix: string) =>
      this.problem(
        `${pointer}/${op}`,
        'bad-condition',
        `"${condition.question}" is a ${type} question, so "${op}" cannot test it: ${fix}.`,
      );
    const checkValue = (value: unknown, at: string) => {
      if (options && !options.includes(value as string)) {
        this.problem(
          at,
          'unknown-option',
          `${JSON.stringify(value)} is not an option of "${condition.question}". Its options are: ${options.join(', ')}.`,
        );
      } else if (type === 'number' && typeof value !== 'number') {
        this.problem(
          at,
          'bad-condition',
          `"${condition.question}" is a number question: compare it with a number, not ${JSON.stringify(value)}.`,
        );
      } else if (!options && type !== 'number' && typeof value !== 'string') {
        this.problem(
          at,
          'bad-condition',
          `"${condition.question}" has text answers: compare it with text, not ${JSON.stringify(value)}.`,
        );
      }
    };
    const structured = ['address', 'group', 'declaration'].includes(type);
    for (const op of ['equals', 'notEquals', 'in'] as const) {
      if (condition[op] === undefined) continue;
      if (type === 'checkboxes') wrong(op, 'use "includes" to test whether an option is ticked');
      else if (type === 'date' || type === 'computedDate')
        wrong(op, 'use "before", "after", "onOrBefore" or "onOrAfter"');
      else if (structured) wrong(op, 'use "answered"');
      else if (op === 'in') condition.in!.forEach((value, i) => checkValue(value, `${pointer}/in/${i}`));
      else checkValue(condition[op], `${pointer}/${op}`);
    }
    if (condition.includes !== undefined) {
      if (type !== 'checkboxes') wrong('includes', 'use "equals" or "in"');
      else checkValue(condition.includes, `${pointer}/includes`);
    }
    for (const op of ['before', 'after', 'onOrBefore', 'onOrAfter'] as const) {
      const ref = condition[op];
      if (!ref) continue;
      if (type !== 'date' && type !== 'computedDate') wrong(op, 'only dates can be compared with dates');
      else this.checkDateRef(ref, `${pointer}/${op}`, scope);
    }
  }

  /** A condition must name what it may, and must be able to hold (asked only of a well-formed one, to report one fault once). */
  private checkShowIf(
    condition: Condition,
    pointer: string,
    scope: (id: string) => Placed | undefined,
    what: string,
  ): void {
    const before = this.problems.length;
    this.checkCondition(condition, pointer, scope);
    if (this.problems.length === before) this.checkReachable(condition, pointer, what);
  }

  private checkReachable(condition: Condition, pointer: string, what: string): void {
    const typeOf = (id: string) =>
      this.topLevel.get(id)?.question ?? [...this.inGroup.values()].find((group) => group.has(id))?.get(id)?.question;
    if (!canEverHold(condition, typeOf)) {
      this.problem(
        pointer,
        'never-shown',
        `${what} can never be shown: no answers make this condition true. Check the values and the all/any/not it combines.`,
      );
    }
  }
}

/** Every problem of a definition that already matches the schema; empty when it is sound. */
export function checkDefinition(definition: FormDefinition): DefinitionProblem[] {
  return new Checker(definition).run();
}
