/**
 * Pages and text blocks across two versions of a form: pages matched by id (added, removed,
 * moved among the others, retitled, shown under another condition), text blocks matched by id
 * where they have one and otherwise by their place among the page's blocks.
 */
import type { ContentBlock, FormDefinition, Page } from '../types.ts';
import { isQuestion } from '../types.ts';
import type { ContentChange, DetailChange, PageChange } from './diff-types.ts';
import { blockText, differingExcerpts, excerpt, quoted, shownWords } from './diff-words.ts';

type Step<T> = { kind: 'same'; from: T; to: T } | { kind: 'removed'; from: T } | { kind: 'added'; to: T };

/** The steps from `a` to `b` that keep the most items in order (a longest common subsequence). */
export function alignment<T>(a: T[], b: T[], equal: (x: T, y: T) => boolean): Step<T>[] {
  const longest = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      longest[i]![j] = equal(a[i]!, b[j]!)
        ? longest[i + 1]![j + 1]! + 1
        : Math.max(longest[i + 1]![j]!, longest[i]![j + 1]!);
  const steps: Step<T>[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && equal(a[i]!, b[j]!)) steps.push({ kind: 'same', from: a[i++]!, to: b[j++]! });
    else if (j < b.length && (i === a.length || longest[i]![j + 1]! >= longest[i + 1]![j]!))
      steps.push({ kind: 'added', to: b[j++]! });
    else steps.push({ kind: 'removed', from: a[i++]! });
  }
  return steps;
}

function pageDetailChanges(from: Page, to: Page): DetailChange[] {
  const changes: DetailChange[] = [];
  if (from.title !== to.title)
    changes.push({
      what: 'title',
      from: from.title,
      to: to.title,
      words: `retitled: ${quoted(from.title)} → ${quoted(to.title)}`,
    });
  const [wasShown, nowShown] = [shownWords(from.showIf), shownWords(to.showIf)];
  if (wasShown !== nowShown)
    changes.push({ what: 'showIf', from: wasShown, to: nowShown, words: `shown: ${wasShown} → ${nowShown}` });
  if (Boolean(from.requiresAccount) !== Boolean(to.requiresAccount))
    changes.push({
      what: 'requiresAccount',
      words: to.requiresAccount
        ? 'now needs the person signed in, from this page on'
        : 'no longer needs the person signed in from this page on',
    });
  if ((from.kind ?? 'questions') !== (to.kind ?? 'questions'))
    changes.push({
      what: 'kind',
      from: from.kind ?? 'questions',
      to: to.kind ?? 'questions',
      words: `kind: ${from.kind ?? 'questions'} → ${to.kind ?? 'questions'}`,
    });
  return changes;
}

/** The pages added, removed, moved or changed, in the newer version's order (removed ones last). */
export function pageChanges(from: FormDefinition, to: FormDefinition): PageChange[] {
  const oldIds = from.pages.map((page) => page.id);
  const newIds = to.pages.map((page) => page.id);
  const kept = new Set(oldIds.filter((id) => newIds.includes(id)));
  // A page moved when it is not among the longest run of kept pages in the same order.
  const inOrder = new Set(
    alignment(
      oldIds.filter((id) => kept.has(id)),
      newIds.filter((id) => kept.has(id)),
      (a, b) => a === b,
    ).flatMap((step) => (step.kind === 'same' ? [step.to] : [])),
  );
  const changes: PageChange[] = [];
  to.pages.forEach((page, index) => {
    const oldIndex = oldIds.indexOf(page.id);
    if (oldIndex < 0) {
      changes.push({ kind: 'added', id: page.id, title: page.title, toPosition: index + 1, changes: [] });
      return;
    }
    const details = pageDetailChanges(from.pages[oldIndex]!, page);
    const positions = { fromPosition: oldIndex + 1, toPosition: index + 1 };
    if (!inOrder.has(page.id))
      changes.push({ kind: 'moved', id: page.id, title: page.title, ...positions, changes: details });
    else if (details.length)
      changes.push({ kind: 'changed', id: page.id, title: page.title, ...positions, changes: details });
  });
  from.pages.forEach((page, index) => {
    if (!kept.has(page.id))
      changes.push({ kind: 'removed', id: page.id, title: page.title, fromPosition: index + 1, changes: [] });
  });
  return changes;
}

