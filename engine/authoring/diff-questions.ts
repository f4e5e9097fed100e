/**
 * Questions matched by id across two versions of a form (ids are unique in the whole form, in
 * groups too): added, removed, moved to another page or group, and what changed in each.
 */
import type { ChildQuestion, Condition, FormDefinition, Option, Question } from '../types.ts';
import { isQuestion } from '../types.ts';
import { childQuestions } from '../run/model.ts';
import { conditionWords } from '../compile/condition-words.ts';
import { DEFAULT_MAX_LENGTH } from '../definition/limits.ts';
import type { DetailChange, QuestionChange, QuestionPlace } from './diff-types.ts';
import {
  askedWords,
  limitValue,
  prefillWords,
  quoted,
  requirementWords,
  ruleWords,
  textChange,
  typeWords,
} from './diff-words.ts';

type AnyQuestion = Question | ChildQuestion;
type Placed = { question: AnyQuestion; place: QuestionPlace; pageCondition?: Condition };

/** Every question of the form by id, groups' own questions too, with where each is. */
export function placedQuestions(definition: FormDefinition): Map<string, Placed> {
  const found = new Map<string, Placed>();
  for (const page of definition.pages)
    for (const question of (page.questions ?? []).filter(isQuestion)) {
      const place = { pageId: page.id, pageTitle: page.title };
      const pageCondition = page.showIf ? { pageCondition: page.showIf } : {};
      if (!found.has(question.id)) found.set(question.id, { question, place, ...pageCondition });
      if (question.type === 'group')
        for (const child of childQuestions(question))
          if (!found.has(child.id))
            found.set(child.id, { question: child, place: { ...place, groupId: question.id }, ...pageCondition });
    }
  return found;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A property said in words before and after: a change when the words differ. */
function wordsChange(what: string, from: string, to: string, label = what): DetailChange[] {
  return from === to ? [] : [{ what, from, to, words: `${label}: ${from} → ${to}` }];
}

function optionChanges(from: Option[], to: Option[]): DetailChange[] {
  const changes: DetailChange[] = [];
  const old = new Map(from.map((option) => [option.value, option]));
  const now = new Map(to.map((option) => [option.value, option]));
  for (const option of from)
    if (!now.has(option.value))
      changes.push({
        what: 'option-removed',
        from: option.value,
        words: `option removed: "${option.value}" (${quoted(option.label)})`,
      });
  for (const option of to) {
    const was = old.get(option.value);
    if (!was) {
      changes.push({
        what: 'option-added',
        to: option.value,
        words: `option added: "${option.value}" (${quoted(option.label)})`,
      });
      continue;
    }
    if (was.label !== option.label)
      changes.push({
        what: 'option-relabelled',
        from: was.label,
        to: option.label,
        words: `option "${option.value}" relabelled: ${quoted(was.label)} → ${quoted(option.label)}`,
      });
    for (const change of textChange('hint', was.hint, option.hint))
      changes.push({ ...change, what: 'option-hint', words: `option "${option.value}" ${change.words}` });
    if (Boolean(was.exclusive) !== Boolean(option.exclusive))
      changes.push({
        what: 'option-exclusive',
        words: `option "${option.value}" ${option.exclusive ? 'is now chosen alone ("none of these")' : 'can now be chosen with others'}`,
      });
  }
  const kept = (options: Option[], other: Map<string, Option>) =>
    options.filter((option) => other.has(option.value)).map((option) => option.value);
  if (!same(kept(from, now), kept(to, old)))
    changes.push({ what: 'options-order', words: 'options put in another order' });
  return changes;
}

/** The limits on the answer an author sets, by type, with the engine's default where it has one. */
function limitsOf(question: AnyQuestion): Record<string, string> {
  switch (question.type) {
    case 'text':
    case 'textarea':
      return {
        'longest answer (characters)': limitValue(question.maxLength, `${DEFAULT_MAX_LENGTH[question.type]}`),
        'shortest answer (characters)': limitValue(question.minLength),
      };
    case 'number':
      return {
        smallest: String(question.min),
        largest: String(question.max),
        'whole numbers only': question.integer ? 'yes' : 'no',
      };
    case 'checkboxes':
      return { 'fewest ticked': limitValue(question.minItems), 'most ticked': limitValue(question.maxItems, 'all') };
    case 'group':
      return { 'fewest items': limitValue(question.minItems, '0'), 'most items': String(question.maxItems) };
    default:
      return {};
  }
}

/** The properties compared one by one below; any other that differs is listed by name. */
const COMPARED = new Set([
  'id',
  'type',
  'label',
  'hint',
  'subject',
  'summaryLabel',
  'required',
  'requiredWhen',
  'showIf',
  'prefill',
  'options',
  'maxLength',
  'minLength',
  'min',
  'max',
  'integer',
  'minItems',
  'maxItems',
  'rules',
  'compute',
  'messages',
  'sensitive',
  'questions',
]);

/** What changed in one question kept from one version to the next (its place aside). */
export function questionDetailChanges(from: AnyQuestion, to: AnyQuestion): DetailChange[] {
  const changes: DetailChange[] = [];
  if (from.type !== to.type)
    changes.push({
      what: 'type',
      from: from.type,
      to: to.type,
      words: `type: ${typeWords(from.type)} → ${typeWords(to.type)}`,
    });
  changes.push(...textChange('label', from.label, to.label));
  changes.push(...textChange('hint', from.hint, to.hint));
  changes.push(...textChange('subject', from.subject, to.subject));
  changes.push(...textChange('summary label', from.summaryLabel, to.summaryLabel));
  changes.push(...wordsChange('required', requirementWords(from), requirementWords(to)));
  changes.push(...wordsChange('showIf', askedWords(from), askedWords(to), 'when it is asked'));
  changes.push(...wordsChange('prefill', prefillWords(from) ?? 'not filled in', prefillWords(to) ?? 'not filled in'));
  if ('options' in from && 'options' in to) changes.push(...optionChanges(from.options, to.options));
  const [oldLimits, newLimits] = [limitsOf(from), limitsOf(to)];
  for (const [limit, value] of Object.entries(newLimits))
    if (limit in oldLimits) changes.push(...wordsChange('limit', oldLimits[limit]!, value, limit));
  const rulesOf = (q: AnyQuestion) => ('rules' in q ? (q.rules ?? []) : []).map(ruleWords);
  const [oldRules, newRules] = [rulesOf(from), rulesOf(to)];
  for (const rule of oldRules.filter((r) => !newRules.includes(r)))
    changes.push({ what: 'rule-removed', from: rule, words: `date rule removed: ${rule}` });
  for (const rule of newRules.filter((r) => !oldRules.includes(r)))
    changes.push({ what: 'rule-added', to: rule, words: `date rule added: ${rule}` });
  if (from.type === 'computedDate' && to.type === 'computedDate' && !same(from.compute, to.compute))
    changes.push({
      what: 'compute',
      words: `worked out from "${from.compute.date}" plus "${from.compute.addDaysFrom}" days → from "${to.compute.date}" plus "${to.compute.addDaysFrom}" days`,
    });
  const messageKeys = [...new Set([...Object.keys(from.messages ?? {}), ...Object.keys(to.messages ?? {})])];
  for (const key of messageKeys) {
    const [was, now] = [
      from.messages?.[key as never] as string | undefined,
      to.messages?.[key as never] as string | undefined,
    ];
    changes.push(...textChange(`${key} message`, was, now).map((change) => ({ ...change, what: 'messages' })));
  }
  if (Boolean(from.sensitive) !== Boolean(to.sensitive))
    changes.push({
      what: 'sensitive',
      words: to.sensitive
        ? 'now sensitive: never shown on check your answers, in print or in email'
        : 'no longer sensitive: shown on check your answers, in print and in email',
    });
  const others = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter(
    (key) => !COMPARED.has(key) && !same(from[key as keyof AnyQuestion], to[key as keyof AnyQuestion]),
  );
  for (const key of others)
    changes.push({
      what: key,
      words: `${key}: ${JSON.stringify(from[key as keyof AnyQuestion]) ?? 'not set'} → ${JSON.stringify(to[key as keyof AnyQuestion]) ?? 'not set'}`,
    });
  return changes;
}

const placeOf = (place: QuestionPlace) => `${place.pageId}${place.groupId ? `/${place.groupId}` : ''}`;

/** The questions added, removed, moved or changed, in the newer version's order (removed ones last, in the older one's). */
export function questionChanges(from: FormDefinition, to: FormDefinition): QuestionChange[] {
  const [old, now] = [placedQuestions(from), placedQuestions(to)];
  const changes: QuestionChange[] = [];
  for (const [id, { question, place, pageCondition }] of now) {
    const base = { id, label: question.label, type: question.type, place };
    const was = old.get(id);
    if (!was) {
      const asked = [
        requirementWords(question),
        askedWords(question),
        pageCondition ? `its page is shown only when ${conditionWords(pageCondition)}` : '',
        prefillWords(question) ?? '',
      ];
      changes.push({ kind: 'added', ...base, asked: asked.filter(Boolean), changes: [] });
      continue;
    }
    const details = questionDetailChanges(was.question, question);
    if (placeOf(was.place) !== placeOf(place))
      changes.push({ kind: 'moved', ...base, movedFrom: was.place, changes: details });
    else if (details.length) changes.push({ kind: 'changed', ...base, changes: details });
  }
  for (const [id, { question, place }] of old)
    if (!now.has(id))
      changes.push({ kind: 'removed', id, label: question.label, type: question.type, place, changes: [] });
  return changes;
}
