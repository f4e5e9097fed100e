/**
 * /api/openapi.json: the API as it stands, for integrators, as one document that needs nothing
 * else (a client generator or linter reads it offline). It grows with the API: each route group's
 * paths and schemas are described in openapi/, beside the shared pieces (openapi/shared.ts); the
 * engine's schemas for definitions and the portal's content are embedded (openapi/embed.ts).
 */
import { readFile } from 'node:fs/promises';
import { Router } from '@koa/router';
import { SERVER_PORTAL_PARTS, type PortalContent } from '../../engine/index.ts';
import { accountApi } from './openapi/account.ts';
import { captchaApi } from './openapi/captcha.ts';
import { deliveryApi } from './openapi/delivery.ts';
import { draftsApi } from './openapi/drafts.ts';
import { embedSchemas } from './openapi/embed.ts';
import { formsApi as formsOf } from './openapi/forms.ts';
import { healthApi } from './openapi/health.ts';
import { securitySchemes, sharedSchemas } from './openapi/shared.ts';
import { withMiddlewareStatuses } from './openapi/statuses.ts';
import { submissionsApi } from './openapi/submissions.ts';
import { staffApi } from './openapi/staff.ts';
import { staffInboxApi } from './openapi/staff-inbox.ts';
import { staffAuditApi } from './openapi/staff-audit.ts';

/** The document, with the engine's schemas as the build has them (the same files /schemas serves) and this portal's content in the examples. */
export async function openApiDocument(buildDir: string, portal: PortalContent): Promise<Record<string, unknown>> {
  const formsApi = formsOf(portal);
  const schema = async (file: string) => JSON.parse(await readFile(`${buildDir}/schemas/${file}`, 'utf8'));
  // The portal's content as its pages are sent it: its schema less the parts only the server reads.
  const serverOnly = new Set<string>(SERVER_PORTAL_PARTS);
  const portalSchema = await schema('contracts/portal.schema.json');
  const portalPagesSchema = {
    ...portalSchema,
    title: 'PortalPages',
    description: `The portal's own words and links, as its pages are sent them: the council, its phone numbers, the home page tiles, the referral and DoLS pages, the notices and the account gate. The server's own parts of forms/portal.json (${SERVER_PORTAL_PARTS.join(', ')}) are not sent.`,
    properties: Object.fromEntries(
      Object.entries(portalSchema.properties as object).filter(([part]) => !serverOnly.has(part)),
    ),
    required: (portalSchema.required as string[]).filter((part) => !serverOnly.has(part)),
  };
  const engineSchemas = embedSchemas([
    { name: 'FormDefinition', schema: await schema('definition/definition.schema.json') },
    { name: 'PortalPages', schema: portalPagesSchema },
  ]);
  return {
    openapi: '3.1.0',
    info: {
      title: 'asc-forms portal API',
      version: '1',
      description:
        "Forms, their definitions, the portal content, the captcha at form start, accounts, forms saved for later and submissions, the council staff's sign-in, their inbox, and the audit log for staff administrators; and (under webhooks) what the case system is sent. Every request that changes something takes JSON and must come from the portal's own site. Definitions follow components.schemas.FormDefinition (also served alone at /schemas/definition.schema.json); the answers of each form version follow its own answers schema, at /api/forms/{formId}/versions/{version}/answers.schema.json.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The portal this document was read from' }],
    tags,
    paths: withMiddlewareStatuses({
      ...healthApi.paths,
      ...deliveryApi.paths,
      ...formsApi.paths,
      ...captchaApi.paths,
      ...accountApi.paths,
      ...submissionsApi.paths,
      ...draftsApi.paths,
      ...staffApi.paths,
      ...staffInboxApi.paths,
      ...staffAuditApi.paths,
    }),
    webhooks: deliveryApi.webhooks,
    components: {
      securitySchemes,
      schemas: {
        ...sharedSchemas,
        ...captchaApi.schemas,
        ...submissionsApi.schemas,
        ...accountApi.schemas,
        ...draftsApi.schemas,
        ...formsApi.schemas,
        ...staffApi.schemas,
        ...staffInboxApi.schemas,
        ...staffAuditApi.schemas,
        ...deliveryApi.schemas,
        ...engineSchemas,
      },
    },
  };
}

const tags = [
  { name: 'health', description: 'Whether the process is alive and ready' },
  { name: 'forms', description: "The portal's content, the forms and their definitions" },
  { name: 'captcha', description: 'The check at form start that the person is not a robot' },
  { name: 'account', description: "A referrer's account: registering, signing in, passwords, the session" },
  { name: 'drafts', description: 'Forms saved for later' },
  { name: 'submissions', description: 'Submitted forms and answers to the council’s questions' },
  { name: 'staff', description: "The council staff's sign-in and session" },
  { name: 'staff-inbox', description: "The triage team's inbox" },
  { name: 'staff-audit', description: 'The audit log, for staff administrators' },
  { name: 'delivery', description: "What the portal sends the council's case system" },
];

const COMPONENT = '#/components/schemas/';

/**
 * A schema of the document's components as a JSON Schema (2020-12) of its own: what it refers to
 * under $defs, so any validator reads it without the OpenAPI document around it.
 */
export function standaloneSchema(document: Record<string, unknown>, name: string) {
  const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
  const defs: Record<string, unknown> = {};
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(COMPONENT)) {
        const [target, ...rest] = inner.slice(COMPONENT.length).split('/');
        if (!(target! in defs)) {
          defs[target!] = {};
          defs[target!] = rewrite(schemas[target!]);
        }
        copy.$ref = ['#/$defs', target, ...rest].join('/');
      } else copy[key] = rewrite(inner);
    }
    return copy;
  };
  const root = rewrite(schemas[name]) as Record<string, unknown>;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...root, $defs: defs };
}

export async function openApiRoutes(buildDir: string, portal: PortalContent): Promise<Router> {
  // Built once: neither the build nor the API changes under a running server.
  const document = await openApiDocument(buildDir, portal);
  const delivery = standaloneSchema(document, 'Delivery');
  const router = new Router();
  router.get('/api/openapi.json', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = document;
  });
  // What a delivery to the case system carries once its signature is checked.
  router.get('/api/delivery.schema.json', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'application/schema+json';
    ctx.body = delivery;
  });
  return router;
}
