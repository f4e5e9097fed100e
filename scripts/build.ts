/**
 * npm run build: writes build/ from forms/ (validators for the browser, answer schemas and types
 * for integrators).
 */
import { fileURLToPath } from 'node:url';
import { buildForms } from './lib/build-forms.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = await buildForms(`${root}forms`, `${root}build`);
console.log(`Built ${built.length} form version${built.length === 1 ? '' : 's'}: ${built.map((b) => `${b.id} v${b.version}`).join(', ')}`);
