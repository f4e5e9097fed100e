/**
 * Validating a complete DoLS Form 1 answer set, as the server does for every submission: the
 * request body's schema (server/http/json-body.ts) and the form's check of the answers (shape,
 * prepare and errors: CompiledForm.check, as server/services/submissions.ts calls it), against
 * SurveyJS (survey-core) building its model for the request and validating the same form,
 * converted from our definition, in the same process. `form.errors()` alone is printed beside it.
 */
import type { Context } from 'koa';
import { Model } from 'survey-core';
import { compileForm, type Answers } from '../engine/index.ts';
import { bodyOf } from '../server/http/json-body.ts';
import { submissionSchemas } from '../server/routes/submissions.ts';
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

/** Each function's operations per second, measured in short turns one after another: the median turn of each. */
function inTurns(runs: Array<() => unknown>, turns = 5): number[] {
  const measured = runs.map(() => [] as number[]);
  for (let turn = 0; turn < turns; turn++)
    runs.forEach((run, i) => measured[i]!.push(opsPerSecond(run, { warmupMs: 100, measureMs: 400 })));
  return measured.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
}

export function benchValidation(formId = 'dols-form-1'): {
  ours: number;
  errorsAlone: number;
  surveyJs: number;
  ratio: number;
} {
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

  // What the server runs on each submission before anything is stored: the body's schema, then
  // the form's check of the answers, complete as Submit requires.
  const request = { formId, formVersion: definition.version, answers, idempotencyKey: 'bench-0123456789abcdef' };
  const serverChecks = () => {
    const body = bodyOf<typeof request>({ request: { body: request } } as unknown as Context, submissionSchemas.submit);
    return form.check(body.answers, { ...opts, complete: true });
  };
  if (!serverChecks().valid) throw new Error('The server must accept the complete answers');

  // In turns, so that a machine busy with something else slows all three alike.
  const [ours = 0, errorsAlone = 0, surveyJs = 0] = inTurns([
    serverChecks,
    () => form.errors(answers, opts),
    () => surveyJsValidates(answers),
  ]);
  const ratio = ours / surveyJs;
  const times = (ops: number) => `${format(ops / surveyJs)} times SurveyJS`;
  console.log(`Validating a complete ${definition.title} answer set (${Object.keys(answers).length} answers):`);
  console.log(`  asc-forms, as the server submits ${format(ours).padStart(12)} ops/s  ${times(ours)}`);
  console.log(`    (body schema, shape check, prepare and errors)`);
  console.log(`  asc-forms, form.errors() alone  ${format(errorsAlone).padStart(12)} ops/s  ${times(errorsAlone)}`);
  console.log(`  SurveyJS (model per request)    ${format(surveyJs).padStart(12)} ops/s  1`);
  console.log(`  ratio: the server's check is ${format(ratio)} times faster than SurveyJS (goal: at least 1000)`);
  return { ours, errorsAlone, surveyJs, ratio };
}
