/**
 * Converts an asc-forms definition into a SurveyJS survey JSON of the same form, so the benchmark
 * compares the two libraries validating the same questions, conditions and rules. Where SurveyJS
 * has no equivalent (the NHS check digit, dates offset from another answer) the converter gives
 * it the simpler check, which only favours SurveyJS.
 */
import type { Condition, DateRef, FormDefinition, GroupItem, PageItem } from '../engine/index.ts';
import { isQuestion } from '../engine/index.ts';

type Json = Record<string, unknown>;

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value);
}

function dateRef(ref: DateRef, scope: (id: string) => string): string {
  if ('today' in ref) return `today(${ref.offsetDays ?? 0})`;
  return scope(ref.question); // SurveyJS cannot add days to another answer
}

export function expression(condition: Condition, scope: (id: string) => string): string {
  if ('all' in condition) return condition.all.map((part) => `(${expression(part, scope)})`).join(' and ');
  if ('any' in condition) return condition.any.map((part) => `(${expression(part, scope)})`).join(' or ');
  if ('not' in condition) return `!(${expression(condition.not, scope)})`;
  // The forms' text for someone signed in: SurveyJS runs without accounts, so nobody is.
  if ('signedIn' in condition) return condition.signedIn ? 'false' : 'true';
  const q = scope(condition.question);
  if (condition.equals !== undefined) return `${q} = ${literal(condition.equals)}`;
  if (condition.notEquals !== undefined) return `${q} notempty and ${q} <> ${literal(condition.notEquals)}`;
  if (condition.in !== undefined) return `${q} anyof [${condition.in.map(literal).join(', ')}]`;
  if (condition.includes !== undefined) return `${q} contains ${literal(condition.includes)}`;
  if (condition.answered !== undefined) return condition.answered ? `${q} notempty` : `${q} empty`;
  if (condition.before) return `${q} < ${dateRef(condition.before, scope)}`;
  if (condition.after) return `${q} > ${dateRef(condition.after, scope)}`;
  if (condition.onOrBefore) return `${q} <= ${dateRef(condition.onOrBefore, scope)}`;
  return `${q} >= ${dateRef(condition.onOrAfter!, scope)}`;
}

const REGEX = {
  phone: '^(\\+44|0044|0)[\\d\\s()-]{9,14}$',
  postcode: '^[A-Za-z]{1,2}\\d[A-Za-z\\d]?\\s?\\d[A-Za-z]{2}$',
  nhsNumber: '^\\d{3}\\s?\\d{3}\\s?\\d{4}$',
};

