/**
 * npm run build: writes build/ from forms/ and renderer/: the portal's files under build/public
 * (served by the server) and each form version's answers schema and type under build/forms.
 */
import { fileURLToPath } from 'node:url';
import { buildAll } from './lib/build-all.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { integrators } = await buildAll(`${root}forms`, `${root}build`);
console.log(
  `Built the portal and ${integrators.length} form version${integrators.length === 1 ? '' : 's'}: ${integrators.map((b) => `${b.id} v${b.version}`).join(', ')}`,
);
