/**
 * The portal's files: the built components under /assets (named by their content's hash, so
 * cached for a year), the schemas, and index.html for every page address so deep links and
 * browser back and forward work.
 */
import { readFile } from 'node:fs/promises';
import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import serve from 'koa-static';
import { NotFoundError } from '../http/errors.ts';

export function webRoutes(buildDir: string, engineDir: string): { assets: Middleware; pages: Router } {
  const staticFiles = serve(`${buildDir}/public`, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const pages = new Router();
  for (const name of ['definition', 'portal']) {
    pages.get(`/schemas/${name}.schema.json`, async (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'application/schema+json';
      ctx.body = await readFile(`${engineDir}/${name}.schema.json`);
    });
  }
  pages.get('/api/forms/:formId/versions/:version/answers.schema.json', async (ctx) => {
    const { formId, version } = ctx.params;
    if (!/^[a-z0-9-]+$/.test(formId!) || !/^\d+$/.test(version!)) throw new NotFoundError();
    const body = await readFile(`${buildDir}/forms/${formId}/v${version}.answers.schema.json`).catch(() => null);
    if (!body) throw new NotFoundError(`Form "${formId}" has no version ${version}.`);
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.type = 'application/schema+json';
    ctx.body = body;
  });
  // Browsers ask for it unprompted; the portal has none, and says so without a 404 in the log.
  pages.get('/favicon.ico', (ctx) => { ctx.status = 204; });
  // Every page of the portal is the same page: the components read the address.
  pages.get(/^\/(?!api\/|assets\/)[^.]*$/, async (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'html';
    ctx.body = await readFile(`${buildDir}/public/index.html`);
  });
  return { assets: staticFiles, pages };
}
