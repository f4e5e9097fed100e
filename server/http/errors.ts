/**
 * The one place errors become responses: a known error's own status and message, anything else a
 * plain 500 that says nothing of the inside (the detail goes to the log).
 */
import type { Middleware } from 'koa';
import type { FieldProblem } from '../../engine/index.ts';

export type { FieldProblem };

/** An error whose message is meant for the person or program that made the request. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(readonly status: number, message: string, readonly code = 'error') {
    super(message);
  }
}

export class FieldErrors extends HttpError {
  override name = 'FieldErrors';
  constructor(readonly fields: FieldProblem[]) {
    super(400, fields[0]?.message ?? 'Check your answers', 'invalid');
  }
}

export class UnauthorisedError extends HttpError {
  override name = 'UnauthorisedError';
  constructor(message = 'Sign in to do this.') {
    super(401, message, 'unauthorised');
  }
}

export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  constructor(message = 'Not found') {
    super(404, message, 'not-found');
  }
}

/**
 * What goes to the log of an unexpected error: its kind and where it came from, never its
 * message, which for a database error holds the statement's values (names, emails, hashes).
 */
export function loggable(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').slice(1, 6).join('\n');
  // An error of our own that vouches for its message (it names keys or records, nothing personal) keeps it.
  const message = (error as { safeToLog?: unknown }).safeToLog === true ? `: ${error.message}` : '';
  return `${error.name}${typeof code === 'string' ? ` (${code})` : ''}${message}\n${frames}`;
}

export function errorHandler(log: (message: string, error?: unknown) => void = (m) => console.error(m)): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) throw new NotFoundError(`There is nothing at ${ctx.path}.`);
    } catch (caught) {
      // Koa's own errors (a malformed address, say) carry a status and say whether their message may be shown.
      const fromKoa = caught as { status?: number; expose?: boolean; message?: string };
      const error = !(caught instanceof HttpError) && fromKoa?.expose && typeof fromKoa.status === 'number' && fromKoa.status < 500
        ? new HttpError(fromKoa.status, fromKoa.message ?? 'Bad request', 'bad-request')
        : caught;
      const known = error instanceof HttpError;
      ctx.status = known ? error.status : 500;
      ctx.set('Cache-Control', 'no-store');
      if (known && 'retryAfterSeconds' in error) ctx.set('Retry-After', String(error.retryAfterSeconds));
      ctx.body = known
        ? { error: { code: error.code, message: error.message, ...(error instanceof FieldErrors ? { fields: error.fields } : {}) } }
        : { error: { code: 'internal', message: 'Something went wrong on our side. Try again, and call us if it keeps happening.' } };
      if (!known) log(`${ctx.method} ${ctx.path} failed: ${loggable(error)}`);
    }
  };
}
