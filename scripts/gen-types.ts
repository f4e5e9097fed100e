/**
 * Writes engine/definition/definition.types.ts from engine/definition/definition.schema.json (and
 * engine/contracts/portal.types.ts from its schema), so the engine's types never drift from what
 * form authors are held to. `npm run gen:types`; the tests fail when the committed file differs
 * from what this would write.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const engine = (file: string) => fileURLToPath(new URL(`../engine/${file}`, import.meta.url));

/** Each schema and the types file made from it. */
export const generated = [
  {
    schema: engine('definition/definition.schema.json'),
    types: engine('definition/definition.types.ts'),
    name: 'FormDefinition',
  },
  { schema: engine('contracts/portal.schema.json'), types: engine('contracts/portal.types.ts'), name: 'PortalContent' },
];

export async function generateTypes(schemaPath: string, name: string): Promise<string> {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  const file = schemaPath.split('/').pop();
  return compile(schema, name, {
    bannerComment: `/* This file is generated from ${file} by \`npm run gen:types\`. Do not edit it. */`,
    // portal.schema.json refers to definition.schema.json by its $id: read it here, never from the network.
    $refOptions: {
      resolve: {
        http: false,
        ourSchemas: {
          order: 1,
          canRead: /^https:\/\/asc-forms\.org\/schemas\/form-definition\//,
          read: () => readFile(engine('definition/definition.schema.json'), 'utf8'),
        },
      },
    },
    // Every object in the schema closes itself; index signatures would hide authors' typos.
    additionalProperties: false,
    unreachableDefinitions: true,
    // Bounded lists as plain arrays: tuples of every length up to the bound help nobody.
    maxItems: -1,
    style: { singleQuote: true, printWidth: 100 },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { schema, types, name } of generated) {
    await writeFile(types, await generateTypes(schema, name));
    console.log(`Wrote ${types}`);
  }
}
