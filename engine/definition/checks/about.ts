/** The definition's `aboutPerson`: each id a text question of the form, outside any group. */
import type { CheckContext } from './context.ts';

/** The text questions an author most likely meant: those about a name first. */
function suggestions(ctx: CheckContext): string {
  const texts = [...ctx.topLevel.values()].filter((placed) => placed.question.type === 'text');
  const named = texts.filter((placed) => /name/i.test(`${placed.question.id} ${placed.question.label}`));
  const ids = (named.length ? named : texts).slice(0, 4).map((placed) => `"${placed.question.id}"`);
  return ids.length
    ? `Write the id of the text question that holds the person's name, such as ${ids.join(' or ')}, or remove "aboutPerson".`
    : 'The form has no text question to name the person by: add one (its label "Full name", say), or remove "aboutPerson".';
}

export function checkAboutPerson(ctx: CheckContext): void {
  (ctx.definition.aboutPerson ?? []).forEach((id, i) => {
    const pointer = `/aboutPerson/${i}`;
    const placed = ctx.topLevel.get(id);
    if (placed?.question.type === 'text') return;
    const groupId = [...ctx.inGroup].find(([, questions]) => questions.has(id))?.[0];
    const why = placed
      ? `"${id}" is a ${placed.question.type} question, not a text question, so its answer is not a name.`
      : groupId
        ? `"${id}" is inside the group "${groupId}", which can hold many answers, so it cannot name the one person the form is about.`
        : `"aboutPerson" names "${id}", which is not a question of this form.`;
    ctx.problem(pointer, 'bad-about-person', `${why} ${suggestions(ctx)}`);
  });
}
