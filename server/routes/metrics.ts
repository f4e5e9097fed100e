/**
 * /metrics, never in public: on the main port only with METRICS_TOKEN, for
 * `Authorization: Bearer <METRICS_TOKEN>` (anything else is a 401 with no metric in it); or on a
 * port of its own (METRICS_PORT, started by main.ts), which the council keeps inside its network.
 * With neither, /metrics on the main port is nothing, like any unknown address.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Router } from '@koa/router';
import type { Metrics } from '../services/metrics.ts';
import type { Logger } from '../services/log.ts';
import { UnauthorisedError } from '../services/errors.ts';

// Compared as digests, so the comparison takes as long whatever the token's length.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** /metrics on the main port, for the bearer of `token`. */
export function metricsRoutes(metrics: Metrics, token: string): Router {
  const expected = digest(`Bearer ${token}`);
  const router = new Router();
  router.get('/metrics', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    if (!timingSafeEqual(digest(ctx.get('Authorization')), expected)) {
      ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorisedError('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
    }
    ctx.type = metrics.contentType;
    ctx.body = await metrics.text();
  });
  return router;
}

/** The listener of METRICS_PORT: GET /metrics and nothing else, for anyone who can reach the port. */
export function metricsServer(metrics: Metrics, log: Logger): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is here.\n');
      return;
    }
    metrics.text().then(
      (text) => response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(text),
      (error: unknown) => {
        log.error({ err: error }, 'The metrics could not be read.');
        response
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end('The metrics could not be read.\n');
      },
    );
  });
}
