/** Submitting a form (signed-in people only), the person's own list of what they sent in the last 30 days, and each of those opened again. */
import { Router } from '@koa/router';
import type { SessionService } from '../services/sessions.ts';
import type { SubmissionBody, SubmissionList, SubmitRequest, SubmittedFormBody } from '../../engine/index.ts';
import { notFound, type SubmissionService } from '../services/submissions.ts';
import { requireSession } from '../http/session-cookie.ts';
import { answersField, bodyOf, text } from '../http/json-body.ts';
import { noStore } from '../http/no-store.ts';

/** The body a submission takes (also published in /api/openapi.json). */
export const submissionSchemas = {
  submit: {
    type: 'object',
    additionalProperties: false,
    required: ['formId', 'formVersion', 'answers', 'idempotencyKey'],
    properties: {
      formId: text(100),
      formVersion: { type: 'integer', minimum: 1 },
      answers: answersField,
      idempotencyKey: { type: 'string', minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
      draftId: { type: 'string', maxLength: 36 },
    },
  },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function submissionRoutes({
  submissions,
  sessions,
}: {
  submissions: SubmissionService;
  sessions: SessionService;
}): Router {
  const router = new Router({ prefix: '/api/submissions' });
  router.use(noStore());
  router.post('/', async (ctx) => {
    const { user } = await requireSession(ctx, sessions);
    const { submission, created } = await submissions.submit(
      user,
      bodyOf<SubmitRequest>(ctx, submissionSchemas.submit),
    );
    ctx.status = created ? 201 : 200;
    ctx.body = { submission } satisfies SubmissionBody;
  });
  router.get('/', async (ctx) => {
    const { user } = await requireSession(ctx, sessions);
    ctx.body = { submissions: await submissions.listRecent(user.id) } satisfies SubmissionList;
  });
  router.get('/:submissionId', async (ctx) => {
    const { user } = await requireSession(ctx, sessions);
    const id = String(ctx.params.submissionId);
    if (!UUID.test(id)) throw notFound();
    ctx.body = { submission: await submissions.open(user.id, id) } satisfies SubmittedFormBody;
  });
  return router;
}
