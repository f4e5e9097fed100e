/**
 * The one place errors become responses. A service's refusal (services/errors.ts) gets the status
 * the table below gives its kind, with its own code and message; an HttpError carries its own; one
 * of Koa's shows its message only when Koa says it may (below 500). Anything else is a plain 500
 * that says nothing of the inside (the detail goes to the log).
 */
import type { Middleware } from 'koa';
import type { ErrorBody } from '../../engine/index.ts';
import {
  BusyError,
  ConflictError,
  DomainError,
  FieldErrors,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  RefusedError,
  UnauthorisedError,
} from '../services/errors.ts';
import type { Logger } from '../services/log.ts';
import { routeOf } from './request-log.ts';

/** A refusal that only HTTP knows of (a body too large, not JSON, sent from another site): it carries its own status. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The status of each kind of refusal; a subclass (StaleDraftError is a ConflictError) takes its kind's. */
const STATUS_OF_KIND: ReadonlyArray<readonly [abstract new (...args: never[]) => DomainError, number]> = [
  [RefusedError, 400],
  [FieldErrors, 400],
  [UnauthorisedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [RateLimitedError, 429],
  [BusyError, 503],
];

/** Koa's own errors (a malformed address, say) say whether their message may be shown. */
const exposedByKoa = (error: unknown): error is Error & { status: number } => {
  const fromKoa = error as { status?: unknown; expose?: unknown } | null;
  return (
    error instanceof Error && fromKoa?.expose === true && typeof fromKoa.status === 'number' && fromKoa.status < 500
  );
};

/** The status an error gets in a response, or null when nothing of it may be shown (it becomes the plain 500). */
export function statusOf(error: unknown): number | null {
  if (error instanceof HttpError) return error.status;
  if (error instanceof DomainError) return STATUS_OF_KIND.find(([kind]) => error instanceof kind)?.[1] ?? null;
  return exposedByKoa(error) ? error.status : null;
}

/** The body of an error that may be shown: its code, its message and, for field errors, the fields. */
function shown(error: Error): ErrorBody {
  const code = error instanceof DomainError || error instanceof HttpError ? error.code : 'bad-request';
  return { error: { code, message: error.message, ...(error instanceof FieldErrors ? { fields: error.fields } : {}) } };
}

/** The plain 500: with the request's id, which a referrer can quote to the council, who finds it in the log. */
const internal = (requestId: string | undefined): ErrorBody => ({
  error: {
    code: 'internal',
    message: 'Something went wrong on our side. Try again, and call us if it keeps happening.',
    ...(requestId ? { requestId } : {}),
  },
});

/** `log` is for a request requestLog has not given a log of its own (ctx.state.log). */
export function errorHandler(log: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/'))
        throw new NotFoundError(`There is nothing at ${ctx.path}.`);
    } catch (error) {
      const status = statusOf(error);
      ctx.status = status ?? 500;
      ctx.set('Cache-Control', 'no-store');
      if (error instanceof RateLimitedError) ctx.set('Retry-After', String(error.retryAfterSeconds));
      ctx.body = status === null ? internal(ctx.state.requestId) : shown(error as Error);
      if (status === null)
        (ctx.state.log ?? log).error(
          { err: error, method: ctx.method, route: routeOf(ctx) },
          `${ctx.method} ${routeOf(ctx)} failed: the answer was a 500.`,
        );
    }
  };
}