function element(item: PageItem | GroupItem, scope: (id: string) => string, inGroup: Set<string>): Json {
  const visibleIf = item.showIf ? { visibleIf: expression(item.showIf, scope) } : {};
  if (!isQuestion(item))
    return {
      type: 'html',
      name: `html${Math.random().toString(36).slice(2)}`,
      html: JSON.stringify(item),
      ...visibleIf,
    };
  const base: Json = { name: item.id, title: item.label, isRequired: item.required === true, ...visibleIf };
  switch (item.type) {
    case 'text':
      return { ...base, type: 'text', maxLength: item.maxLength ?? 200 };
    case 'textarea':
      return { ...base, type: 'comment', maxLength: item.maxLength ?? 5000 };
    case 'email':
      return { ...base, type: 'text', inputType: 'email', validators: [{ type: 'email' }] };
    case 'phone':
      return { ...base, type: 'text', inputType: 'tel', validators: [{ type: 'regex', regex: REGEX.phone }] };
    case 'postcode':
      return { ...base, type: 'text', validators: [{ type: 'regex', regex: REGEX.postcode }] };
    case 'nhsNumber':
      return { ...base, type: 'text', validators: [{ type: 'regex', regex: REGEX.nhsNumber }] };
    case 'time':
      return { ...base, type: 'text', inputType: 'time' };
    case 'number':
      return {
        ...base,
        type: 'text',
        inputType: 'number',
        min: item.min,
        max: item.max,
        validators: [{ type: 'numeric', minValue: item.min, maxValue: item.max }],
      };
    case 'date':
      return {
        ...base,
        type: 'text',
        inputType: 'date',
        validators: (item.rules ?? []).map((rule) => {
          const [op, ref] = rule.before
            ? ['<', rule.before]
            : rule.after
              ? ['>', rule.after]
              : rule.notBefore
                ? ['>=', rule.notBefore]
                : ['<=', rule.notAfter!];
          const compared = `${scope(item.id)} ${op} ${dateRef(ref, scope)}`;
          // As in the engine, a rule waits while the date it compares with has no answer (a worked-out
          // date, which SurveyJS does not work out, never has one).
          const test = 'question' in ref ? `(${scope(ref.question)} empty) or (${compared})` : compared;
          return {
            type: 'expression',
            expression: rule.when ? `!(${expression(rule.when, scope)}) or ${test}` : test,
            text: rule.message,
          };
        }),
      };
    case 'computedDate':
      return { ...base, type: 'expression', isRequired: false, expression: `${scope(item.compute.date)}` };
    case 'yesNo':
      return {
        ...base,
        type: 'radiogroup',
        choices: [
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ],
      };
    case 'radios':
      return { ...base, type: 'radiogroup', choices: item.options.map((o) => ({ value: o.value, text: o.label })) };
    case 'select':
      return { ...base, type: 'dropdown', choices: item.options.map((o) => ({ value: o.value, text: o.label })) };
    case 'checkboxes':
      return {
        ...base,
        type: 'checkbox',
        choices: item.options.map((o) => ({ value: o.value, text: o.label })),
        ...(item.maxItems ? { maxSelectedChoices: item.maxItems } : {}),
      };
    case 'declaration':
      return {
        ...base,
        type: 'boolean',
        renderAs: 'checkbox',
        ...(item.required ? { validators: [{ type: 'expression', expression: `${scope(item.id)} = true` }] } : {}),
      };
    case 'address':
      return {
        ...base,
        type: 'multipletext',
        items: [
          { name: 'line1', isRequired: item.required },
          { name: 'line2' },
          { name: 'town', isRequired: item.required },
          { name: 'county' },
          { name: 'postcode', isRequired: item.required, validators: [{ type: 'regex', regex: REGEX.postcode }] },
        ],
      };
    case 'group': {
      const children = new Set(item.questions.filter(isQuestion).map((child) => (child as { id: string }).id));
      const childScope = (id: string) => (children.has(id) ? `{panel.${id}}` : scope(id));
      return {
        ...base,
        type: 'paneldynamic',
        minPanelCount: item.minItems ?? (item.required ? 1 : 0),
        maxPanelCount: item.maxItems,
        templateElements: item.questions.map((child) => element(child, childScope, inGroup)),
      };
    }
  }
}

/**
 * The definition without the date rules that compare with a worked-out date (computedDate): SurveyJS
 * cannot work a date out from another answer plus days, so it is spared them (which only favours it).
 */
function withoutRulesAgainstWorkedOut(definition: FormDefinition): FormDefinition {
  const copy = structuredClone(definition);
  const questions = copy.pages.flatMap((page) => (page.questions ?? []).filter(isQuestion));
  const workedOut = new Set(questions.filter((q) => q.type === 'computedDate').map((q) => q.id));
  const comparesWithWorkedOut = (rule: object) =>
    Object.values(rule).some(
      (ref) => ref && typeof ref === 'object' && 'question' in ref && workedOut.has(ref.question),
    );
  for (const question of questions)
    if (question.type === 'date' && question.rules)
      question.rules = question.rules.filter((rule) => !comparesWithWorkedOut(rule));
  return copy;
}

/** The SurveyJS JSON for a definition: same pages, questions, conditions, limits and rules. */
export function toSurveyJs(source: FormDefinition): Json {
  const definition = withoutRulesAgainstWorkedOut(source);
  const scope = (id: string) => `{${id}}`;
  return {
    title: definition.title,
    checkErrorsMode: 'onComplete',
    pages: definition.pages.map((page) => ({
      name: page.id,
      title: page.title,
      ...(page.showIf ? { visibleIf: expression(page.showIf, scope) } : {}),
      elements: [...(page.content ?? []), ...(page.questions ?? [])].map((item) => element(item, scope, new Set())),
    })),
  };
}
