/** The description of /healthz and /readyz (routes/health.ts). */
import { anybody, json } from './shared.ts';

const readiness = (status: string) => ({
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { const: status },
    checks: {
      type: 'object',
      description: 'Each part, "ok" or what is wrong with it.',
      required: ['database', 'migrations', 'accepting'],
      properties: { database: { type: 'string' }, migrations: { type: 'string' }, accepting: { type: 'string' } },
    },
  },
});

export const healthApi = {
  paths: {
    '/healthz': {
      get: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Whether the process is alive',
        ...anybody,
        responses: {
          200: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' } } }, 'Alive', {
            status: 'ok',
          }),
        },
      },
    },
    '/readyz': {
      get: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary:
          'Whether the server should be sent requests: its database answers and is up to date, and it is not stopping',
        ...anybody,
        responses: {
          200: json(readiness('ready'), 'Ready', {
            status: 'ready',
            checks: { database: 'ok', migrations: 'ok', accepting: 'ok' },
          }),
          503: json(readiness('not ready'), 'Not ready: the checks say which part', {
            status: 'not ready',
            checks: { database: 'ok', migrations: 'ok', accepting: 'shutting down' },
          }),
        },
      },
    },
  },
};
