/**
 * Request bodies: JSON only (a form post or text/plain from another site is refused), at most
 * 16 KB (1 MB for answers to a whole form), uncompressed, always an object, and checked against a
 * schema that allows no unknown field and bounds every string.
 */
import { bodyParser } from '@koa/bodyparser';
import Ajv from 'ajv';
import type { Context, Middleware } from 'koa';
import { HttpError } from './errors.ts';

const ajv = new Ajv({ allErrors: false, strict: true });
// Each route's schema is compiled once, the first time a request needs it.
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();

/** Paths whose bodies carry a whole form's answers: long free-text answers, many of them. */
const ANSWER_PATHS = ['/api/drafts', '/api/submissions'];

/** What a body that is not an object is, in words, for the message that refuses it. */
function kindOf(body: unknown): string | null {
  if (Array.isArray(body)) return 'a list (a JSON array)';
  if (body === null) return 'null';
  if (typeof body === 'object') return null;
  return typeof body === 'boolean' ? 'true or false' : `a ${typeof body}`;
}

/**
 * A compressed body is refused, not unpacked: no browser compresses what it sends, and unpacking
 * would let a small body grow past the size limit in memory before the limit is counted.
 */
function refuseCompressed(ctx: Context): void {
  const codings = (ctx.get('Content-Encoding') || '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity');
  const hasBody = ctx.get('Transfer-Encoding') !== '' || ctx.get('Content-Length') !== '';
  if (!codings.length || !hasBody) return;
  ctx.set('Accept-Encoding', 'identity');
  throw new HttpError(
    415,
    'unsupported-encoding',
    `Send the request body uncompressed: this server does not take bodies sent with Content-Encoding "${codings.join(', ')}".`,
  );
}

export function jsonBodies(): Middleware {
  // Not strict, so that a body of 1 or "x" is parsed and refused below with what it is.
  const small = bodyParser({ enableTypes: ['json'], jsonLimit: '16kb', encoding: 'utf-8', jsonStrict: false });
  const large = bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', encoding: 'utf-8', jsonStrict: false });
  return async (ctx, next) => {
    const parse = ANSWER_PATHS.some((path) => ctx.path === path || ctx.path.startsWith(`${path}/`)) ? large : small;
    refuseCompressed(ctx);
    if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && ctx.path.startsWith('/api/') && !ctx.is('application/json')) {
      throw new HttpError(415, 'unsupported-media-type', 'Send the request as JSON (Content-Type: application/json).');
    }
    try {
      // Parsed here, with nothing after it, so only the parser's own errors are caught below.
      await parse(ctx, async () => {});
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 413) throw new HttpError(413, 'too-large', 'The request is too large.');
      if (status === 400 || status === 422) throw new HttpError(400, 'bad-json', 'The request is not valid JSON.');
      throw error;
    }
    // An empty body is no fields at all.
    if (ctx.request.rawBody === '') ctx.request.body = {};
    const kind = kindOf(ctx.request.body);
    if (ctx.request.body !== undefined && kind)
      throw new HttpError(
        400,
        'not-an-object',
        `The request body is ${kind}: send a JSON object ({ … }) with each field by name.`,
      );
    await next();
  };
}

/** The body, checked against a schema; a request with an unknown or badly shaped field gets 400 and nothing happens. */
export function bodyOf<T>(ctx: Context, schema: Record<string, unknown>): T {
  return checked<T>(ctx.request.body ?? {}, schema, 'field');
}

/** The address's query, checked against a schema of string parameters, as bodies are. */
export function queryOf<T>(ctx: Context, schema: Record<string, unknown>): T {
  return checked<T>({ ...ctx.query }, schema, 'parameter');
}

function checked<T>(value: unknown, schema: Record<string, unknown>, noun: string): T {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  if (!validate(value)) {
    const error = validate.errors?.[0];
    const field =
      error?.keyword === 'additionalProperties'
        ? String(error.params.additionalProperty)
        : error?.instancePath.slice(1);
    throw new HttpError(
      400,
      'bad-request',
      error?.keyword === 'additionalProperties'
        ? `Unknown ${noun} "${field}": remove it.`
        : error?.keyword === 'enum'
          ? `The ${noun} "${field}" must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}.`
          : `The ${noun} "${field || error?.params.missingProperty}" is missing or not allowed as given.`,
    );
  }
  return value as T;
}

/** A form's answers, by question id: their own check (against the form) comes after. */
export const answersField = { type: 'object', maxProperties: 1000 } as const;

/** A string field of at most `max` characters. */
export const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** The body of a request that carries no data: `{}` and nothing else. */
export const NO_FIELDS = { type: 'object', additionalProperties: false, properties: {} } as const;
