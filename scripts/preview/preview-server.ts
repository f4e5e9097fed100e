/**
 * The authors' preview server: the portal itself (createApp over the staged forms and their
 * build), with in front of it the forms API over a catalogue that offers drafts, the sample
 * person's session, the preview's own page, state and events, and the page's script. Every other
 * request goes to the portal as it is.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Koa from 'koa';
import { Router } from '@koa/router';
import { build } from 'esbuild';
import { answersToReach, parseRoute, todayIn, type FormDefinition } from '../../engine/index.ts';
import { createApp, readConfig, type App } from '../../server/index.ts';
import { loadFormCatalogue, type FormCatalogue } from '../../server/services/form-catalogue.ts';
import { formRoutes } from '../../server/routes/forms.ts';
import { errorHandler } from '../../server/http/errors.ts';
import { securityHeaders } from '../../server/http/security-headers.ts';
import { NotFoundError } from '../../server/services/errors.ts';
import { createLogger, type Logger } from '../../server/services/log.ts';
import { systemClock } from '../../server/services/clock.ts';
import { findDefinitionFiles } from '../lib/check-form-files.ts';
import type { PreviewState } from '../../renderer/preview/preview-state.ts';
import { openWorkspace, type Workspace } from './workspace.ts';
import { previewEvents } from './events.ts';
import { watchForms } from './watch.ts';
import { sampleSessionRoutes } from './sample-session.ts';
import { previewExtensions } from './extensions.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface PreviewOptions {
  /** The author's forms folder. */
  formsDir: string;
  /** Where the staged copy, the build and the portal's database go (a folder of the preview's own). */
  workDir: string;
  port: number;
  host: string;
  log?: Logger;
  /** Told, in a line for the author, what each save did. */
  say?: (line: string) => void;
}

