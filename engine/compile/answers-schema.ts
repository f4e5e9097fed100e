/**
 * JSON Schemas for answers, built from a definition: one per page (what Next checks) and one for
 * the whole form (what the server checks, and what integrators receive). Every string has a
 * maximum length and every list a maximum count, which is what makes ajv's allErrors safe on
 * untrusted input.
 */
import type { FormDefinition, Page, Question, ChildQuestion } from '../types.ts';
import { childQuestions } from '../run/model.ts';
import { isQuestion } from '../types.ts';
import { ADDRESS_PARTS } from '../run/messages.ts';
import { ADDRESS_PART_MAX, DEFAULT_MAX_LENGTH } from '../definition/limits.ts';

export type JsonSchema = Record<string, unknown>;

function optionValues(question: { options: Array<{ value: string }> }): string[] {
  return question.options.map((option) => option.value);
}

/**
 * What the integrators' schema adds to (or changes in) each answer's schema: a title, the words
 * for what it cannot say, standard patterns for the engine's formats (integrator-schema.ts). The
 * validators go without, since it would only weigh down the browser's code.
 */
export type Dress = (question: Question | ChildQuestion, schema: JsonSchema) => JsonSchema;

/** One answer's schema. */
function answerSchema(question: Question | ChildQuestion, dress?: Dress): JsonSchema {
  const titled = (schema: JsonSchema): JsonSchema => (dress ? dress(question, schema) : schema);
  switch (question.type) {
    case 'text':
    case 'textarea':
      return titled({
        type: 'string',
        maxLength: question.maxLength ?? DEFAULT_MAX_LENGTH[question.type],
        ...(question.minLength ? { minLength: question.minLength } : {}),
      });
    case 'email':
      return titled({ type: 'string', maxLength: 254, format: 'email' });
    case 'phone':
      return titled({ type: 'string', maxLength: 30, format: 'uk-phone' });
    case 'postcode':
      return titled({ type: 'string', maxLength: 10, format: 'uk-postcode' });
    case 'nhsNumber':
      return titled({ type: 'string', maxLength: 20, format: 'nhs-number' });
    case 'time':
      return titled({ type: 'string', maxLength: 5, format: 'time-of-day' });
    case 'date':
    case 'computedDate':
      return titled({ type: 'string', maxLength: 10, format: 'date' });
    case 'number':
      return titled({ type: question.integer ? 'integer' : 'number', minimum: question.min, maximum: question.max });
    case 'yesNo':
      return titled({ type: 'string', enum: ['yes', 'no'] });
    case 'radios':
    case 'select':
      return titled({ type: 'string', enum: optionValues(question) });
    case 'checkboxes':
      return titled({
        type: 'array',
        items: { type: 'string', enum: optionValues(question) },
        uniqueItems: true,
        maxItems: Math.min(question.maxItems ?? question.options.length, question.options.length),
        ...(question.minItems ? { minItems: question.minItems } : {}),
      });
    case 'declaration':
      return titled({ const: true });
    case 'address':
      return titled({
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          Object.keys(ADDRESS_PARTS).map((part) => [
            part,
            part === 'postcode'
              ? { type: 'string', maxLength: 10, format: 'uk-postcode' }
              : { type: 'string', maxLength: ADDRESS_PART_MAX },
          ]),
        ),
      });
    case 'group':
      return titled({
        type: 'array',
        maxItems: question.maxItems,
        ...(question.minItems ? { minItems: question.minItems } : {}),
        items: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(
            childQuestions(question).map((child) => [child.id, answerSchema(child, dress)]),
          ),
        },
      });
  }
}

function objectSchema(questions: Question[], dress?: Dress): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(questions.map((question) => [question.id, answerSchema(question, dress)])),
  };
}

/** The answers on one page. */
export function pageAnswersSchema(page: Page): JsonSchema {
  return objectSchema((page.questions ?? []).filter(isQuestion));
}

/** The answers to the whole form, as the engine validates them (requiredness is checked by the engine, since it depends on conditions). */
export function formAnswersSchema(definition: FormDefinition, dress?: Dress): JsonSchema {
  return objectSchema(
    definition.pages.flatMap((page) => (page.questions ?? []).filter(isQuestion)),
    dress,
  );
}

/**
 * What a draft saved for later may hold: the form's shapes (no unknown question, only the form's
 * options, a list no longer than allowed) but none of the checks Next and Submit make. A half-typed
 * date, an email without its @, a number typed as words or an answer over its limit are kept as
 * typed, for the person to put right when they come back: a save must not lose what they wrote,
 * least of all the save before a timeout. Strings are still bounded, at ten times their limit
 * (and the whole request at 1 MB).
 */
export function draftAnswersSchema(definition: FormDefinition): JsonSchema {
  return loosened(formAnswersSchema(definition));
}

function loosened(schema: JsonSchema): JsonSchema {
  const { format, minLength, minItems, minimum, maximum, ...kept } = schema;
  if (kept.const === true) return { type: 'boolean' };
  if (kept.type === 'number' || kept.type === 'integer') return { type: ['number', 'string'], maxLength: 100 };
  if (kept.type === 'string' && !kept.enum) kept.maxLength = Math.max(10 * Number(kept.maxLength ?? 0), 1000);
  if (kept.properties)
    kept.properties = Object.fromEntries(
      Object.entries(kept.properties as Record<string, JsonSchema>).map(([id, child]) => [id, loosened(child)]),
    );
  if (kept.items) kept.items = loosened(kept.items as JsonSchema);
  // Ticking more boxes than the author allows is for Next to point out; the options bound the list.
  const options = (kept.items as JsonSchema | undefined)?.enum;
  if (kept.type === 'array' && Array.isArray(options)) kept.maxItems = options.length;
  return kept;
}
