/** Forms saved for later (signed-in people only, each seeing only their own): list, save, open, delete. */
import { Router } from '@koa/router';
import type { Context } from 'koa';
import type { SessionService } from '../services/sessions.ts';
import type { DraftBody, DraftList, DraftSave, OpenedDraft } from '../../engine/index.ts';
import { notFound, type DraftService } from '../services/drafts.ts';
import { requireSession } from '../http/session-cookie.ts';
import { answersField as answers, bodyOf, text } from '../http/json-body.ts';
import { noStore } from '../http/no-store.ts';

/** The bodies the draft routes take (also published in /api/openapi.json). */
export const draftSchemas = {
  create: {
    type: 'object',
    additionalProperties: false,
    required: ['formId', 'formVersion', 'pageId', 'answers'],
    properties: { formId: text(100), formVersion: { type: 'integer', minimum: 1 }, pageId: text(100), answers },
  },
  update: {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'pageId', 'answers'],
    properties: { version: { type: 'integer', minimum: 1 }, pageId: text(100), answers },
  },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function draftRoutes({ drafts, sessions }: { drafts: DraftService; sessions: SessionService }): Router {
  const router = new Router({ prefix: '/api/drafts' });
  router.use(noStore());
  const userId = async (ctx: Context) => (await requireSession(ctx, sessions)).user.id;
  const draftId = (ctx: Context) => {
    const id = String(ctx.params.id);
    if (!UUID.test(id)) throw notFound();
    return id;
  };

  router.get('/', async (ctx) => {
    ctx.body = { drafts: await drafts.list(await userId(ctx)) } satisfies DraftList;
  });
  router.post('/', async (ctx) => {
    const owner = await userId(ctx);
    const draft = await drafts.create(owner, bodyOf<DraftSave>(ctx, draftSchemas.create));
    ctx.status = 201;
    ctx.set('Location', `/api/drafts/${draft.id}`);
    ctx.body = { draft } satisfies DraftBody;
  });
  router.get('/:id', async (ctx) => {
    ctx.body = { draft: await drafts.open(await userId(ctx), draftId(ctx)) } satisfies DraftBody<OpenedDraft>;
  });
  router.put('/:id', async (ctx) => {
    const owner = await userId(ctx);
    const { version, ...save } = bodyOf<{ version: number } & Omit<DraftSave, 'formId' | 'formVersion'>>(
      ctx,
      draftSchemas.update,
    );
    ctx.body = { draft: await drafts.update(owner, draftId(ctx), version, save) } satisfies DraftBody;
  });
  router.delete('/:id', async (ctx) => {
    await drafts.remove(await userId(ctx), draftId(ctx));
    ctx.status = 204;
  });
  return router;
}
