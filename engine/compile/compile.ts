/**
 * compileForm: from a definition to a ready Form, checking the definition and compiling its
 * answer schemas with ajv once. Node and the build use this; the browser uses the build's
 * precompiled validators through createForm and never compiles.
 */
import type { FormDefinition } from '../types.ts';
import { DefinitionError, type DefinitionProblem } from '../errors.ts';
import { definitionSchemaProblems } from '../definition/schema-check.ts';
import { checkDefinition } from '../definition/check.ts';
import { pageAnswersSchema, formAnswersSchema } from './answers-schema.ts';
import { createAnswersAjv } from './answers-ajv.ts';
import { compileShapeCheck, type ShapeCheck } from './shape-check.ts';
import type { FormOptions, FormValidators } from '../run/form.ts';
import { CompiledForm } from './compiled-form.ts';
import type { SchemaValidator } from '../run/validate.ts';

/** Every problem with a definition: the schema's first, then the engine's own checks. */
export function definitionProblems(definition: unknown): DefinitionProblem[] {
  const shape = definitionSchemaProblems(definition);
  return shape.length ? shape : checkDefinition(definition as FormDefinition);
}

const answersAjv = createAnswersAjv();
// Compiled validators by definition text: an edited draft is never served stale validators. Few
// definitions are live at once; the oldest are forgotten past the limit.
const compiled = new Map<string, { validators: FormValidators; shape: ShapeCheck }>();
const MAX_COMPILED = 50;

/**
 * Checks a definition and compiles it, once per distinct definition: later calls with the same
 * content reuse the validators. Throws DefinitionError, listing every problem with its pointer,
 * when the definition is not sound.
 */
export function compileForm(definition: FormDefinition, options?: FormOptions): CompiledForm {
  const key = JSON.stringify(definition) ?? '';
  let entry = compiled.get(key);
  if (!entry) {
    const problems = definitionProblems(definition);
    if (problems.length)
      throw new DefinitionError(String((definition as { id?: unknown } | null)?.id ?? '(no id)'), problems);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    entry = {
      validators: {
        form: answersAjv.compile(formAnswersSchema(definition)) as SchemaValidator,
        pages: Object.fromEntries(
          definition.pages.map((page) => [page.id, answersAjv.compile(pageAnswersSchema(page)) as SchemaValidator]),
        ),
      },
      shape: compileShapeCheck(definition),
    };
    compiled.set(key, entry);
  }
  return new CompiledForm(definition, entry.validators, entry.shape, options);
}
