/**
 * Checking a definition against definition.schema.json, with each ajv complaint turned into one
 * problem an author can act on, at the pointer of the place to change.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import definitionSchema from './definition.schema.json' with { type: 'json' };
import type { DefinitionProblem } from '../errors.ts';
import { EDITOR_KEYWORDS } from './editor-keywords.ts';
import { describe, meantShape } from './schema-messages.ts';

const ajv = new Ajv2020({
  allErrors: true,
  // Each complaint carries the value and its schema, for the words of schema-messages.ts.
  verbose: true,
  discriminator: true,
  strict: true,
  allowUnionTypes: true,
  strictRequired: false,
});
// Links in a definition's text must be well-formed: a broken href would reach every referrer.
addFormats(ajv, ['uri-reference']);
ajv.addVocabulary(EDITOR_KEYWORDS);
const validateDefinitionShape = ajv.compile(definitionSchema);

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

type Verbose = ErrorObject & { data?: unknown; parentSchema?: { title?: string } };

/** Shapes of which an author means one; when none is evidently meant, one message says what may stand there. */
const UNIONS = ['Condition', 'DateRef', 'RichText', 'InlineText'];

/**
 * A value matching none of several shapes makes ajv list what every shape said: keep only what
 * the shape the author evidently meant says (checked on its own), or else one message.
 */
function meantOnly(errors: Verbose[]): Verbose[] {
  let result = errors;
  const settled: string[] = [];
  const unions = errors
    .filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && UNIONS.includes(e.parentSchema?.title ?? ''))
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const union of unions) {
    const at = union.instancePath;
    if (settled.some((done) => at === done || at.startsWith(`${done}/`))) continue;
    const within = (e: Verbose) => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
    const shape = meantShape(union, definitionSchema.$id);
    const validate = shape ? ajv.getSchema(shape) : undefined;
    if (validate?.(union.data)) continue;
    const said = validate
      ? meantOnly((validate.errors ?? []).map((e) => ({ ...e, instancePath: `${at}${e.instancePath}` })))
      : [union];
    result = result.flatMap((e) => (e === union ? said : within(e) ? [] : [e]));
    settled.push(at);
  }
  return result;
}

function problemsOf(validate: ValidateFunction, data: unknown, hint?: SchemaHint): DefinitionProblem[] {
  if (validate(data)) return [];
  const errors = meantOnly(validate.errors ?? []);
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
