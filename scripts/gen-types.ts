/**
 * Writes engine/definition.types.ts from engine/definition.schema.json, so the engine's types
 * never drift from what form authors are held to. `npm run gen:types`; the tests fail when the
 * committed file differs from what this would write.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const schemaPath = fileURLToPath(new URL('../engine/definition.schema.json', import.meta.url));
export const typesPath = fileURLToPath(new URL('../engine/definition.types.ts', import.meta.url));

const banner = `/* This file is generated from definition.schema.json by \`npm run gen:types\`. Do not edit it. */`;

export async function generateDefinitionTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  return compile(schema, 'FormDefinition', {
    bannerComment: banner,
    // Every object in the schema closes itself; index signatures would hide authors' typos.
    additionalProperties: false,
    unreachableDefinitions: true,
    // Bounded lists as plain arrays: tuples of every length up to the bound help nobody.
    maxItems: -1,
    style: { singleQuote: true, printWidth: 100 },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(typesPath, await generateDefinitionTypes());
  console.log(`Wrote ${typesPath}`);
}
