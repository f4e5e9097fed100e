/**
 * Runs the uvu suites under tests/ (optionally only files matching a pattern) in this process,
 * then exits: the browser and server the browser suites share would otherwise keep it alive.
 */
import { parse } from 'uvu/parse';
import { run } from 'uvu/run';
import { fileURLToPath } from 'node:url';
import { closeShared } from './support/shared.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const { suites } = await parse(dir, process.argv[2] || '\\.test\\.ts$', { ignore: ['support/', 'fixtures/'] });
await run(suites, { bail: false });
await closeShared();
process.exit(process.exitCode ?? 0);
