/** The licence a council's lawyers and npm's tools read: MIT, in LICENSE and in package.json alike. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const licence = suite('The licence');

licence('should be MIT, in a LICENSE file and in package.json', async () => {
  const text = await readFile(`${root}LICENSE`, 'utf8');
  assert.match(text, /^MIT License\n/);
  assert.match(text, /Permission is hereby granted, free of charge/);
  const pkg = JSON.parse(await readFile(`${root}package.json`, 'utf8'));
  assert.is(pkg.license, 'MIT');
});

licence.run();
