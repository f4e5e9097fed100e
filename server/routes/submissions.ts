/** Submitting a form (signed-in people only), the person's own list of what they sent in the last 30 days, each of those opened again, and their answer to the council's question on one. */
import { Router } from '@koa/router';
import type { SessionService } from '../services/sessions.ts';
import {
  REPLY_MAX_LENGTH,
  type ReplyRequest,
  type SubmissionBody,
  type SubmissionList,
  type SubmitRequest,
  type SubmittedFormBody,
} from '../../engine/index.ts';
import { notFound, type SubmissionService } from '../services/submissions.ts';
import type { ReferrerReplies } from '../services/referrer-replies.ts';
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
  // Bounded above the answer's own limit, so an answer a little too long is told as a field to shorten.
  reply: {
    type: 'object',
    additionalProperties: false,
    required: ['text'],
    properties: { text: text(2 * REPLY_MAX_LENGTH) },
  },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function submissionRoutes({
  submissions,
  replies,
  sessions,
}: {
  submissions: SubmissionService;
  replies: ReferrerReplies;
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
  router.post('/:submissionId/replies', async (ctx) => {
    const { user } = await requireSession(ctx, sessions);
    const id = String(ctx.params.submissionId);
    if (!UUID.test(id)) throw notFound();
    await replies.reply(user, id, bodyOf<ReplyRequest>(ctx, submissionSchemas.reply).text, ctx.ip);
    ctx.status = 204;
  });
  return router;
}
