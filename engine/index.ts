/**
 * The engine's public surface for Node: everything in runtime.ts, plus compiling definitions with
 * ajv, checking them, and the schemas and standalone sources the build writes.
 */
export * from './runtime.ts';
export { compileForm, definitionProblems, createAnswersAjv } from './compile.ts';
export { checkDefinition } from './check.ts';
export { definitionSchemaProblems } from './definition-schema.ts';
export { portalProblems } from './portal.ts';
export { standaloneValidatorsSource } from './standalone.ts';
export { pageAnswersSchema, formAnswersSchema, integratorAnswersSchema, draftAnswersSchema, DEFAULT_MAX_LENGTH, type JsonSchema } from './answers-schema.ts';
export { compileDraftCheck, type DraftCheck, type DraftProblem } from './draft-check.ts';
export { buildModel } from './model.ts';
export { formats } from './formats.ts';
export { default as definitionSchema } from './definition.schema.json' with { type: 'json' };
