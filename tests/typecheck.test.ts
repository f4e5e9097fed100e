import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const typecheck = suite('TypeScript');

typecheck('should type-check the whole project under strict settings (tsc --noEmit)', async () => {
  const result = await promisify(execFile)(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, '--noEmit', '-p', root],
    { cwd: root, maxBuffer: 10 * 1024 * 1024 },
  ).then(
    () => ({ ok: true, output: '' }),
    (error) => ({ ok: false, output: `${error.stdout}${error.stderr}` }),
  );
  assert.ok(result.ok, result.output);
});

typecheck.run();