export interface Preview {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The page's script, built once from renderer/preview/ into memory. */
async function clientScript(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [join(root, 'renderer/preview/asc-preview.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    tsconfig: join(root, 'tsconfig.json'),
    absWorkingDir: root,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

async function stagedDefinitions(workspace: Workspace): Promise<FormDefinition[]> {
  const files = await findDefinitionFiles(workspace.stagedDir);
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as FormDefinition));
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { formsDir, workDir, port, host, say = () => {} } = options;
  const log = options.log ?? createLogger({ level: 'warn' });
  // Files are named from the folder above the forms folder: forms/dols-form-1/v3.json.
  const workspace = await openWorkspace(formsDir, workDir, dirname(formsDir));
  const config = readConfig({
    ...process.env,
    NODE_ENV: 'development',
    FORMS_DIR: workspace.stagedDir,
    BUILD_DIR: workspace.buildDir,
    DATA_DIR: join(workDir, 'data'),
    DATABASE_URL: '',
    SMTP_URL: '',
    WEBHOOK_URL: '',
    PUBLIC_URL: '',
    CAPTCHA: 'off',
    MIGRATE_ON_START: 'true',
    PORT: String(port),
    HOST: host,
  });
  let portal: App | undefined;
  let portalHandler: ReturnType<Koa['callback']> | undefined;
  let catalogue: FormCatalogue | undefined;
  let forms: Koa.Middleware | undefined;
  let definitions: FormDefinition[] = [];
  /** Reads the staged forms again; the first time there is a portal.json, the portal starts. */
  const load = async () => {
    if (!workspace.ready) return;
    if (!portal) {
      portal = await createApp(config, { log });
      portalHandler = portal.koa.callback();
    }
    catalogue = await loadFormCatalogue(workspace.stagedDir, workspace.buildDir, systemClock, { drafts: true });
    forms = formRoutes(catalogue, workspace.buildDir, 'off').routes() as unknown as Koa.Middleware;
    definitions = await stagedDefinitions(workspace);
  };
  await load();
  const events = previewEvents();
  const script = await clientScript();

  const state = (): PreviewState => {
    const today = todayIn(new Date(), catalogue?.timeZone);
    const ids = [...new Set(definitions.map((d) => d.id))];
    return {
      forms: ids.map((id) => ({
        id,
        opens: catalogue?.get(id)?.definition.version ?? null,
        versions: definitions
          .filter((d) => d.id === id)
          .map((d) => ({
            version: d.version,
            status: d.status,
            title: d.title,
            pages: d.pages.map((page) => ({
              id: page.id,
              title: page.title,
              reachable: answersToReach(d, page.id, today) !== null,
            })),
          })),
      })),
      problems: workspace.problems.map(({ file, line, column, pointer, message }) => ({
        file,
        line,
        column,
        pointer,
        message,
      })),
      views: { flow: previewExtensions.flow !== undefined, changes: previewExtensions.diff !== undefined },
    };
  };

  const definitionOf = (formId: string, version: number) =>
    definitions.find((d) => d.id === formId && d.version === version) ?? null;

  const page = async (view: 'banner' | 'forms') => {
    const index = await readFile(join(workspace.buildDir, 'public/index.html'), 'utf8');
    const title = view === 'forms' ? 'Forms in this folder: preview' : catalogue!.portal.council.serviceName;
    const withScript = index
      .replace(/<title>[^<]*<\/title>/, `<title>${title.replace(/[&<>]/g, '')}</title>`)
      .replace(
        '<script type="module"',
        '<script type="module" src="/preview/preview.js"></script>\n<script type="module"',
      )
      .replace('<meta name="viewport"', '<meta name="robots" content="noindex">\n<meta name="viewport"');
    return view === 'forms'
      ? withScript.replace('<asc-portal></asc-portal>', '<asc-preview view="forms"></asc-preview>')
      : withScript.replace(
          '<asc-portal></asc-portal>',
          '<asc-preview></asc-preview>\n<asc-portal no-captcha></asc-portal>',
        );
  };

  const preview = new Router();
  preview.get('/preview', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'html';
    ctx.body = await page('forms');
  });
  preview.get('/preview/preview.js', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'text/javascript';
    ctx.body = Buffer.from(script);
  });
  preview.get('/preview/api/state', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = state();
  });
  preview.get('/preview/events', (ctx) => {
    ctx.respond = false;
    events.listen(ctx.res);
  });
  // A page of a version, opened with answers that show it, carried in the address as the portal takes them.
  preview.get('/preview/jump/:formId/:version/:pageId', (ctx) => {
    const { formId, pageId } = ctx.params as { formId: string; pageId: string };
    const version = Number(ctx.params.version);
    const definition = definitionOf(formId, version);
    if (!definition?.pages.some((p) => p.id === pageId))
      throw new NotFoundError(`Form "${formId}" has no version ${version} with a page "${pageId}".`);
    const answers = answersToReach(definition, pageId, todayIn(new Date(), catalogue?.timeZone));
    if (!answers)
      throw new NotFoundError(
        `No answers found show the page "${pageId}": check its showIf (npm run validate-forms says whether it can ever hold).`,
      );
    const carried = { formId, version, pageId, answers };
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.redirect(`/forms/${formId}/${pageId}#carry=${encodeURIComponent(JSON.stringify(carried))}`);
  });
  preview.get('/preview/api/forms/:formId/versions/:version/:view', (ctx) => {
    const { formId, view } = ctx.params as { formId: string; view: string };
    const version = Number(ctx.params.version);
    const definition = definitionOf(formId, version);
    if (!definition) throw new NotFoundError(`Form "${formId}" has no version ${version}.`);
    const { flow, diff } = previewExtensions;
    if ((view === 'flow.svg' || view === 'flow.txt') && flow) {
      const drawn = flow(definition);
      ctx.type = view === 'flow.svg' ? 'image/svg+xml' : 'text/plain; charset=utf-8';
      ctx.body = view === 'flow.svg' ? drawn.svg : drawn.text;
      return;
    }
    const before = definitions.filter((d) => d.id === formId && d.version < version).at(-1);
    if (view === 'changes' && diff && before) {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `${diff(before, definition).changes.join('\n')}\n`;
      return;
    }
    throw new NotFoundError(`The ${view} view is not part of this preview yet.`);
  });

  const koa = new Koa();
  koa.silent = true;
  const pageRoute = /^\/(?!api\/|assets\/|preview\/|staff(\/|$)|schemas\/|embed\/)[^.]*$/;
  koa.use(securityHeaders({ frameAncestors: [], production: false }));
  koa.use(errorHandler(log));
  koa.use(preview.routes()).use(preview.allowedMethods());
  koa.use(async (ctx, next) => {
    if (!portal || !forms) {
      ctx.status = 503;
      ctx.type = 'text';
      ctx.body = `The preview cannot show the portal until forms/portal.json is sound:\n${workspace.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`).join('\n')}\n`;
      return;
    }
    // The portal's pages, with the preview's banner and script.
    if (ctx.method === 'GET' && pageRoute.test(ctx.path) && parseRoute(ctx.path).name !== 'not-found') {
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'html';
      ctx.body = await page('banner');
      return;
    }
    await next();
  });
  koa.use((ctx, next) => forms!(ctx, next));
  koa.use(sampleSessionRoutes().routes());
  // Everything else is the portal's own answer.
  koa.use((ctx) => {
    ctx.respond = false;
    void portalHandler!(ctx.req, ctx.res);
  });

  const watcher = watchForms(formsDir, async () => {
    const before = JSON.stringify(workspace.problems);
    const copied = await workspace.refresh();
    if (copied.length) {
      await load();
      events.send('reload', { files: copied });
    } else if (JSON.stringify(workspace.problems) !== before) {
      events.send('problems', { problems: workspace.problems.length });
    }
    const count = workspace.problems.length;
    say(
      `${copied.length ? `Showing ${copied.map((file) => relative(dirname(formsDir), file)).join(', ')} as saved. ` : ''}${count ? `${count} problem${count === 1 ? '' : 's'} in the forms folder: see the page, or npm run validate-forms.` : 'Every file is sound.'}`,
    );
  });

  const server = createServer(koa.callback());
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${listening}`,
    server,
    close: async () => {
      watcher.close();
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await portal?.close();
    },
  };
}
