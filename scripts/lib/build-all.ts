/**
 * `npm run build`: the browser's files (each with its compressed copies), the integrators' files
 * and each form version's flow for its authors, from forms/, and the server as JavaScript for
 * production.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PortalContent } from '../../engine/index.ts';
import { buildBrowser, type BrowserManifest } from './build-browser.ts';
import { writeFlowFiles, type FlowFiles } from './build-flows.ts';
import { loadDefinitions, writeIntegratorFiles, type IntegratorFiles } from './build-forms.ts';
import { buildServer } from './build-server.ts';
import { precompress } from './precompress.ts';

export interface BuildResult {
  manifest: BrowserManifest;
  integrators: IntegratorFiles[];
  flows: FlowFiles[];
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
  // A flow left from an earlier build would outlive its form.
  const flowsDir = join(outDir, 'public', 'flows');
  await rm(flowsDir, { recursive: true, force: true });
  const [integrators, flows] = await Promise.all([
    writeIntegratorFiles(definitions, outDir),
    // A draft's wording is not public until it is published: its flow is in the preview, not the build.
    writeFlowFiles(
      definitions.filter((definition) => definition.status !== 'draft'),
      flowsDir,
    ),
    writeElementsManifest(outDir),
    buildServer(outDir),
  ]);
  await precompress(join(outDir, 'public'));
  return { manifest, integrators, flows };
}
