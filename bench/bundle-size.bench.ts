/**
 * What a page must download to show one form, minified and gzipped: ours (the <asc-form>
 * component, Lit, the engine, DoLS Form 1's validators, CSS), against SurveyJS (survey-core +
 * survey-js-ui and its CSS) and form.io (@formio/js's form renderer and its CSS), each bundled by
 * esbuild in this same run.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildAll } from '../scripts/lib/build-all.ts';
import { newestVersion } from '../tests/fixtures/forms.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/** A built file and every file it imports, as the browser fetches them. */
async function withImports(publicDir: string, url: string, seen = new Set<string>()): Promise<string[]> {
  const path = join(publicDir, url);
  if (seen.has(path)) return [];
  seen.add(path);
  const source = await readFile(path, 'utf8');
  const imports = [...source.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)].map((m) =>
    resolve(dirname(path), m[1]!).slice(publicDir.length),
  );
  return [path, ...(await Promise.all(imports.map((i) => withImports(publicDir, i, seen)))).flat()];
}

async function ours(): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), 'asc-forms-size-'));
  try {
    const { manifest } = await buildAll(join(root, 'forms'), out);
    const publicDir = join(out, 'public');
    const seen = new Set<string>();
    const files = [
      ...(await withImports(publicDir, manifest.embed, seen)),
      ...(await withImports(publicDir, manifest.validators[`dols-form-1@${newestVersion('dols-form-1')}`]!, seen)),
    ];
    let total = 0;
    for (const file of files) total += gz(await readFile(file));
    return total;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function bundled(name: string, source: string, css: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), `asc-forms-size-${name}-`));
  try {
    const entry = join(dir, 'entry.mjs');
    await writeFile(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      nodePaths: [join(root, 'node_modules')],
      absWorkingDir: root,
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      legalComments: 'none',
    });
    const js = result.outputFiles.reduce((sum, file) => sum + gz(file.contents), 0);
    return js + gz(await readFile(join(root, 'node_modules', css)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchBundleSize(): Promise<{ ours: number; surveyJs: number; formIo: number }> {
  const [mine, surveyJs, formIo] = await Promise.all([
    ours(),
    bundled(
      'surveyjs',
      `import { Model } from 'survey-core'; import { Survey } from 'survey-js-ui'; export { Model, Survey };`,
      'survey-core/survey-core.min.css',
    ),
    bundled(
      'formio',
      `import { Formio } from '@formio/js/form'; export { Formio };`,
      '@formio/js/dist/formio.form.min.css',
    ),
  ]);
  const smallest = Math.min(surveyJs, formIo);
  console.log('What a page loads to show DoLS Form 1 (minified, gzipped):');
  console.log(`  asc-forms  ${kb(mine).padStart(9)}   (goal: at most 30 KB)`);
  console.log(`  SurveyJS   ${kb(surveyJs).padStart(9)}   (survey-core + survey-js-ui + CSS)`);
  console.log(`  form.io    ${kb(formIo).padStart(9)}   (@formio/js form renderer + CSS)`);
  console.log(`  ratio: ${(smallest / mine).toFixed(1)} times smaller than the smallest of them (goal: at least 5)`);
  return { ours: mine, surveyJs, formIo };
}