interface PlacedBlock {
  block: ContentBlock;
  page: Page;
  /** Its type, words and condition: two blocks alike in these are the same block. */
  signature: string;
}

function blocksOf(definition: FormDefinition): PlacedBlock[] {
  return definition.pages.flatMap((page) => {
    const items = [
      ...(page.content ?? []),
      ...(page.questions ?? []).flatMap((item) =>
        isQuestion(item) ? (item.type === 'group' ? item.questions.filter((child) => !isQuestion(child)) : []) : [item],
      ),
    ] as ContentBlock[];
    return items.map((block) => ({
      block,
      page,
      signature: JSON.stringify([block.type, blockText(block), block.showIf ?? null]),
    }));
  });
}

function blockChange(kind: ContentChange['kind'], to: PlacedBlock, from?: PlacedBlock): ContentChange {
  const change: ContentChange = {
    kind,
    pageId: to.page.id,
    pageTitle: to.page.title,
    ...(to.block.id ? { id: to.block.id } : {}),
    blockType: to.block.type,
    text: excerpt(blockText(to.block)),
  };
  if (!from) return change;
  const [wasText, text] = differingExcerpts(blockText(from.block), blockText(to.block));
  if (wasText !== text) Object.assign(change, { text, wasText });
  const [wasShown, nowShown] = [shownWords(from.block.showIf), shownWords(to.block.showIf)];
  if (wasShown !== nowShown) change.shown = { from: wasShown, to: nowShown };
  if (from.page.id !== to.page.id)
    Object.assign(change, { movedFromPageId: from.page.id, movedFromPageTitle: from.page.title });
  if (from.block.type !== to.block.type) change.blockType = `${from.block.type} → ${to.block.type}`;
  return change;
}

/** Text blocks added, removed, moved or changed on the pages both versions have (a page added or removed takes its text with it). */
export function contentChanges(from: FormDefinition, to: FormDefinition): ContentChange[] {
  const [oldBlocks, newBlocks] = [blocksOf(from), blocksOf(to)];
  const changes: ContentChange[] = [];
  // Blocks with an id are the same block wherever they are.
  const oldById = new Map(oldBlocks.flatMap((b) => (b.block.id ? [[b.block.id, b] as const] : [])));
  const newIds = new Set(newBlocks.flatMap((b) => (b.block.id ? [b.block.id] : [])));
  for (const placed of newBlocks) {
    const was = placed.block.id ? oldById.get(placed.block.id) : undefined;
    if (!was) continue;
    const moved = was.page.id !== placed.page.id;
    if (moved || was.signature !== placed.signature)
      changes.push(blockChange(moved ? 'moved' : 'changed', placed, was));
  }
  const pagesInBoth = new Set(from.pages.map((p) => p.id).filter((id) => to.pages.some((p) => p.id === id)));
  const unmatched = (blocks: PlacedBlock[], pageId: string, ids: Set<string> | Map<string, unknown>) =>
    blocks.filter((b) => b.page.id === pageId && !(b.block.id && ids.has(b.block.id)));
  for (const pageId of to.pages.map((p) => p.id).filter((id) => pagesInBoth.has(id))) {
    const steps = alignment(
      unmatched(oldBlocks, pageId, newIds),
      unmatched(newBlocks, pageId, oldById),
      (a, b) => a.signature === b.signature,
    );
    // Between two blocks kept as they were, a block removed and one added of the same type (neither
    // with an id) is one block changed.
    for (let start = 0; start < steps.length; ) {
      let end = start;
      while (end < steps.length && steps[end]!.kind !== 'same') end++;
      const removed = steps.slice(start, end).flatMap((s) => (s.kind === 'removed' ? [s.from] : []));
      for (const step of steps.slice(start, end)) {
        if (step.kind !== 'added') continue;
        const pair = step.to.block.id
          ? -1
          : removed.findIndex((old) => !old.block.id && old.block.type === step.to.block.type);
        changes.push(
          pair < 0 ? blockChange('added', step.to) : blockChange('changed', step.to, removed.splice(pair, 1)[0]),
        );
      }
      for (const old of removed) changes.push(blockChange('removed', old));
      start = end + 1;
    }
  }
  return changes;
}
