/**
 * What a newer version means for forms saved on the older one, as the portal treats versions
 * (docs/definition-format.md, "status"): a saved form carries on on the version it was started
 * on, checked against that version's questions, while a retired version takes no new forms; a
 * form refused on a retired version is offered the current one, which keeps the answers to the
 * questions it asks by the same id.
 */
import type { DiffOptions, DiffVersion, QuestionChange, SavedFormsImpact } from './diff-types.ts';

/** Changes after which an answer kept by id may not fit the newer question. */
const MAY_NOT_FIT = new Set(['type', 'option-removed', 'limit', 'rule-added', 'option-exclusive']);

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const listed = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ');

export function savedFormsImpact(
  from: DiffVersion,
  to: DiffVersion,
  questions: QuestionChange[],
  options: DiffOptions = {},
): SavedFormsImpact {
  const answersDropped = questions.filter((q) => q.kind === 'removed').map((q) => q.id);
  const answersToCheck = questions
    .filter((q) => q.kind !== 'removed' && q.changes.some((change) => MAY_NOT_FIT.has(change.what)))
    .map((q) => q.id);
  const added = questions.filter((q) => q.kind === 'added').length;
  const [n, m] = [`version ${from.version}`, `version ${to.version}`];
  const lines: string[] = [];
  const impact = (canFinish: boolean, takesNewForms: boolean): SavedFormsImpact => ({
    canFinish,
    takesNewForms,
    answersDropped,
    answersToCheck,
    lines,
  });

  if (from.version >= to.version) {
    lines.push(`Version ${from.version} is not older than ${m}, so nothing is said here about forms saved on it.`);
    return impact(from.status !== 'draft', from.status === 'published');
  }
  if (from.status === 'draft') {
    lines.push(`Version ${from.version} is a draft and was never offered, so nobody has a form saved on it.`);
    return impact(true, false);
  }
  if (to.status === 'draft')
    lines.push(
      `Version ${to.version} is a draft: the portal does not offer it, so nothing changes for anyone until it is published. Once it is, and ${n} is retired:`,
    );
  const expiry = options.savedFormDays
    ? `their saved copy expires, ${options.savedFormDays} days after its last save`
    : 'their saved copy expires';
  lines.push(
    `Forms saved on ${n} can still be finished: they carry on on ${n}, and can be opened, saved and sent until they are sent or ${expiry}.`,
  );
  lines.push(
    `They are checked against ${n}'s questions, not ${m}'s${[
      added ? `: they are not asked the ${added === 1 ? 'question' : `${added} questions`} ${m} adds` : '',
      answersDropped.length
        ? `${added ? ', and' : ':'} they keep their answers to the ${plural(answersDropped.length, 'question')} ${m} no longer asks`
        : '',
    ].join('')}. The case system receives them as ${n} answers.`,
  );
  lines.push(
    `Keep v${from.version}.json in the form's folder while any such form may be saved: the portal needs it to open and send them.`,
  );
  const takesNewForms = from.status === 'published';
  if (from.status === 'retired')
    lines.push(
      `${capital(n)} is retired, so no new form can be started on it: someone who opens it afresh is told it has been replaced and offered ${m}.`,
    );
  else if (to.status !== 'draft')
    lines.push(
      `${capital(n)} is still published: new forms are offered ${m}, but ${n} still takes a new form opened by its number (a council's page with <asc-form version="${from.version}">, say). Set its "status" to "retired" to stop that.`,
    );
  const dropped = answersDropped.length ? ` Their answers to ${listed(answersDropped)} are dropped.` : '';
  const toCheck = answersToCheck.length
    ? ` Their answers to ${listed(answersToCheck)} are kept but may no longer fit ${m}'s questions, so the person must check them.`
    : '';
  lines.push(
    `Someone who had ${n} open without saving it is refused at Save or Submit${from.status === 'retired' ? '' : ' once it is retired'}, and offered ${m}, which keeps their answers to the questions it asks by the same id.${dropped}${toCheck}`,
  );
  return impact(true, takesNewForms);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
