/**
 * Validating a complete DoLS Form 1 answer set, as the server does for every submission: our
 * compiled form against SurveyJS (survey-core) building its model for the request and validating
 * the same form, converted from our definition, in the same process.
 */
import { Model } from 'survey-core';
import { compileForm, type Answers } from '../engine/index.ts';
import { loadForms, ANSWERS_TODAY } from '../tests/fixtures/forms.ts';
import { toSurveyJs } from './surveyjs-converter.ts';
import { opsPerSecond, format } from './measure.ts';

/**
 * The answers moved on by whole days, every date among them: SurveyJS reads today from the
 * machine's clock and cannot be given another, so the fixture's answers (valid on ANSWERS_TODAY)
 * are moved to today, keeping every date's distance from today and from the others.
 */
function movedToToday(answers: Answers): Answers {
  const today = new Date().toISOString().slice(0, 10);
  const days = Math.round((Date.parse(today) - Date.parse(ANSWERS_TODAY)) / 86_400_000);
  const move = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return new Date(Date.parse(value) + days * 86_400_000).toISOString().slice(0, 10);
    if (Array.isArray(value)) return value.map(move);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v)]));
    return value;
  };
  return move(answers) as Answers;
}

export function benchValidation(formId = 'dols-form-1'): { ours: number; surveyJs: number; ratio: number } {
  const fixture = loadForms().find((f) => f.definition.id === formId);
  if (!fixture) throw new Error(`No form "${formId}" in forms/`);
  const { definition } = fixture;
  const answers = movedToToday(fixture.answers);
  const form = compileForm(definition);
  const surveyJson = toSurveyJs(definition);
  const opts = { today: new Date().toISOString().slice(0, 10) };

  const surveyJsValidates = (data: object) => {
    const model = new Model(surveyJson);
    model.data = data;
    return model.validate(false, false);
  };
  // Both must judge alike, or the race means nothing.
  if (!form.canSubmit(answers, opts) || !surveyJsValidates(answers))
    throw new Error('The complete answers must pass both validators');
  if (form.canSubmit({}, opts) || surveyJsValidates({})) throw new Error('Empty answers must fail both validators');

  const ours = opsPerSecond(() => form.errors(answers, opts));
  const surveyJs = opsPerSecond(() => surveyJsValidates(answers));
  const ratio = ours / surveyJs;
  console.log(`Validating a complete ${definition.title} answer set (${Object.keys(answers).length} answers):`);
  console.log(`  asc-forms engine   ${format(ours).padStart(12)} ops/s`);
  console.log(`  SurveyJS ${'(model per request)'.padEnd(9)} ${format(surveyJs).padStart(12)} ops/s`);
  console.log(`  ratio: asc-forms is ${format(ratio)} times faster (goal: at least 1000)`);
  return { ours, surveyJs, ratio };
}
