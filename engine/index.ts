/**
 * The engine's public surface for Node: everything in runtime.ts, plus compiling definitions with
 * ajv, checking them and the portal's content, and what the build writes (standalone validators,
 * the answers schemas published for integrators).
 */
export * from './runtime.ts';
export { compileForm, definitionProblems } from './compile/compile.ts';
export type { CompiledForm } from './compile/compiled-form.ts';
export { portalProblems } from './contracts/portal.ts';
export { PORTAL_SCREENS, SERVER_PORTAL_PARTS } from './contracts/portal-api.ts';
export { PAGE_DATA, PAGE_STYLE, type FormOnPage } from './contracts/page-data.ts';
export { openingDefinition } from './run/opening.ts';
export type { FormVersionStatus } from './contracts/portal-links.ts';
export { standaloneValidatorsSource } from './compile/standalone.ts';
export { integratorAnswersSchema } from './compile/integrator-schema.ts';
// What changed between two versions of a form, and what it means for saved forms and integrators.
export { diffForms, diffLines } from './authoring/diff.ts';
export type { FormDiff, DiffOptions } from './authoring/diff-types.ts';
// The authors' preview: answers that open any page of a form.
export { answersToReach, pagesToReach, type PageReach } from './run/reach.ts';
export { isEmail } from './values/formats.ts';
export { isTimeZone } from './values/dates.ts';
// The triage clock: urgency and deadlines of a submitted form, by portal.json's rules.
export { compareTriage, triageAt, triageFactsOf, triageOf, workingCalendarOf } from './triage/evaluate.ts';
export type { PreparesAnswers, TriageFacts, TriageInput } from './triage/evaluate.ts';
export { triageProblems } from './triage/check.ts';
export { outcomeProblems } from './triage/outcomes-check.ts';
export { addWorkingHours, isWorkingTime } from './values/working-hours.ts';
export { endOfDay, instantOnClock } from './values/zoned-time.ts';
export type { OpeningHours, WorkingCalendar } from './values/working-hours.ts';
// What compileForm throws when a definition is not sound.
export { DefinitionError } from './errors.ts';
// A form version's flow for its authors: the model, and it drawn as SVG and said in Markdown.
export { formFlow } from './flow/model.ts';
export type { FlowCondition, FlowGroup, FlowItem, FlowModel, FlowPage } from './flow/model.ts';
export { flowSvg } from './flow/svg.ts';
export { flowMarkdown } from './flow/text.ts';
