/** /healthz: answers 200 while the server can serve, for load balancers and monitoring. */
import { Router } from '@koa/router';

export function healthRoutes(): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  return router;
}
