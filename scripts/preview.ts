/**
 * npm run preview: the portal on a form author's own computer, showing every form in the forms
 * folder (FORMS_DIR, forms/ when not set), drafts included and marked as drafts, signed in as a
 * sample person with no captcha, and reloading the page each time a definition or portal.json is
 * saved; the checker's problems show at the top of the page (README, "For form authors").
 *
 * It is never the council's portal: it refuses to start where NODE_ENV means production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { meantAsProduction } from '../server/config/check-env.ts';

if (meantAsProduction(process.env)) {
  console.error(
    `npm run preview will not run with NODE_ENV=${process.env.NODE_ENV?.trim()}: it is for a form author's own computer. It shows draft forms that are not published, signs everyone in as a sample person without a password, and turns off the check that the person is not a robot.
To run the council's portal, build it (npm run build) and start it with npm run serve (node build/server/main.js); README, "Running it for a council". To preview forms, run npm run preview without NODE_ENV=production.`,
  );
  process.exit(78);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const formsDir = process.env.FORMS_DIR ? resolve(process.env.FORMS_DIR) : join(root, 'forms');
if (!existsSync(formsDir)) {
  console.error(
    `FORMS_DIR: there is no folder ${formsDir}. Point FORMS_DIR at the forms folder (portal.json and one folder per form), or leave it unset for ${join(root, 'forms')}.`,
  );
  process.exit(78);
}
const { startPreview } = await import('./preview/preview-server.ts');
const workDir = await mkdtemp(join(tmpdir(), 'asc-forms-preview-'));
console.log(`Building the preview of ${formsDir}…`);
const preview = await startPreview({
  formsDir,
  workDir,
  port: Number(process.env.PORT || 3000),
  host: process.env.HOST || '127.0.0.1',
  say: (line) => console.log(line),
});
console.log(
  `Preview at ${preview.url}/preview (every form, drafts included). It reloads the page when you save a definition or portal.json. Ctrl+C stops it.`,
);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void preview
      .close()
      .finally(() => rm(workDir, { recursive: true, force: true }))
      .finally(() => process.exit(0));
  });
