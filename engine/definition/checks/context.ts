/**
 * What every check of a definition shares: the definition, where each question stands in reading
 * order, what a condition at a given place may name, and the problems found so far.
 */
import type { ChildQuestion, FormDefinition, GroupItem, PageItem, Question } from '../../types.ts';
import type { DefinitionProblem } from '../../errors.ts';

export type AnyQuestion = Question | ChildQuestion;

/** A question as the checks see it: where it stands, and which group (if any) holds it. */
export interface Placed {
  question: AnyQuestion;
  position: number;
  pointer: string;
  groupId?: string;
}

/** The questions a condition or rule may name from where it stands. */
export type Scope = (id: string) => Placed | undefined;

/** A visit of one item: its pointer, its place in reading order, and the group holding it. */
type ItemVisit = (item: PageItem | GroupItem, pointer: string, position: number, groupId?: string) => void;

export class CheckContext {
  readonly problems: DefinitionProblem[] = [];
  /** Top-level questions by id. */
  readonly topLevel = new Map<string, Placed>();
  /** Each group's questions by id. */
  readonly inGroup = new Map<string, Map<string, Placed>>();
  /** Where each id (of a question or text block) is first used. */
  readonly seenIds = new Map<string, string>();

  constructor(readonly definition: FormDefinition) {}

  problem(pointer: string, code: string, message: string): void {
    this.problems.push({ pointer, code, message });
  }

  /** Calls back for every item of every page, and every item inside each group, in reading order. */
  walkItems(visit: ItemVisit): void {
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

  /** The reading position of the first item on a page. */
  firstPositionOnPage(pageIndex: number): number {
    let position = 0;
    for (const page of this.definition.pages.slice(0, pageIndex)) {
      for (const item of page.questions ?? []) position += 1 + (item.type === 'group' ? item.questions.length : 0);
    }
    return position;
  }

  topLevelBefore(id: string, position: number): Placed | undefined {
    const placed = this.topLevel.get(id);
    return placed && placed.position < position ? placed : undefined;
  }

  /** What a condition or rule at this place may name: earlier questions, and inside a group also earlier questions of the same item. */
  scopeAt(position: number, groupId?: string): Scope {
    return (id) => {
      const sibling = groupId ? this.inGroup.get(groupId)?.get(id) : undefined;
      if (sibling) return sibling.position < position ? sibling : undefined;
      return this.topLevelBefore(id, groupId ? this.topLevel.get(groupId)!.position : position);
    };
  }

  /** Date rules may compare with any date question of the form (an end date with a later start date, say). */
  anyDateQuestion(id: string, groupId?: string): Placed | undefined {
    return (groupId ? this.inGroup.get(groupId)?.get(id) : undefined) ?? this.topLevel.get(id);
  }

  /** The question with this id, wherever it stands. */
  questionWithId(id: string): AnyQuestion | undefined {
    return (
      this.topLevel.get(id)?.question ?? [...this.inGroup.values()].find((group) => group.has(id))?.get(id)?.question
    );
  }
}
