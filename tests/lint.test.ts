import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const lint = suite('Lint and format');

lint('should find no lint problem and nothing left unformatted under biome.json (npm run lint)', async () => {
  const biome = `${root}node_modules/@biomejs/biome/bin/biome`;
  const result = await promisify(execFile)(
    process.execPath,
    [biome, 'ci', '--error-on-warnings', '--colors=off', '.'],
    { cwd: root, maxBuffer: 10 * 1024 * 1024 },
  ).then(
    () => ({ ok: true, output: '' }),
    (error) => ({ ok: false, output: `${error.stdout}${error.stderr}` }),
  );
  assert.ok(result.ok, `${result.output}\nRun npm run format to fix what can be fixed by itself.`);
});

lint.run();
