/**
 * The portal as its own process, as `npm start` runs it (its settings from the environment, TZ
 * included), but on a clock the test sets: for the tests of the council's today on a machine set
 * to another zone. Test-only: nothing in server/ reads a clock from outside.
 *
 *   node --import tsx tests/support/fixed-clock-portal.ts 2026-07-01T22:59:00Z
 *
 * prints "portal at http://127.0.0.1:<port>" once it listens; each line written to its stdin is
 * an instant to move the clock to, answered "clock at <instant>" once the clock reads it.
 */
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { createApp, readConfig } from '../../server/index.ts';

function instant(text: string | undefined): number {
  const ms = Date.parse(text ?? '');
  if (Number.isNaN(ms)) throw new Error(`Give the clock's instant as an ISO date and time, not "${text}".`);
  return ms;
}

let time = instant(process.argv[2]);
const { koa } = await createApp(readConfig(), { clock: { now: () => time } });
const server = koa.listen(0, '127.0.0.1', () => {
  console.log(`portal at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  time = instant(line.trim());
  console.log(`clock at ${new Date(time).toISOString()}`);
});
