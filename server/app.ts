/** The Koa application: headers and errors first, then the API, the files and the pages. */
import Koa from 'koa';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from './config.ts';
import { securityHeaders } from './http/security-headers.ts';
import { errorHandler } from './http/errors.ts';
import { loadFormCatalogue, type FormCatalogue } from './services/form-catalogue.ts';
import { formRoutes } from './routes/forms.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { webRoutes } from './routes/web.ts';

const engineDir = fileURLToPath(new URL('../engine', import.meta.url));

export interface App {
  koa: Koa;
  catalogue: FormCatalogue;
}

export async function createApp(config: ServerConfig, log: (message: string, error?: unknown) => void = console.error): Promise<App> {
  const catalogue = await loadFormCatalogue(config.formsDir, config.buildDir);
  const koa = new Koa({ proxy: false });
  // Koa's own error print would repeat what errorHandler already logged.
  koa.silent = true;
  const web = webRoutes(config.buildDir, engineDir);
  koa.use(securityHeaders({ frameAncestors: config.frameAncestors, production: config.production }));
  koa.use(errorHandler(log));
  for (const router of [healthRoutes(), openApiRoutes(), formRoutes(catalogue)]) koa.use(router.routes()).use(router.allowedMethods());
  koa.use(web.assets);
  koa.use(web.pages.routes()).use(web.pages.allowedMethods());
  return { koa, catalogue };
}
