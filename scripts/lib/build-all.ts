/**
 * `npm run build`: the browser's files (each with its compressed copies) and the integrators'
 * files, from forms/, and the server as JavaScript for production.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PortalContent } from '../../engine/index.ts';
import { buildBrowser, type BrowserManifest } from './build-browser.ts';
import { loadDefinitions, writeIntegratorFiles, type IntegratorFiles } from './build-forms.ts';
import { buildServer } from './build-server.ts';
import { precompress } from './precompress.ts';

export interface BuildResult {
  manifest: BrowserManifest;
  integrators: IntegratorFiles[];
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The custom elements manifest (custom-elements-manifest.config.mjs says what it reads), in public/. */
async function writeElementsManifest(outDir: string): Promise<void> {
  const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  // The analyser takes its output folder relative to where it runs.
  await promisify(execFile)(
    process.execPath,
    [cem, 'analyze', '--quiet', '--outdir', relative(root, join(outDir, 'public'))],
    { cwd: root },
  );
}

export async function buildAll(formsDir: string, outDir: string): Promise<BuildResult> {
  const definitions = await loadDefinitions(formsDir);
  const portal = JSON.parse(await readFile(join(formsDir, 'portal.json'), 'utf8')) as PortalContent;
  const manifest = await buildBrowser(definitions, portal, outDir);
  const [integrators] = await Promise.all([
    writeIntegratorFiles(definitions, outDir),
    writeElementsManifest(outDir),
    buildServer(outDir),
  ]);
  await precompress(join(outDir, 'public'));
  return { manifest, integrators };
}
