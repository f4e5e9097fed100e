/**
 * /.well-known/jwks.json: the public keys deliveries to the case system are signed with
 * (services/delivery-keys.ts), so the case system checks each signature with no secret of ours.
 * No keys when deliveries are signed with WEBHOOK_SECRET, or not sent.
 */
import { Router } from '@koa/router';
import type { DeliveryKeys } from '../services/delivery-keys.ts';

export function jwksRoutes(keys: DeliveryKeys | undefined) {
  const router = new Router();
  const body = keys?.jwks ?? { keys: [] };
  router.get('/.well-known/jwks.json', (ctx) => {
    // Public, and cached a while: a rotation publishes the new key before it signs anything.
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.type = 'application/jwk-set+json';
    ctx.body = body;
  });
  return router;
}
