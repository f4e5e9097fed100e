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

/**
 * A property that refers to a part of the schema with words of its own (`{ "$ref": ..., "description": ... }`)
 * as an allOf of that one part: json-schema-to-typescript then names the part's type once and puts
 * the words on the property, where it would otherwise make a numbered copy of the type for each.
 */
function describedRefsAsAllOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(describedRefsAsAllOf);
  if (!value || typeof value !== 'object') return value;
  const { $ref, description, ...rest } = value as Record<string, unknown>;
  if (typeof $ref === 'string' && typeof description === 'string' && Object.keys(rest).length === 0)
    return { description, allOf: [{ $ref }] };
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, describedRefsAsAllOf(inner)]));
}

const schemaAt = async (path: string) => describedRefsAsAllOf(JSON.parse(await readFile(path, 'utf8')));

export async function generateTypes(schemaPath: string, name: string): Promise<string> {
  const schema = (await schemaAt(schemaPath)) as Parameters<typeof compile>[0];
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
          read: () => schemaAt(engine('definition/definition.schema.json')),
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
