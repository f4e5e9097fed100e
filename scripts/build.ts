/**
 * npm run build: writes the build from the forms and renderer/: the portal's files under
 * <build>/public (served by the server, each with a brotli and a gzip copy), each form version's
 * answers schema and type under <build>/forms, its flow for the authors under <build>/public/flows,
 * and the server as JavaScript under <build>/server (for `node build/server/main.js` in
 * production). FORMS_DIR and BUILD_DIR choose the folders, as they do for the server (forms/ and
 * build/ of the project when not set).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './lib/build-all.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const formsDir = process.env.FORMS_DIR ? resolve(process.env.FORMS_DIR) : `${root}forms`;
const buildDir = process.env.BUILD_DIR ? resolve(process.env.BUILD_DIR) : `${root}build`;
if (!existsSync(`${formsDir}/portal.json`)) {
  console.error(
    `FORMS_DIR: ${formsDir} holds no portal.json. Point FORMS_DIR at the council's forms folder (portal.json and one folder per form), or leave it unset for ${root}forms.`,
  );
  process.exit(1);
}
const { integrators } = await buildAll(formsDir, buildDir);
console.log(
  `Built the portal and ${integrators.length} form version${integrators.length === 1 ? '' : 's'} into ${buildDir}: ${integrators.map((b) => `${b.id} v${b.version}`).join(', ')}`,
);
