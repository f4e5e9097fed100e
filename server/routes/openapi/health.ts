/** The description of /healthz (routes/health.ts). */
import { json } from './shared.ts';

export const healthApi = {
  paths: {
    '/healthz': {
      get: {
        summary: 'Whether the server can serve',
        responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Serving') },
      },
    },
  },
};
