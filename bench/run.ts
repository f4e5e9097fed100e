/** npm run bench: every benchmark, each printing its figures and its ratio to the peer it is measured against. */
import { existsSync } from 'node:fs';
import { benchValidation } from './validation.bench.ts';
import { benchChecker } from './checker.bench.ts';
import { benchBundleSize } from './bundle-size.bench.ts';
import { benchTimeToInteractive } from './time-to-interactive.bench.ts';
import { benchLayoutShift } from './layout-shift.bench.ts';
import { benchWireSize } from './wire-size.bench.ts';
import { benchInbox } from './inbox.bench.ts';

benchValidation();
console.log();
await benchChecker();
console.log();
await benchBundleSize();
console.log();
await benchWireSize();
console.log();
if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) await benchTimeToInteractive();
else console.log('Time to interactive: skipped, chromium not found (apt-get install chromium).');
console.log();
if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) await benchLayoutShift();
else console.log('Layout shift: skipped, chromium not found (apt-get install chromium).');
console.log();
await benchInbox();
