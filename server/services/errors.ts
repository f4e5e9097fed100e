/**
 * What a service says when it will not do what was asked, in the domain's words: refused, invalid
 * (with the boxes to correct), not found, conflict, rate limited, busy, not signed in. Each kind has
 * its `name` and a `code` for programs; its message is written for the person, so it may be shown.
 * Which HTTP status each kind gets is decided in one place, server/http/errors.ts.
 */
import type { FieldProblem } from '../../engine/index.ts';

/** A refusal whose message says what to do, and whose code names it for programs. */
export abstract class DomainError extends Error {
  abstract override readonly name: string;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request cannot be done as asked (no such form to save, no such page in it). */
export class RefusedError extends DomainError {
  override readonly name: string = 'RefusedError';
}

/** Answers or fields to correct, each with what to do about it (the code is `invalid`). */
export class FieldErrors extends DomainError {
  override readonly name = 'FieldErrors';
  constructor(readonly fields: FieldProblem[]) {
    super('invalid', fields[0]?.message ?? 'Check your answers');
  }
}

/** Only for someone signed in, and nobody is (or their session has ended). */
export class UnauthorisedError extends DomainError {
  override readonly name = 'UnauthorisedError';
  constructor(message = 'Sign in to do this.') {
    super('unauthorised', message);
  }
}

/** Signed in, but not as someone who may do this (a referrer asking for the council's staff pages). */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** Not there, or not theirs: the same answer either way. */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  constructor(message = 'Not found') {
    super('not-found', message);
  }
}

/** Not done because of what happened since (saved from another tab, sent already, timed out). */
export class ConflictError extends DomainError {
  override readonly name: string = 'ConflictError';
}

/** Too many tries: refused, without doing anything, until `retryAfterSeconds` have passed. */
export class RateLimitedError extends DomainError {
  override readonly name = 'RateLimitedError';
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('rate-limited', message);
  }
}

/** Too much work queued already: refused now, so that what is queued still gets done. */
export class BusyError extends DomainError {
  override readonly name = 'BusyError';
  constructor(message = 'The service is busy. Wait a minute and try again.') {
    super('busy', message);
  }
}
