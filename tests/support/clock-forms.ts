/**
 * A forms folder with one small form whose date must be "today or in the past", built once per
 * run, for the tests of the council's clock: a server or a browser far from the council must still
 * take the council's today. `clockFormsDir(timeZone)` is a forms folder over the same build whose
 * portal.json names that time zone (or none).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../../engine/index.ts';
import { buildAll } from '../../scripts/lib/build-all.ts';
import { closeAtEnd } from './shared.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const CLOCK_FORM_ID = 'clock-sample';
export const NOT_IN_FUTURE = 'The date granted must be today or in the past';

export const clockForm: FormDefinition = {
  id: CLOCK_FORM_ID,
  version: 1,
  status: 'published',
  title: 'Clock sample',
  pages: [
    {
      id: 'granted',
      title: 'When it was granted',
      progress: 0,
      questions: [
        {
          id: 'grantedOn',
          type: 'date',
          label: 'Date granted',
          subject: 'the date it was granted',
          required: true,
          rules: [{ notAfter: { today: true }, message: NOT_IN_FUTURE }],
        },
      ],
    },
    { id: 'check-your-answers', title: 'Check your answers', progress: 100, kind: 'checkAnswers' },
  ],
};

let made: Promise<{ dir: string; buildDir: string }> | undefined;

function build(): Promise<{ dir: string; buildDir: string }> {
  made ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'asc-forms-clock-'));
    closeAtEnd(() => rm(dir, { recursive: true, force: true }));
    const formsDir = join(dir, 'forms');
    await mkdir(join(formsDir, CLOCK_FORM_ID), { recursive: true });
    await writeFile(join(formsDir, CLOCK_FORM_ID, 'v1.json'), JSON.stringify(clockForm, null, 2));
    await cp(join(root, 'forms/portal.json'), join(formsDir, 'portal.json'));
    const buildDir = join(dir, 'build');
    await buildAll(formsDir, buildDir);
    return { dir, buildDir };
  })();
  return made;
}

/** The build of the clock sample (BUILD_DIR). */
export async function clockBuildDir(): Promise<string> {
  return (await build()).buildDir;
}

/** A forms folder (FORMS_DIR) holding the clock sample, whose portal.json names this time zone (none when undefined). */
export async function clockFormsDir(timeZone: string | undefined): Promise<string> {
  const { dir } = await build();
  const formsDir = join(dir, `forms-${timeZone?.replace(/\//g, '-') ?? 'no-zone'}`);
  await mkdir(join(formsDir, CLOCK_FORM_ID), { recursive: true });
  await writeFile(join(formsDir, CLOCK_FORM_ID, 'v1.json'), JSON.stringify(clockForm, null, 2));
  const portal = JSON.parse(await readFile(join(root, 'forms/portal.json'), 'utf8'));
  portal.council.timeZone = timeZone;
  await writeFile(join(formsDir, 'portal.json'), JSON.stringify(portal, null, 2));
  return formsDir;
}
