/**
 * The answers schema published for integrators (served beside each form version, written by the
 * build): the engine's answer shapes in standard JSON Schema 2020-12, so that any validator gives
 * the engine's verdict without formats of its own. Each format is its pattern (values/formats.ts,
 * which the engine's checks test too); what no schema can say (an NHS number's check digit, a
 * date against today or another answer, a requirement that depends on other answers) its
 * description says in words. It never refuses answers the engine accepts, as kept and delivered.
 */
import type { ChildQuestion, Condition, FormDefinition, Question } from '../types.ts';
import { buildModel, childQuestions } from '../run/model.ts';
import { formatPatterns, type formats } from '../values/formats.ts';
import { conditionWords } from './condition-words.ts';
import { REQUIRED_ADDRESS_PARTS } from '../run/messages.ts';
import { formAnswersSchema, type JsonSchema } from './answers-schema.ts';

type AnyQuestion = Question | ChildQuestion;
type Format = keyof typeof formats;

/** What a format checks beyond its pattern. */
const BEYOND_PATTERN: Partial<Record<Format, string>> = {
  'nhs-number': "The engine also checks the NHS number's check digit (modulus 11), and refuses 0000000000.",
  date: 'The engine also checks that the date is a real one (no 31 April, 29 February only in a leap year).',
};

/** The schema with each format replaced by its pattern, at any depth. */
function standardKeywords(schema: JsonSchema): JsonSchema {
  const { format, ...kept } = schema;
  if (typeof format === 'string') kept.pattern = formatPatterns[format as Format];
  if (kept.properties)
    kept.properties = Object.fromEntries(
      Object.entries(kept.properties as Record<string, JsonSchema>).map(([id, part]) => [id, standardKeywords(part)]),
    );
  if (kept.items) kept.items = standardKeywords(kept.items as JsonSchema);
  return kept;
}

/** The questions an object of answers always holds: required, asked whatever the other answers, and typed in (not worked out). */
function alwaysRequired(questions: AnyQuestion[], askedWhen?: (question: AnyQuestion) => Condition | undefined) {
  return questions
    .filter((q) => q.required && !q.showIf && !askedWhen?.(q) && q.type !== 'computedDate')
    .map((q) => q.id);
}

/** In words, what the engine checks and this schema cannot say. */
function notes(question: AnyQuestion, schema: JsonSchema, pageCondition?: Condition): string[] {
  const said: string[] = [];
  const beyond = typeof schema.format === 'string' ? BEYOND_PATTERN[schema.format as Format] : undefined;
  if (beyond) said.push(beyond);
  if (question.type === 'computedDate')
    said.push(
      `Worked out by the portal: the date "${question.compute.date}" plus the number of days "${question.compute.addDaysFrom}".`,
    );
  if ((question.type === 'date' || question.type === 'computedDate') && question.rules?.length)
    said.push(
      `The engine also checks it against today or other answers: ${question.rules
        .map((rule) => `"${rule.message}"${rule.when ? ` (when ${conditionWords(rule.when)})` : ''}`)
        .join('; ')}.`,
    );
  const asked = [pageCondition, question.showIf].filter((c): c is Condition => c !== undefined);
  if (asked.length)
    said.push(
      `Asked only when ${asked.map((c) => conditionWords(c, asked.length > 1)).join(' and ')}; absent otherwise.`,
    );
  if (question.required && asked.length && question.type !== 'computedDate')
    said.push('Required whenever it is asked.');
  if (question.requiredWhen) said.push(`Required when ${conditionWords(question.requiredWhen)}.`);
  if (typeof schema.minLength === 'number')
    said.push(
      `The engine requires at least ${schema.minLength} characters, counting as the browser does (an emoji counts as two).`,
    );
  return said;
}

function dressAnswer(question: AnyQuestion, schema: JsonSchema, pageCondition?: Condition): JsonSchema {
  const said = notes(question, schema, pageCondition);
  const dressed: JsonSchema = {
    title: question.summaryLabel ?? question.label,
    ...(said.length ? { description: said.join(' ') } : {}),
    ...standardKeywords(schema),
  };
  // Lengths count code points here and UTF-16 units in the engine: half the engine's minimum is
  // what any answer it accepts reaches.
  if (typeof dressed.minLength === 'number') dressed.minLength = Math.ceil(dressed.minLength / 2);
  if (question.type === 'checkboxes') {
    const alone = question.options.filter((option) => option.exclusive);
    if (alone.length)
      dressed.allOf = alone.map((option) => ({ not: { contains: { const: option.value }, minItems: 2 } }));
  }
  // An address is kept only once a box of it is filled, and then its essential boxes are needed.
  if (question.type === 'address') dressed.required = REQUIRED_ADDRESS_PARTS;
  if (question.type === 'group') {
    const required = alwaysRequired(childQuestions(question));
    if (required.length) dressed.items = { ...(dressed.items as JsonSchema), required };
  }
  return dressed;
}

/** The answers schema published for integrators, with `required` for the questions always asked and mandatory. */
export function integratorAnswersSchema(definition: FormDefinition): JsonSchema {
  const model = buildModel(definition);
  const pageCondition = (question: AnyQuestion) => model.questions.get(question.id)?.page.showIf;
  const topLevel = new Set([...model.questions.values()].map(({ question }) => question));
  const schema = formAnswersSchema(definition, (question, answer) =>
    dressAnswer(question, answer, topLevel.has(question as Question) ? pageCondition(question) : undefined),
  );
  // Through JSON, as it is served: a limit the author left out is no key at all.
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `urn:asc-forms:${definition.id}:v${definition.version}:answers`,
      title: `${definition.title} (version ${definition.version}) answers`,
      description:
        'Answers as the portal keeps and delivers them: by question id, each normalised (trimmed; a postcode in capitals with one space, a phone number as digits from 0, an NHS number as ten digits, a date as YYYY-MM-DD, a time as HH:MM), and a question hidden by a condition absent. Standard JSON Schema 2020-12 with no formats: every rule a pattern can say is a pattern. The engine checks a few more things, which the description of each property says.',
      ...schema,
      required: alwaysRequired([...topLevel], pageCondition),
    }),
  ) as JsonSchema;
}
