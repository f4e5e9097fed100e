/** The description of /healthz and /readyz (routes/health.ts). */
import { json } from './shared.ts';

const readiness = (status: string) => ({
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { const: status },
    checks: {
      type: 'object',
      description: 'Each part, "ok" or what is wrong with it.',
      properties: { database: { type: 'string' }, migrations: { type: 'string' }, accepting: { type: 'string' } },
    },
  },
});

export const healthApi = {
  paths: {
    '/healthz': {
      get: {
        summary: 'Whether the process is alive',
        responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Alive') },
      },
    },
    '/readyz': {
      get: {
        summary:
          'Whether the server should be sent requests: its database answers and is up to date, and it is not stopping',
        responses: {
          200: json(readiness('ready'), 'Ready'),
          503: json(readiness('not ready'), 'Not ready: the checks say which part'),
        },
      },
    },
  },
};
