/**
 * The answers the middleware in front of every route can give (server/app.ts): a request that
 * changes something is refused from another site (same-origin.ts, 403) and, with a body, when it
 * is not JSON, not an object or too large (json-body.ts, 400, 413, 415); a body sent compressed
 * is refused whatever the method (415), /healthz too; and any API route can fail on our side
 * (errors.ts, 500). Each operation's description gets those it lacks.
 */
import { refusal } from './shared.ts';

type Operation = { responses: Record<string, unknown> };

const WITH_BODY = new Set(['post', 'put', 'patch']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const crossSite = refusal(
  'Sent from another site (Origin or Sec-Fetch-Site): nothing was changed',
  'cross-site',
  'This request came from another site, so it was refused.',
);
const notJson = refusal(
  'The body is not JSON, not an object, or has a field the operation does not take',
  'bad-json',
  'The request is not valid JSON.',
);
const tooLarge = refusal(
  'The body is over 16 KB (1 MB for a form’s answers)',
  'too-large',
  'The request is too large.',
);
const compressed = refusal(
  'Sent with a compressed body (Content-Encoding): send it uncompressed',
  'unsupported-encoding',
  'Send the request body uncompressed: this server does not take bodies sent with Content-Encoding "gzip".',
);
const notJsonType = refusal(
  'Not sent as application/json, or sent compressed (Content-Encoding): send JSON, uncompressed',
  'unsupported-media-type',
  'Send the request as JSON (Content-Type: application/json).',
);
const internal = refusal(
  'Something went wrong on our side; requestId is for the help desk, and nothing else of it is said',
  'internal',
  'Something went wrong on our side. Try again, and call us if it keeps happening.',
  { requestId: '5f0c2a9e-3b7d-4c1e-9a8f-2d6b1e4c7a30' },
);

/** The paths given, each operation with the middleware's answers beside its own (a status it has already says both). */
export function withMiddlewareStatuses<P extends Record<string, Record<string, unknown>>>(paths: P): P {
  for (const [path, item] of Object.entries(paths)) {
    const api = path.startsWith('/api/');
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const added: Record<string, unknown> = { 415: compressed };
      if (!api) {
        operation.responses = { ...operation.responses, ...added };
        continue;
      }
      if (method !== 'get') added[403] = crossSite;
      if (WITH_BODY.has(method)) Object.assign(added, { 400: notJson, 413: tooLarge, 415: notJsonType });
      added[500] = internal;
      for (const [status, answer] of Object.entries(added)) {
        const own = operation.responses[status] as { description: string } | undefined;
        operation.responses[status] = own
          ? { ...own, description: `${own.description}; or: ${(answer as { description: string }).description}` }
          : answer;
      }
    }
  }
  return paths;
}
