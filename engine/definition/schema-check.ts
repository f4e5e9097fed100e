/**
 * Checking a definition against definition.schema.json, with each ajv complaint turned into one
 * problem an author can act on, at the pointer of the place to change.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import definitionSchema from './definition.schema.json' with { type: 'json' };
import type { DefinitionProblem } from '../errors.ts';
import { EDITOR_KEYWORDS } from './editor-keywords.ts';

const ajv = new Ajv2020({
  allErrors: true,
  discriminator: true,
  strict: true,
  allowUnionTypes: true,
  strictRequired: false,
});
// Links in a definition's text must be well-formed: a broken href would reach every referrer.
addFormats(ajv, ['uri-reference']);
ajv.addVocabulary(EDITOR_KEYWORDS);
const validateDefinitionShape = ajv.compile(definitionSchema);

const QUESTION_TYPES = definitionSchema.$defs.pageItem.oneOf.map((ref) =>
  ref.$ref
    .split('/')
    .pop()!
    .replace(/(Question|Block)$/, ''),
);

const PATTERN_HELP: Record<string, string> = {
  questionId: 'Use camelCase: letters and digits, starting with a small letter, like "personDateOfBirth".',
  pageId: 'Use small letters and digits in words joined by hyphens, like "about-the-person".',
  optionValue: 'Use small letters and digits in words joined by hyphens, like "care-home".',
};

function describe(error: ErrorObject): { pointer: string; message: string } | null {
  const at = error.instancePath;
  // biome-ignore lint/suspicious/noExplicitAny: ajv types params per keyword, and each case below reads only its own keyword's
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = params.additionalProperty ?? params.unevaluatedProperty;
      return {
        pointer: `${at}/${name}`,
        message: `"${name}" is not a property this can have. Check its spelling, or remove it (definition.schema.json lists what is allowed).`,
      };
    }
    case 'required':
      // A prefill's oneOf says "exactly one of" once, rather than each branch asking for its own property.
      if (at.endsWith('/prefill') && error.schemaPath.includes('/oneOf/')) return null;
      return { pointer: at, message: `Add "${params.missingProperty}": it is required here.` };
    case 'discriminator':
      return params.error === 'tag'
        ? { pointer: at, message: `Add "type": one of ${QUESTION_TYPES.join(', ')}.` }
        : {
            pointer: `${at}/type`,
            message: `"${params.tagValue}" is not a type that can stand here. Use one of ${QUESTION_TYPES.join(', ')} (a group cannot hold another group).`,
          };
    case 'enum':
      return {
        pointer: at,
        message: `Use one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
      };
    case 'const':
      return { pointer: at, message: `Must be ${JSON.stringify(params.allowedValue)}.` };
    case 'type':
      return {
        pointer: at,
        message: `Must be ${params.type === 'array' ? 'a list' : params.type === 'object' ? 'an object' : `a ${params.type}`}.`,
      };
    case 'format':
      return {
        pointer: at,
        message: `This is not a well-formed ${params.format === 'uri-reference' ? 'link' : params.format}: check it for spaces or stray characters.`,
      };
    case 'pattern': {
      const def = Object.keys(PATTERN_HELP).find((name) => error.schemaPath.includes(`/${name}/`));
      return {
        pointer: at,
        message: def
          ? `This id does not follow the naming rule. ${PATTERN_HELP[def]}`
          : `Does not match the expected form (${params.pattern}).`,
      };
    }
    case 'minimum':
      return { pointer: at, message: `Must be ${params.limit} or more.` };
    case 'maximum':
      return { pointer: at, message: `Must be ${params.limit} or less.` };
    case 'minLength':
      return {
        pointer: at,
        message: params.limit === 1 ? 'Must not be empty.' : `Must be at least ${params.limit} characters long.`,
      };
    case 'maxLength':
      return { pointer: at, message: `Must be ${params.limit} characters or fewer.` };
    case 'minItems':
      return {
        pointer: at,
        message: params.limit === 1 ? 'Must not be an empty list.' : `Must list at least ${params.limit} items.`,
      };
    case 'maxItems':
      return { pointer: at, message: `Must list ${params.limit} items or fewer.` };
    case 'minProperties':
    case 'maxProperties':
      return {
        pointer: at,
        message: at.includes('rules')
          ? 'A date rule needs exactly one of "before", "after", "notBefore" or "notAfter", and a "message".'
          : 'A test needs "question" and exactly one of equals, notEquals, in, includes, answered, before, after, onOrBefore, onOrAfter.',
      };
    case 'anyOf':
    case 'oneOf':
      return {
        pointer: at,
        message: at.endsWith('/prefill')
          ? 'A prefill needs exactly one of "account", "question" or "now" (and may add "when").'
          : at.endsWith('showIf') || at.includes('/showIf/') || at.endsWith('when')
            ? 'This condition is not one the engine knows: use {"all": [...]}, {"any": [...]}, {"not": {...}} or {"question": "id", "equals": ...}.'
            : 'This value does not have any of the forms allowed here (see definition.schema.json).',
      };
    default:
      return { pointer: at, message: error.message ?? 'Not allowed here.' };
  }
}

/** The schema's problems with a definition; empty when it matches. */
export function definitionSchemaProblems(definition: unknown): DefinitionProblem[] {
  return problemsOf(validateDefinitionShape, definition);
}

/**
 * An author's file's own words for some of its schema's problems, in place of the general ones:
 * by the keyword that failed and the pointer of the value (for `required`, of the missing property).
 */
export type SchemaHint = (keyword: string, pointer: string) => string | undefined;

/**
 * The problems with another file an author writes, against its schema compiled beside the
 * definition's: it may refer to the definition's parts by $id, and its problems read the same.
 */
export function compileAuthorSchema(schema: object, hint?: SchemaHint): (data: unknown) => DefinitionProblem[] {
  const validate = ajv.compile(schema);
  return (data) => problemsOf(validate, data, hint);
}

function problemsOf(validate: ValidateFunction, data: unknown, hint?: SchemaHint): DefinitionProblem[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // A failed anyOf/oneOf repeats what its branches said, and a branch of the wrong type ("must be
  // a string" where a list was given) says nothing useful: keep either only when nothing was
  // said deeper inside the same value.
  const saidDeeper = (error: ErrorObject) =>
    errors.some(
      (other) =>
        other !== error &&
        !['anyOf', 'oneOf', 'type'].includes(other.keyword) &&
        other.instancePath.startsWith(`${error.instancePath}/`),
    );
  const specific = errors.filter((error) => !['anyOf', 'oneOf', 'type'].includes(error.keyword) || !saidDeeper(error));
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  for (const error of specific) {
    const described = describe(error);
    if (!described) continue;
    const at =
      error.keyword === 'required' ? `${error.instancePath}/${error.params.missingProperty}` : error.instancePath;
    described.message = hint?.(error.keyword, at) ?? described.message;
    const key = `${described.pointer}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ pointer: described.pointer, code: `schema-${error.keyword}`, message: described.message });
  }
  return problems;
}
