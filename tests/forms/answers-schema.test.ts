/**
 * Each form version's answers schema, as council IT validate deliveries with a validator of their
 * own: @hyperjump/json-schema (JSON Schema 2020-12, formats unchecked, as the specification has
 * it) must accept every answer set the engine accepts, as the portal keeps and delivers it. The
 * answer sets are the complete fixtures and a few hundred mutations of each (answers dropped,
 * changed to other good and bad values of their type or to values of the wrong kind, unknown
 * questions added). The schema may refuse less than the engine (what no schema can say: a check
 * digit, a date against today), never more.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { registerSchema, validate } from '@hyperjump/json-schema/draft-2020-12';
import { BASIC } from '@hyperjump/json-schema/experimental';
import { compileForm, integratorAnswersSchema, type Answers, type FormDefinition } from '../../engine/index.ts';
import { ANSWERS_TODAY, loadDefinition, loadForms } from '../fixtures/forms.ts';
import { answerSetMutation, applyMutations, type Mutation } from '../fixtures/answer-mutations.ts';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const opts = { today: ANSWERS_TODAY };
const RUNS = 400;
const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));

/** Every version of every form in forms/, each with the complete answer set of its form's newest version. */
function everyVersion(): Array<{ definition: FormDefinition; answers: Answers }> {
  return loadForms().flatMap(({ definition: newest, answers }) =>
    readdirSync(`${formsDir}${newest.id}`)
      .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map((n) => ({ definition: loadDefinition(newest.id, Number(n)), answers })),
  );
}

/** Where the schema refused, and why: a pointer into the answers, the keyword, and for `required` the answers missing. */
function where(
  schema: object,
  answers: unknown,
  error: { instanceLocation: string; absoluteKeywordLocation: string; keyword?: string },
): string {
  const at = (root: unknown, pointer: string) =>
    pointer
      .split('/')
      .slice(1)
      .reduce<unknown>(
        (node, key) =>
          (node as Record<string, unknown> | undefined)?.[
            decodeURIComponent(key).replace(/~1/g, '/').replace(/~0/g, '~')
          ],
        root,
      );
  const keywordPointer = error.absoluteKeywordLocation.slice(error.absoluteKeywordLocation.indexOf('#') + 1);
  const keyword = keywordPointer.split('/').pop();
  const instance = at(answers, error.instanceLocation.replace(/^#/, ''));
  const missing =
    keyword === 'required'
      ? ` (missing ${(at(schema, keywordPointer) as string[]).filter((id) => !(instance && typeof instance === 'object' && id in instance)).join(', ')})`
      : '';
  return `${error.instanceLocation || '#'} by ${keywordPointer}${missing}`;
}

const verdicts = suite('answers schema against the engine');

for (const { definition, answers } of everyVersion()) {
  const form = compileForm(definition);
  const schema = integratorAnswersSchema(definition);
  const name = `${definition.id} version ${definition.version}`;
  registerSchema(schema as never, String(schema.$id));
  // An older version starts from the newest one's answers, as far as it asks the same questions.
  const start = form.check(answers, { complete: true, ...opts }).valid ? answers : form.prepare(answers, opts);

  /** The engine's verdict (as on submit) and, where it accepts, the schema's on the answers as kept. */
  const judge = async (sent: unknown): Promise<{ accepted: boolean; refusal?: string }> => {
    const check = form.check(sent, { complete: true, ...opts });
    if (!check.valid) return { accepted: false };
    const output = await validate(String(schema.$id), check.answers as never, BASIC);
    if (output.valid) return { accepted: true };
    const errors = (output.errors ?? []).map((error) => where(schema, check.answers, error));
    return {
      accepted: true,
      refusal: `The engine accepts these answers to ${name}, but its answers schema refuses them at ${errors.join(', ')}.\nAnswers as kept: ${JSON.stringify(check.answers)}`,
    };
  };

  verdicts(`${name}: the schema should accept the complete answers the engine accepts`, async () => {
    const { accepted, refusal } = await judge(start);
    assert.ok(
      accepted,
      `The engine should accept the complete answers to ${name}: ${JSON.stringify(form.check(start, { complete: true, ...opts }).problems)}`,
    );
    assert.not.ok(refusal, refusal);
  });

  verdicts(`${name}: the schema should accept every mutated answer set the engine accepts`, async () => {
    let accepted = 0;
    const result = await fc.check(
      fc.asyncProperty(answerSetMutation(), async (mutations: Mutation[]) => {
        const verdict = await judge(applyMutations(definition, start, mutations));
        if (verdict.accepted) accepted++;
        if (verdict.refusal) throw new Error(verdict.refusal);
      }),
      { numRuns: RUNS, seed: 20261124 + definition.version, endOnFailure: true },
    );
    if (result.failed)
      assert.unreachable(
        `${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}\n(fast-check seed ${result.seed}, path ${result.counterexamplePath})`,
      );
    // The comparison means something only if the engine accepts a fair share of the mutations.
    assert.ok(accepted >= RUNS / 10, `${name}: the engine accepted only ${accepted} of ${RUNS} mutated answer sets`);
  });
}

verdicts.run();
