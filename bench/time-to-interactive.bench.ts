/**
 * Time from navigation to the first page of DoLS Form 1 being ready to use, in headless
 * chromium: our portal (served by our server, over loopback) against SurveyJS rendering the same
 * form (converted from our definition) from a plain static page, in the same browser run. Each
 * load is in a fresh browser context, so nothing is cached.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/browser.ts';
import { chromium } from 'playwright-core';
import { createApp, readConfig } from '../server/index.ts';
import { buildAll } from '../scripts/lib/build-all.ts';
import { loadForms } from '../tests/fixtures/forms.ts';
import { toSurveyJs } from './surveyjs-converter.ts';
import { createLogger } from '../server/services/log.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

async function surveyJsSite(dir: string): Promise<Server> {
  const definition = loadForms().find((f) => f.definition.id === 'dols-form-1')!.definition;
  await writeFile(join(dir, 'survey.json'), JSON.stringify(toSurveyJs(definition)));
  await writeFile(
    join(dir, 'entry.mjs'),
    `
    import { Model } from 'survey-core';
    import { renderSurvey } from 'survey-js-ui';
    const json = await (await fetch('/survey.json')).json();
    const model = new Model(json);
    model.onAfterRenderSurvey.add(() => requestAnimationFrame(() => { window.__ready ??= performance.now(); }));
    renderSurvey(model, document.getElementById('survey'));
  `,
  );
  await build({
    entryPoints: [join(dir, 'entry.mjs')],
    bundle: true,
    minify: true,
    format: 'esm',
    outfile: join(dir, 'app.js'),
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
    absWorkingDir: root,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const css = await readFile(join(root, 'node_modules/survey-core/survey-core.min.css'));
  const files: Record<string, [string, Buffer | string]> = {
    '/': [
      'text/html',
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/survey.css"><script type="module" src="/app.js"></script></head><body><div id="survey"></div></body></html>',
    ],
    '/survey.css': ['text/css', css],
    '/app.js': ['text/javascript', await readFile(join(dir, 'app.js'))],
    '/survey.json': ['application/json', await readFile(join(dir, 'survey.json'))],
  };
  return createServer((req, res) => {
    const file = files[req.url ?? '/'];
    if (!file) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', file[0]);
    res.end(file[1]);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchTimeToInteractive(): Promise<{ ours: number; surveyJs: number; ratio: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-tti-'));
  const servers: Server[] = [];
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  try {
    await buildAll(join(root, 'forms'), join(dir, 'build'));
    app = await createApp(readConfig({ BUILD_DIR: join(dir, 'build'), DATA_DIR: join(dir, 'data'), PORT: '0' }), {
      log: createLogger({ level: 'silent' }),
    });
    const { koa } = app;
    const ourServer = createServer(koa.callback());
    servers.push(ourServer);
    const oursUrl = `${await listen(ourServer)}/forms/dols-form-1`;
    const theirServer = await surveyJsSite(dir);
    servers.push(theirServer);
    const theirsUrl = await listen(theirServer);

    const measure = async (url: string, marker: string): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(marker);
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, undefined, {
        timeout: 30_000,
      });
      const ready = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
      await context.close();
      return ready;
    };
    // Ours is ready when <asc-form> has rendered its first page (its Next button is on screen).
    const ourMarker = `document.addEventListener('asc-page-change', async (event) => {
      const form = event.composedPath()[0]; await form.updateComplete;
      requestAnimationFrame(() => { window.__ready ??= performance.now(); });
    });`;
    const ours: number[] = [];
    const theirs: number[] = [];
    await measure(oursUrl, ourMarker);
    await measure(theirsUrl, '');
    for (let i = 0; i < RUNS; i++) {
      ours.push(await measure(oursUrl, ourMarker));
      theirs.push(await measure(theirsUrl, ''));
    }
    const result = { ours: median(ours), surveyJs: median(theirs), ratio: median(theirs) / median(ours) };
    console.log(
      `Navigation to the first page of DoLS Form 1 ready to use (headless chromium, median of ${RUNS}, no cache):`,
    );
    console.log(`  asc-forms portal   ${result.ours.toFixed(0).padStart(6)} ms`);
    console.log(`  SurveyJS           ${result.surveyJs.toFixed(0).padStart(6)} ms`);
    console.log(`  ratio: asc-forms is ready ${result.ratio.toFixed(1)} times sooner`);
    return result;
  } finally {
    await browser.close();
    for (const server of servers) server.close();
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
