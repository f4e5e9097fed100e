/**
 * compileForm: from a definition to a ready Form, checking the definition and compiling its
 * answer schemas with ajv once. Node and the build use this; the browser uses the build's
 * precompiled validators through createForm and never compiles.
 */
import Ajv from 'ajv';
import type { FormDefinition } from '../types.ts';
import { DefinitionError, type DefinitionProblem } from '../errors.ts';
import { definitionSchemaProblems } from '../definition/schema-check.ts';
import { checkDefinition } from '../definition/check.ts';
import { pageAnswersSchema, formAnswersSchema } from './answers-schema.ts';
import { formats } from '../values/formats.ts';
import { Form, type FormOptions, type FormValidators } from '../run/form.ts';
import type { SchemaValidator } from '../run/validate.ts';

/** Every problem with a definition: the schema's first, then the engine's own checks. */
export function definitionProblems(definition: unknown): DefinitionProblem[] {
  const shape = definitionSchemaProblems(definition);
  return shape.length ? shape : checkDefinition(definition as FormDefinition);
}

const quietAboutUnicode = {
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => { if (!String(args[0]).startsWith('DEPRECATED: option unicode')) console.warn(...args); },
  error: (...args: unknown[]) => console.error(...args),
};

/**
 * The ajv set-up for answers, shared by run-time compiling and the standalone build so both
 * produce the same validators. allErrors is safe here only because every answer schema bounds
 * every string and list. Answer schemas use nothing newer than draft-07, whose validators are
 * smaller than 2020-12's (no tracking of evaluated properties).
 */
export function createAnswersAjv(options: ConstructorParameters<typeof Ajv>[0] = {}): Ajv {
  // messages: false: the engine words every message itself, so ajv's English stays out of the browser bundle.
  // unicode: false counts lengths in UTF-16 units, as the browser's maxlength and String.length
  // do, and is several times cheaper than counting code points on every long answer. Ajv calls the
  // option deprecated; its notice about it is the one thing the logger below keeps quiet.
  const ajv = new Ajv({ allErrors: true, strict: true, messages: false, unicode: false, logger: quietAboutUnicode, ...options });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format as never);
  return ajv;
}

const answersAjv = createAnswersAjv();
// Compiled validators by definition text: an edited draft is never served stale validators. Few
// definitions are live at once; the oldest are forgotten past the limit.
const compiled = new Map<string, FormValidators>();
const MAX_COMPILED = 50;

/**
 * Checks a definition and compiles it, once per distinct definition: later calls with the same
 * content reuse the validators. Throws DefinitionError, listing every problem with its pointer,
 * when the definition is not sound.
 */
export function compileForm(definition: FormDefinition, options?: FormOptions): Form {
  const key = JSON.stringify(definition) ?? '';
  let validators = compiled.get(key);
  if (!validators) {
    const problems = definitionProblems(definition);
    if (problems.length) throw new DefinitionError(String((definition as { id?: unknown } | null)?.id ?? '(no id)'), problems);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    validators = {
      form: answersAjv.compile(formAnswersSchema(definition)) as SchemaValidator,
      pages: Object.fromEntries(definition.pages.map((page) => [page.id, answersAjv.compile(pageAnswersSchema(page)) as SchemaValidator])),
    };
    compiled.set(key, validators);
  }
  return new Form(definition, validators, options);
}
