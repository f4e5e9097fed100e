import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { generateDefinitionTypes, typesPath } from '../../scripts/gen-types.ts';

const genTypes = suite('npm run gen:types');

genTypes('should have generated engine/definition.types.ts from the current schema (run npm run gen:types if not)', async () => {
  const committed = await readFile(typesPath, 'utf8');
  assert.ok(committed === await generateDefinitionTypes(), 'engine/definition.types.ts is out of date with definition.schema.json: run `npm run gen:types`');
});

genTypes.run();
