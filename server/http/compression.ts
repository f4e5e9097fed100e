/**
 * Answers made per request (the API's JSON, the portal's page) compressed on the fly when they are
 * over 1 KB: brotli at quality 5 (on a form's JSON as quick as gzip, and smaller; higher
 * qualities cost far more time for little), else gzip. The build's files arrive here already
 * compressed (routes/web.ts sends the copies made at build time), and anything carrying a
 * Content-Encoding is left as it is. Every answer says it varies with Accept-Encoding, so a cache
 * keeps one copy per encoding.
 */
import compress from 'koa-compress';
import type { Middleware } from 'koa';
import { constants } from 'node:zlib';

export function compression(): Middleware {
  const compressing = compress({
    threshold: 1024,
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    gzip: { level: 6 },
    deflate: false,
    zstd: false,
  });
  return async (ctx, next) => {
    // A client that refuses every coding we have, identity too ("identity;q=0"), gets the answer
    // plain (RFC 9110 allows it) rather than an error: the header is set aside for this request.
    if (ctx.get('Accept-Encoding') && !ctx.acceptsEncodings('br', 'gzip', 'identity'))
      delete ctx.request.headers['accept-encoding'];
    await compressing(ctx, next);
  };
}
