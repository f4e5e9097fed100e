/**
 * Source code of a module holding a form version's page validators, compiled ahead of time by
 * ajv, so the browser validates without compiling a schema (and so without 'unsafe-eval').
 * The build bundles it with esbuild: ajv's standalone output still contains require() calls.
 */
import standaloneCode from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import type { FormDefinition } from '../types.ts';
import { pageAnswersSchema } from './answers-schema.ts';
import { createAnswersAjv } from './answers-ajv.ts';
import { pageExportName } from '../run/form.ts';

/**
 * ESM source exporting page0, page1, ... (one per page, in order). `formatsModule` is the path
 * the generated code requires for the engine's formats object.
 */
export function standaloneValidatorsSource(definition: FormDefinition, formatsModule: string): string {
  const ajv = createAnswersAjv({ code: { source: true, esm: true, formats: _`require(${formatsModule}).formats` } });
  const exports: Record<string, string> = {};
  definition.pages.forEach((page, index) => {
    const id = `urn:asc-forms:${definition.id}:v${definition.version}:page:${page.id}`;
    ajv.addSchema({ $id: id, ...pageAnswersSchema(page) });
    exports[pageExportName(index)] = id;
  });
  // Each error ajv reports carries the schema's path, and details the engine never reads: it
  // words messages from the answer's path, the keyword and, for limits, the limit. An option
  // error's list of options also makes the module carry a copy of every page's schema. Left out,
  // the module is a quarter smaller. They are cut only where ajv writes them, in an error object,
  // between its neighbours there; the limits (maxLength, minimum, …) are kept.
  return standaloneCode(ajv, exports)
    .replace(/(instancePath(?::[^,{}]*)?,\s*)schemaPath:\s*"[^"\\]*",\s*(?=keyword:)/g, '$1')
    .replace(
      /(keyword:\s*"(?:type|format|enum|const|additionalProperties|uniqueItems)",\s*)params:\s*\{[^{}]*\}/g,
      '$1params:{}',
    );
}
