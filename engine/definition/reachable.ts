/**
 * Whether a page, a question or a text can ever be shown, through every condition it hangs on: its
 * own, its page's, its group's, and those deciding whether the questions they read are asked at
 * all (a question never asked has no answer). The form is walked in reading order, as a person
 * and the engine's one pass over the answers meet it (run/prepare.ts), trying the telling answers
 * of each question that matters (answer-domains.ts) only where that question is shown. Where the
 * answers to try cannot be listed or grow too many, the answer is "unknown", and callers give the
 * benefit of the doubt.
 */
import type { Condition, FormDefinition, Question } from '../types.ts';
import { isQuestion } from '../types.ts';
import type { AnswerCondition } from './definition.types.ts';
import { evaluateCondition, isAnswered } from '../run/conditions.ts';
import { type AnyQuestion, candidateAnswers, TODAY } from './answer-domains.ts';
import { leaves, testsSignedIn } from './satisfiable.ts';

/** A page, or something on it, in reading order. */
export interface ShownNode {
  index: number;
  kind: 'page' | 'text' | 'question';
  /** The page's number. */
  page: number;
  pointer: string;
  condition?: Condition;
  /** The page holding it, and the group when it is inside one. */
  parents: ShownNode[];
  question?: AnyQuestion;
  groupId?: string;
  requiresAccount?: boolean;
  id?: string;
}

export type Reach = boolean | 'unknown';

/** What to take into account, all by default: leaving one out shows whether it is the cause. */
export interface ReachOptions {
  /** Answers only within what each question accepts. */
  limits?: boolean;
  /** A page needing an account is seen only by someone signed in. */
  accounts?: boolean;
  /** A question's answer is there only when it is asked. */
  asking?: boolean;
}

/** Walks of the form tried for one item at most; beyond, its answer is "unknown". */
const MAX_WALKS = 20000;

class TooMany extends Error {}

export class Reachability {
  readonly nodes: ShownNode[] = [];
  private readonly topLevel = new Map<string, ShownNode>();
  private readonly children = new Map<string, Map<string, ShownNode>>();
  private readonly memo = new Map<string, Reach>();

  /**
   * `doubtful` marks nodes whose condition does not say what its author meant (it names a
   * question it cannot see, say): whatever hangs on one is "unknown".
   */
  constructor(
    readonly definition: FormDefinition,
    private readonly doubtful: (node: ShownNode) => boolean = () => false,
  ) {
    const add = (node: Omit<ShownNode, 'index'>) => {
      const full = { ...node, index: this.nodes.length } as ShownNode;
      this.nodes.push(full);
      return full;
    };
    definition.pages.forEach((page, p) => {
      const pageNode = add({
        kind: 'page',
        page: p,
        pointer: `/pages/${p}`,
        condition: page.showIf,
        parents: [],
        requiresAccount: page.requiresAccount,
        id: page.id,
      });
      (page.content ?? []).forEach((block, b) =>
        add({
          kind: 'text',
          page: p,
          pointer: `/pages/${p}/content/${b}`,
          condition: block.showIf,
          parents: [pageNode],
        }),
      );
      (page.questions ?? []).forEach((item, i) => {
        const pointer = `/pages/${p}/questions/${i}`;
        const asked = isQuestion(item);
        const node = add({
          kind: asked ? 'question' : 'text',
          page: p,
          pointer,
          condition: item.showIf,
          parents: [pageNode],
          question: asked ? (item as Question) : undefined,
          id: 'id' in item ? item.id : undefined,
        });
        if (asked && !this.topLevel.has(item.id)) this.topLevel.set(item.id, node);
        if (item.type !== 'group') return;
        const own = new Map<string, ShownNode>();
        this.children.set(item.id, own);
        item.questions.forEach((child, c) => {
          const childAsked = isQuestion(child);
          const childNode = add({
            kind: childAsked ? 'question' : 'text',
            page: p,
            pointer: `${pointer}/questions/${c}`,
            condition: child.showIf,
            parents: [pageNode, node],
            question: childAsked ? (child as AnyQuestion) : undefined,
            groupId: item.id,
            id: 'id' in child ? child.id : undefined,
          });
          if (childAsked && !own.has(child.id)) own.set(child.id, childNode);
        });
      });
    });
  }

  /** The question a condition at this node reads by this id, as the engine finds it: asked before it. */
  resolve(id: string, from: ShownNode): ShownNode | undefined {
    if (from.groupId) {
      const sibling = this.children.get(from.groupId)?.get(id);
      if (sibling) return sibling.index < from.index ? sibling : undefined;
    }
    const before = from.groupId ? from.parents[1]!.index : from.index;
    const node = this.topLevel.get(id);
    return node && node.index < before ? node : undefined;
  }

