/** How long `npm run validate-forms` takes on one form and on all four, after start-up: it should be quick enough to run on save. */
import { fileURLToPath } from 'node:url';
import { checkFormFiles } from '../scripts/lib/check-form-files.ts';
import { newestVersion } from '../tests/fixtures/forms.ts';

export async function benchChecker(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const options = { formsDir: `${root}forms`, lockPath: `${root}forms/published.lock.json`, cwd: root };
  const time = async (files: string[]) => {
    await checkFormFiles(files, options);
    const runs = 20;
    const start = performance.now();
    for (let i = 0; i < runs; i++) await checkFormFiles(files, options);
    return (performance.now() - start) / runs;
  };
  const one = await time([`${root}forms/dols-form-1/v${newestVersion('dols-form-1')}.json`]);
  const all = await time([]);
  console.log('Checking definitions (validate-forms, after start-up):');
  console.log(`  one form (DoLS Form 1)       ${one.toFixed(1)} ms`);
  console.log(`  every version and the lock  ${all.toFixed(1)} ms`);
}
