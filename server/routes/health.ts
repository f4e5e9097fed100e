/**
 * /healthz: the process is alive (200 while it can answer at all). /readyz: it should be sent
 * requests: the database answers, its migrations are applied and the server is not shutting
 * down; otherwise 503, saying which part is not ready. For load balancers and monitoring.
 */
import { Router } from '@koa/router';

/** Each part's state: "ok", or what is wrong with it. */
export type Readiness = () => Promise<Record<string, string>>;

export function healthRoutes(readiness: Readiness): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const checks = await readiness();
    const ready = Object.values(checks).every((state) => state === 'ok');
    ctx.set('Cache-Control', 'no-store');
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not ready', checks };
  });
  return router;
}