  /** The questions a node's condition reads, as found from it. */
  readsOf(node: ShownNode): ShownNode[] {
    if (!node.condition) return [];
    const ids = leaves(node.condition).flatMap((test) => [test.question, ...dateQuestions(test)]);
    return [...new Set(ids.map((id) => this.resolve(id, node)).filter((n): n is ShownNode => !!n))];
  }

  /** Whether some answers show this node. */
  reach(node: ShownNode, options: ReachOptions = {}): Reach {
    const key = `${node.index} ${options.limits !== false} ${options.accounts !== false} ${options.asking !== false}`;
    let known = this.memo.get(key);
    if (known === undefined) {
      try {
        known = this.search(node, options);
      } catch (error) {
        if (!(error instanceof TooMany)) throw error;
        known = 'unknown';
      }
      this.memo.set(key, known);
    }
    return known;
  }

  private search(target: ShownNode, options: ReachOptions): Reach {
    const limits = options.limits !== false;
    const accounts = options.accounts !== false;
    const asking = options.asking !== false;
    const needed = new Set<ShownNode>();
    const need = (node: ShownNode) => {
      if (needed.has(node) || node.index > target.index) return;
      needed.add(node);
      node.parents.forEach(need);
      this.readsOf(node).forEach(need);
    };
    need(target);
    if ([...needed].some(this.doubtful)) return 'unknown';
    const signedInTested = [...needed].some((node) => node.condition && testsSignedIn(node.condition));
    // Someone not signed in stops at the first page they are shown from the first needing an
    // account on: they see its text, none of its questions, and no page after it.
    const gatedFrom = this.definition.pages.findIndex((page) => page.requiresAccount);
    const gates = accounts && signedInTested && gatedFrom >= 0;
    if (gates) for (const node of this.nodes) if (node.kind === 'page' && node.page >= gatedFrom) need(node);
    const order = [...needed].sort((a, b) => a.index - b.index);

    const tests = new Map<ShownNode, AnswerCondition[]>();
    for (const node of order)
      if (node.condition)
        for (const test of leaves(node.condition)) {
          const read = this.resolve(test.question, node);
          if (read) tests.set(read, [...(tests.get(read) ?? []), test]);
        }
    const domains = new Map<ShownNode, Array<unknown>>();
    for (const node of order) {
      if (node.kind !== 'question' || node === target) continue;
      const domain = candidateAnswers(node.question, tests.get(node) ?? [], limits);
      if (!domain) return 'unknown';
      domains.set(node, domain);
    }

    let walks = 0;
    const kept = new Map<string, unknown>();
    const inItem = new Map<string, unknown>();
    const shown = new Map<ShownNode, boolean>();
    /** `stop`: the page someone not signed in stops at, once met. */
    const walk = (at: number, signedIn: boolean, stop: number): boolean => {
      const node = order[at]!;
      const lookup = (id: string) => (node.groupId && inItem.has(id) ? inItem.get(id) : kept.get(id)) as never;
      const group = node.parents[1];
      const stopped = stop >= 0 && (node.page > stop || (node.page === stop && !node.pointer.includes('/content/')));
      const parentsShown =
        !stopped &&
        node.parents.every((parent) => shown.get(parent)) &&
        (!group || isAnswered(kept.get(group.id!) as never));
      const isShown =
        (!asking && node.kind === 'question' && node !== target) ||
        (parentsShown && (!node.condition || evaluateCondition(node.condition, lookup, TODAY, signedIn)));
      if (node === target) {
        if (++walks > MAX_WALKS) throw new TooMany();
        return isShown;
      }
      shown.set(node, isShown);
      const stopAt =
        stop < 0 && gates && !signedIn && isShown && node.kind === 'page' && node.page >= gatedFrom ? node.page : stop;
      if (node.kind !== 'question' || !isShown) return walk(at + 1, signedIn, stopAt);
      const store = node.groupId ? inItem : kept;
      const found = domains.get(node)!.some((value) => {
        if (isAnswered(value as never)) store.set(node.id!, value);
        else store.delete(node.id!);
        return walk(at + 1, signedIn, stopAt);
      });
      store.delete(node.id!);
      return found;
    };
    return (signedInTested ? [true, false] : [true]).some((signedIn) => {
      kept.clear();
      inItem.clear();
      shown.clear();
      return walk(0, signedIn, -1);
    });
  }
}

function dateQuestions(test: AnswerCondition): string[] {
  return [test.before, test.after, test.onOrBefore, test.onOrAfter].flatMap((ref) =>
    ref && 'question' in ref ? [ref.question] : [],
  );
}
