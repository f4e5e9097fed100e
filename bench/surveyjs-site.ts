/**
 * SurveyJS showing DoLS Form 1 (converted from our definition by surveyjs-converter.ts) from a
 * plain static page: survey-core and survey-js-ui bundled and minified by esbuild, its own CSS,
 * and the survey's JSON. Served, like our build's files, with a brotli (quality 11) or gzip
 * (level 9) copy to a browser that accepts one, so the two are compared compressed the same way.
 */
import { createServer, type Server } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { loadForms } from '../tests/fixtures/forms.ts';
import { toSurveyJs } from './surveyjs-converter.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The site's server (not yet listening), its files built in `dir`; window.__rendered is set once the survey has rendered. */
export async function compressedSurveyJsSite(dir: string): Promise<Server> {
  const definition = loadForms().find((f) => f.definition.id === 'dols-form-1')!.definition;
  await writeFile(join(dir, 'survey.json'), JSON.stringify(toSurveyJs(definition)));
  await writeFile(
    join(dir, 'entry.mjs'),
    `
    import { Model } from 'survey-core';
    import { renderSurvey } from 'survey-js-ui';
    const json = await (await fetch('/survey.json')).json();
    const model = new Model(json);
    model.onAfterRenderSurvey.add(() => requestAnimationFrame(() => { window.__rendered ??= performance.now(); }));
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
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files: Record<string, [string, Buffer]> = {
    '/': [
      'text/html',
      Buffer.from(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/survey.css"><script type="module" src="/app.js"></script></head><body><div id="survey"></div></body></html>',
      ),
    ],
    '/survey.css': ['text/css', await readFile(join(root, 'node_modules/survey-core/survey-core.min.css'))],
    '/app.js': ['text/javascript', await readFile(join(dir, 'app.js'))],
    '/survey.json': ['application/json', await readFile(join(dir, 'survey.json'))],
  };
  const copies = Object.fromEntries(
    Object.entries(files).map(([path, [, body]]) => [
      path,
      {
        br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        gzip: gzipSync(body, { level: 9 }),
      },
    ]),
  );
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = files[path];
    if (!file) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', file[0]);
    res.setHeader('Vary', 'Accept-Encoding');
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    if (!encoding) {
      res.end(file[1]);
      return;
    }
    res.setHeader('Content-Encoding', encoding);
    res.end(copies[path]![encoding]);
  });
}
