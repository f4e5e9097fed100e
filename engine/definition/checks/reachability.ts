/**
 * Pages, questions and texts that no answers can reach through the chain of conditions they hang
 * on (reachable.ts), each refused at its own condition with the reason: a question it looks at is
 * never asked, or asked only when this cannot hold, an answer its question refuses, a page needing
 * an account before text for someone not signed in. Run last: a condition already refused for a
 * fault of its own, or inside a page or group that is never shown, is not refused again.
 */
import type { Condition } from '../../types.ts';
import { limitsInWords } from '../answer-domains.ts';
import { Reachability, type ShownNode } from '../reachable.ts';
import type { CheckContext } from './context.ts';

/** A condition as the author wrote it, when it is short enough to quote. */
function quoted(condition: Condition, pointer: string): string {
  const text = JSON.stringify(condition).replace(/":/g, '": ').replace(/,"/g, ', "');
  return text.length <= 120 ? text : `the condition at ${pointer}/showIf`;
}

/** Faults of a condition after which what it meant is not known. */
const UNSURE = ['unknown-question', 'bad-condition', 'signed-in-not-text', 'not-a-date'];

function nameOf(node: ShownNode, ctx: CheckContext): string {
  if (node.kind === 'page') return `The page "${ctx.definition.pages[node.page]!.id}"`;
  if (node.kind === 'question') return `"${node.id}"`;
  return 'This text';
}

export function checkReachability(ctx: CheckContext): void {
  const faultsAt = (pointer: string) =>
    ctx.problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
  const faulted = (pointer: string) => faultsAt(pointer).length > 0;
  // A condition naming what it cannot test says nothing sure about what hangs on it.
  const reach = new Reachability(ctx.definition, (node) =>
    faultsAt(`${node.pointer}/showIf`).some((p) => UNSURE.includes(p.code)),
  );

  /** Why a question is never asked: the first of its page, its group and itself that is never shown. */
  const neverAsked = (question: ShownNode): string => {
    const [page, group] = question.parents;
    if (reach.reach(page!) === false)
      return `it is on the page "${page!.id}", which can never be shown (see ${page!.pointer}/showIf)`;
    if (group && reach.reach(group) === false)
      return `it is in the group "${group.id}", which can never be shown (see ${group.pointer}/showIf)`;
    return `its own condition can never hold (see ${question.pointer}/showIf)`;
  };

  /** When a question that is sometimes asked is asked. */
  const askedWhen = (question: ShownNode): string | undefined => {
    const parts = [...question.parents, question]
      .filter((n) => n.condition)
      .map((n) =>
        n === question
          ? `its condition ${quoted(n.condition!, n.pointer)} holds`
          : `${n.kind === 'page' ? 'the page' : 'the group'} "${n.id}" is shown (${quoted(n.condition!, n.pointer)})`,
      );
    return parts.length ? `is asked only when ${parts.join(' and ')}` : undefined;
  };

  const reasonFor = (node: ShownNode): string => {
    if (reach.reach(node, { accounts: false }) === true) {
      const page = reach.nodes.find((n) => n.kind === 'page' && n.requiresAccount && n.index <= node.index)!;
      return `it is for someone who is not signed in, but the page "${page.id}" needs an account, so everyone who gets this far is signed in. Take "signedIn": false out of its condition, or move it to that page (its text shows above the sign-in) or one before it.`;
    }
    const reads = reach.readsOf(node);
    if (reach.reach(node, { limits: false }) === true) {
      const limits = reads.map((n) => limitsInWords(n.question!)).filter(Boolean);
      return `only answers refused by the questions it depends on would show it${limits.length ? ` (${limits.join('; ')})` : ''}. Change the values it tests, or the limits.`;
    }
    if (reach.reach(node, { asking: false }) === true) {
      const facts = reads.flatMap((read) => {
        if (reach.reach(read) === false) return [`"${read.id}" is never asked: ${neverAsked(read)}`];
        const when = askedWhen(read);
        return when ? [`"${read.id}" ${when}`] : [];
      });
      return `its condition needs answers that are never given together: ${facts.join('; ')}. Change this condition, or the ones that decide when those questions are asked.`;
    }
    const holders = node.parents.filter((n) => n.condition);
    const parentWords = holders.map(
      (n) =>
        `${n.kind === 'page' ? 'the page' : 'the group'} "${n.id}" holding it is shown only when ${quoted(n.condition!, n.pointer)}`,
    );
    return parentWords.length
      ? `${parentWords.join(', and ')}, and then its own condition can never hold. Change one of the two.`
      : 'no answers make its condition true together with the conditions of the questions it looks at. Check the values and the all/any/not it combines.';
  };

  for (const node of reach.nodes) {
    if (!node.condition) continue;
    const at = `${node.pointer}/showIf`;
    if (node.kind === 'page' && node.page === 0) continue;
    if (node.kind === 'page' && ctx.definition.pages[node.page]?.kind === 'checkAnswers') continue;
    if (faulted(at)) continue;
    if (node.parents.some((parent) => reach.reach(parent) !== true)) continue;
    if (reach.reach(node) !== false) continue;
    ctx.problem(at, 'never-reached', `${nameOf(node, ctx)} can never be shown: ${reasonFor(node)}`);
  }
}
