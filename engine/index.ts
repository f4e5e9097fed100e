/**
 * The engine's public surface for Node: everything in runtime.ts, plus compiling definitions with
 * ajv, checking them, and the schemas and standalone sources the build writes.
 */
export * from './runtime.ts';
export { compileForm, definitionProblems, createAnswersAjv } from './compile/compile.ts';
export { checkDefinition } from './definition/check.ts';
export { definitionSchemaProblems } from './definition/schema-check.ts';
export { portalProblems } from './contracts/portal.ts';
export { standaloneValidatorsSource } from './compile/standalone.ts';
export { pageAnswersSchema, formAnswersSchema, integratorAnswersSchema, draftAnswersSchema, DEFAULT_MAX_LENGTH, type JsonSchema } from './compile/answers-schema.ts';
export { compileDraftCheck, type DraftCheck, type DraftProblem } from './compile/draft-check.ts';
export { buildModel } from './run/model.ts';
export { formats } from './values/formats.ts';
export { default as definitionSchema } from './definition/definition.schema.json' with { type: 'json' };
