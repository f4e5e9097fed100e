/**
 * What changed between two versions of a form and what it means: `diffForms` gives it as data
 * (diff-types.ts), `diffLines` as plain lines for a person to read. `npm run diff-forms` prints
 * them; an author's preview can show them beside the draft.
 */
import type { FormDefinition } from '../types.ts';
import type { DetailChange, DiffOptions, DiffVersion, FormDiff, PageChange, QuestionChange } from './diff-types.ts';
import { questionChanges } from './diff-questions.ts';
import { contentChanges, pageChanges } from './diff-pages.ts';
import { savedFormsImpact } from './diff-saved.ts';
import { integratorImpact } from './diff-schema.ts';
import { quoted, textChange } from './diff-words.ts';

const versionOf = (definition: FormDefinition): DiffVersion => ({
  version: definition.version,
  status: definition.status,
  title: definition.title,
});

function formChanges(from: FormDefinition, to: FormDefinition): DetailChange[] {
  const changes: DetailChange[] = [];
  changes.push(...textChange('title', from.title, to.title));
  if (from.description !== to.description)
    changes.push({
      what: 'description',
      ...(from.description !== undefined ? { from: from.description } : {}),
      ...(to.description !== undefined ? { to: to.description } : {}),
      words: `description: ${from.description ? quoted(from.description) : 'none'} → ${to.description ? quoted(to.description) : 'none'}`,
    });
  const about = (definition: FormDefinition) => definition.aboutPerson?.map((id) => `"${id}"`).join(' and ');
  const [wasAbout, nowAbout] = [about(from), about(to)];
  if (wasAbout !== nowAbout)
    changes.push({
      what: 'aboutPerson',
      ...(wasAbout ? { from: wasAbout } : {}),
      ...(nowAbout ? { to: nowAbout } : {}),
      words: nowAbout
        ? `the person the form is about is named by ${nowAbout}${wasAbout ? ` (was ${wasAbout})` : ''}: saved and sent forms are listed as about them`
        : `the form no longer names the person it is about (was ${wasAbout})`,
    });
  return changes;
}

/** For each page removed, where its questions went: moved to another page, or removed with it. */
function whereQuestionsWent(pages: PageChange[], questions: QuestionChange[]): void {
  for (const page of pages.filter((p) => p.kind === 'removed')) {
    const fromPage = questions.filter((q) =>
      q.kind === 'removed' ? q.place.pageId === page.id : q.movedFrom?.pageId === page.id,
    );
    const byPlace = new Map<string, QuestionChange[]>();
    for (const question of fromPage) {
      const where =
        question.kind === 'removed'
          ? 'removed with it'
          : `moved to page ${quoted(question.place.pageTitle)} (${question.place.pageId})`;
      byPlace.set(where, [...(byPlace.get(where) ?? []), question]);
    }
    for (const [where, moved] of byPlace)
      page.changes.push({
        what: 'questions',
        words: `its question${moved.length === 1 ? '' : 's'} ${moved.map((q) => `"${q.id}"`).join(', ')} ${where}`,
      });
  }
}

/** What changed from `from` to `to`, two sound definitions of one form, and what it means. */
export function diffForms(from: FormDefinition, to: FormDefinition, options: DiffOptions = {}): FormDiff {
  const questions = questionChanges(from, to);
  const pages = pageChanges(from, to);
  whereQuestionsWent(pages, questions);
  return {
    formId: to.id,
    from: versionOf(from),
    to: versionOf(to),
    form: formChanges(from, to),
    pages,
    questions,
    content: contentChanges(from, to),
    savedForms: savedFormsImpact(versionOf(from), versionOf(to), questions, options),
    integrators: integratorImpact(from, to),
  };
}

export { diffLines } from './diff-lines.ts';
export type * from './diff-types.ts';
