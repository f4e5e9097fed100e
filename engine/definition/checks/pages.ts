/** The pages: their own ids, progress that never goes down, and a check-answers page last, at 100% and always shown. */
import { isQuestion } from '../../types.ts';
import type { CheckContext } from './context.ts';
import { checkShowIf } from './conditions.ts';

export function checkPages(ctx: CheckContext): void {
  const pages = ctx.definition.pages;
  const seen = new Map<string, number>();
  pages.forEach((page, p) => {
    const pointer = `/pages/${p}`;
    if (seen.has(page.id))
      ctx.problem(
        `${pointer}/id`,
        'duplicate-id',
        `The page id "${page.id}" is already used at /pages/${seen.get(page.id)}. Give each page its own id: it is part of the page's address.`,
      );
    else seen.set(page.id, p);
    const before = pages[p - 1];
    if (before && page.progress < before.progress) {
      ctx.problem(
        `${pointer}/progress`,
        'progress-goes-down',
        `Progress ${page.progress}% is less than the ${before.progress}% of the page before ("${before.id}"). Progress never goes down: use ${before.progress} or more.`,
      );
    }
    const isLast = p === pages.length - 1;
    if (page.kind === 'checkAnswers') {
      if (!isLast)
        ctx.problem(
          `${pointer}/kind`,
          'check-answers-not-last',
          'Only the last page can be the check-answers page. Move this page to the end, or remove "kind".',
        );
      if (page.questions?.some(isQuestion))
        ctx.problem(
          `${pointer}/questions`,
          'questions-on-check-answers',
          'The check-answers page shows the answers: it cannot ask questions. Move them to a page before it.',
        );
      if (page.progress < 100)
        ctx.problem(
          `${pointer}/progress`,
          'check-answers-progress',
          `The check-answers page is the end of the form, so its progress is 100, not ${page.progress}%: write "progress": 100.`,
        );
      if (page.showIf)
        ctx.problem(
          `${pointer}/showIf`,
          'hidden-check-answers',
          'The check-answers page is always shown: remove its "showIf".',
        );
    } else if (isLast) {
      ctx.problem(
        pointer,
        'no-check-answers',
        'The last page must be the check-answers page: add a page with "kind": "checkAnswers" at the end.',
      );
    }
    // The text above the questions: its conditions may name questions of the pages before.
    (page.content ?? []).forEach((block, b) => {
      if (!block.showIf) return;
      const firstPosition = ctx.firstPositionOnPage(p);
      const at = `${pointer}/content/${b}/showIf`;
      checkShowIf(ctx, block.showIf, at, (id) => ctx.topLevelBefore(id, firstPosition), 'This text', true);
    });
    if (page.showIf && p === 0)
      ctx.problem(
        `${pointer}/showIf`,
        'hidden-first-page',
        'The first page is where every form starts, so it is always shown: remove its "showIf".',
      );
    else if (page.showIf) {
      const firstPosition = ctx.firstPositionOnPage(p);
      checkShowIf(
        ctx,
        page.showIf,
        `${pointer}/showIf`,
        (id) => ctx.topLevelBefore(id, firstPosition),
        `The page "${page.id}"`,
      );
    }
  });
}
