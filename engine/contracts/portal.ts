/**
 * Checking forms/portal.json: its schema, that every form it links to can be started (portal-links.ts), that its time zone
 * is one the runtime knows, its working hours and triage rules (triage/check.ts), and its
 * outcomes (triage/outcomes-check.ts).
 */
import type { DefinitionProblem } from '../errors.ts';
import type { FormDefinition } from '../types.ts';
import { triageProblems } from '../triage/check.ts';
import { outcomeProblems, outcomeSchemaHint } from '../triage/outcomes-check.ts';
import { isTimeZone } from '../values/dates.ts';
import type { PortalContent } from './portal.types.ts';
import { compileAuthorSchema } from '../definition/schema-check.ts';
import { type FormVersionStatus, portalLinkProblems } from './portal-links.ts';
import portalSchema from './portal.schema.json' with { type: 'json' };

// portal.json reuses the definition's text blocks, by reference to that schema's $id.
const portalSchemaProblems = compileAuthorSchema(portalSchema, outcomeSchemaHint);

/**
 * Every problem with the portal's content; `formIds` are the forms that exist, `published` the
 * sound definitions of their published versions (which the triage rules' questions must be in),
 * `versions` every definition file's form, version and status (the tiles must lead to a published
 * form; without them every form named in `formIds` counts as published).
 */
export function portalProblems(
  portal: unknown,
  formIds: string[],
  published: FormDefinition[] = [],
  versions?: FormVersionStatus[],
): DefinitionProblem[] {
  const shape = portalSchemaProblems(portal);
  if (shape.length) return shape;
  const content = portal as PortalContent;
  const problems = portalLinkProblems(
    content,
    versions ?? formIds.map((id) => ({ id, version: 1, status: 'published' })),
  );
  const { timeZone } = content.council;
  if (timeZone !== undefined && !isTimeZone(timeZone))
    problems.push({
      pointer: '/council/timeZone',
      code: 'unknown-time-zone',
      message: `"${timeZone}" is not a time zone this portal knows. Use an IANA time zone such as "Europe/London": a region and a place, not an abbreviation such as GMT or BST (leave timeZone out for Europe/London).`,
    });
  problems.push(...triageProblems(content, formIds, published));
  problems.push(...outcomeProblems(content));
  return problems;
}
