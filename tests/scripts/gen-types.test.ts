import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { generated, generateTypes } from '../../scripts/gen-types.ts';

const genTypes = suite('npm run gen:types');

for (const { schema, types, name } of generated) {
  const file = types.split('/engine/').pop();
  genTypes(`should have generated ${file} from its current schema (run npm run gen:types if not)`, async () => {
    const committed = await readFile(types, 'utf8');
    assert.ok(
      committed === (await generateTypes(schema, name)),
      `engine/${file} is out of date with its schema: run \`npm run gen:types\``,
    );
  });
}

genTypes.run();
