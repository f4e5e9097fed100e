/**
 * npm run docs: writes docs/definition-reference.md from engine/definition/definition.schema.json,
 * so the reference of every property says what the schema says. The tests fail when the committed
 * page differs from what this would write.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { definitionReference, REFERENCE_PATH } from './lib/definition-reference.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const schema = JSON.parse(await readFile(`${root}engine/definition/definition.schema.json`, 'utf8'));
await writeFile(`${root}${REFERENCE_PATH}`, definitionReference(schema));
console.log(`Wrote ${REFERENCE_PATH}`);
