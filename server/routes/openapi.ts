/**
 * /api/openapi.json: the API as it stands, for integrators. It grows with the API: each route
 * group's paths and schemas are described in openapi/, beside the shared pieces (openapi/shared.ts).
 */
import { Router } from '@koa/router';
import { accountApi } from './openapi/account.ts';
import { captchaApi } from './openapi/captcha.ts';
import { deliveryApi } from './openapi/delivery.ts';
import { draftsApi } from './openapi/drafts.ts';
import { formsApi } from './openapi/forms.ts';
import { healthApi } from './openapi/health.ts';
import { sharedSchemas } from './openapi/shared.ts';
import { submissionsApi } from './openapi/submissions.ts';
import { staffApi } from './openapi/staff.ts';
import { staffInboxApi } from './openapi/staff-inbox.ts';
import { staffAuditApi } from './openapi/staff-audit.ts';

const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'asc-forms portal API',
    version: '1',
    description:
      "Forms, their definitions, the portal content, the captcha at form start, accounts, forms saved for later and submissions, the council staff's sign-in, their inbox, and the audit log for staff administrators; and (under webhooks) what the case system is sent. Every request that changes something takes JSON and must come from the portal's own site. Definitions follow /schemas/definition.schema.json; the answers of each form version follow its answers schema.",
  },
  paths: {
    ...healthApi.paths,
    ...formsApi.paths,
    ...captchaApi.paths,
    ...accountApi.paths,
    ...submissionsApi.paths,
    ...draftsApi.paths,
    ...staffApi.paths,
    ...staffInboxApi.paths,
    ...staffAuditApi.paths,
  },
  webhooks: deliveryApi.webhooks,
  components: {
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
    },
  },
};

export function openApiRoutes(): Router {
  const router = new Router();
  router.get('/api/openapi.json', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = openApiDocument;
  });
  return router;
}
