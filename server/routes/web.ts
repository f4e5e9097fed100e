/**
 * The portal's files: the built components under /assets (named by their content's hash, so
 * cached for a year), each as the brotli or gzip copy the build made beside it when the browser
 * accepts one; /embed/asc-form.js, the address councils' pages load <asc-form> from; the schemas, and index.html for every page address so deep links and
 * browser back and forward work, each carrying what its first screen shows (page-data.ts). An address that is no page of the portal (or names no form)
 * gets the same page, which says "Page not found", with the status 404. The council staff's pages
 * (/staff) are a page of their own, with a script of their own.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import serve from 'koa-static';
import { parseRoute } from '../../engine/index.ts';
import type { PageDataSource } from './page-data.ts';

export async function webRoutes(
  buildDir: string,
  pageData: PageDataSource,
): Promise<{ assets: Middleware; pages: Router }> {
  // Read once: the build does not change under a running server.
  const indexPage = await readFile(`${buildDir}/public/index.html`, 'utf8');
  const bodyEnd = indexPage.lastIndexOf('</body>');
  const staffPage = await readFile(`${buildDir}/public/staff.html`);
  const schemaFiles = { definition: 'definition/definition.schema.json', portal: 'contracts/portal.schema.json' };
  const schemas = Object.fromEntries(
    await Promise.all(
      Object.entries(schemaFiles).map(
        async ([name, file]) => [name, await readFile(`${buildDir}/schemas/${file}`)] as const,
      ),
    ),
  );
  const assetsDir = `${resolve(buildDir, 'public', 'assets')}${sep}`;
  // Everything else, /embed/asc-form.js among it, is checked with the server on every use: a
  // release replaces the hashed files it names, so a copy kept for minutes could name files that
  // are gone, and the form would not load on the council's page. It is a few hundred bytes.
  const staticFiles = serve(`${buildDir}/public`, {
    index: false,
    brotli: true,
    gzip: true,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const pages = new Router();
  for (const [name, body] of Object.entries(schemas)) {
    pages.get(`/schemas/${name}.schema.json`, (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'application/schema+json';
      ctx.body = body;
    });
  }
  // Browsers ask for it unprompted; the portal has none, and says so without a 404 in the log.
  pages.get('/favicon.ico', (ctx) => {
    ctx.status = 204;
  });
  // The council staff's pages, apart from the referrers'.
  pages.get(/^\/staff(\/[^.]*)?$/, (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'html';
    ctx.body = staffPage;
  });
  // Every page of the portal is the same page, the components read the address; it carries
  // what its first screen shows (page-data.ts). Who is signed in is in it once a session cookie
  // comes with the request: then no cache keeps it, and a shared one never gives it to another.
  pages.get(/^\/(?!api\/|assets\/)[^.]*$/, async (ctx) => {
    const route = parseRoute(ctx.path, '/', ctx.querystring);
    if (route.name === 'not-found' || (route.name === 'form' && !pageData.isForm(route.formId))) ctx.status = 404;
    const data = await pageData.forPage(ctx, route);
    ctx.set('Cache-Control', data.personal ? 'no-store' : 'no-cache');
    ctx.vary('Cookie');
    ctx.type = 'html';
    ctx.body = `${indexPage.slice(0, bodyEnd)}${data.blocks}\n${indexPage.slice(bodyEnd)}`;
  });
  return { assets: staticFiles, pages };
}
