/**
 * npm test: every uvu suite under tests/ in one run, with coverage of engine/ (c8, thresholds in
 * .c8rc.json), ending with one line `N passed, N failed` that CI reads.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pattern = process.argv[2] ?? '\\.test\\.ts$';

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

const c8 = `${root}node_modules/c8/bin/c8.js`;
const { code, output } = await run(process.execPath, [
  c8,
  process.execPath,
  '--import',
  'tsx',
  `${root}tests/run.ts`,
  pattern,
]);

const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(output)?.[1] ?? 0);
const total = count('Total');
const skipped = count('Skipped');
const passed = count('Passed');
// uvu's Total leaves out skipped tests.
let failed = total - passed;
if (!/Total:\s+\d+/.test(output)) failed += 1; // the run itself broke before uvu could count
// c8 fails the run when engine/ coverage is under its thresholds: one more failed check.
const coverageShort = /ERROR: Coverage for .* does not meet/.test(output);
if (coverageShort) {
  failed += 1;
  console.log('Coverage of engine/ is below the thresholds in .c8rc.json (see the lines above).');
} else if (code !== 0 && failed === 0) {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;
