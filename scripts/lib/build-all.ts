/** `npm run build`: the browser's files and the integrators' files, from forms/. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PortalContent } from '../../engine/index.ts';
import { buildBrowser, type BrowserManifest } from './build-browser.ts';
import { loadDefinitions, writeIntegratorFiles, type IntegratorFiles } from './build-forms.ts';

export interface BuildResult {
  manifest: BrowserManifest;
  integrators: IntegratorFiles[];
}

export async function buildAll(formsDir: string, outDir: string): Promise<BuildResult> {
  const definitions = await loadDefinitions(formsDir);
  const portal = JSON.parse(await readFile(join(formsDir, 'portal.json'), 'utf8')) as PortalContent;
  const [manifest, integrators] = await Promise.all([buildBrowser(definitions, portal, outDir), writeIntegratorFiles(definitions, outDir)]);
  return { manifest, integrators };
}
