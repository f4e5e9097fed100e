/** npm run bench: every benchmark, each printing its figures and its ratio to the peer it is measured against. */
import { benchValidation } from './validation.bench.ts';
import { benchChecker } from './checker.bench.ts';

benchValidation();
console.log();
await benchChecker();
