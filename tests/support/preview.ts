/** The authors' preview (npm run preview) for the tests: a copy of the forms folder with a draft in it, and the preview as a process of its own. */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../../engine/index.ts';
import { closeAtEnd } from './shared.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The title of the draft the copy holds: version 3 of DoLS Form 1, not published. */
export const DRAFT_TITLE = 'DoLS Form 1: standard request and urgent authorisation (new wording)';

/**
 * A copy of forms/ in a temporary folder (named forms, so the preview names its files
 * forms/<id>/v<N>.json), with version 3 of dols-form-1 as a draft; removed at the end of the run.
 */
export async function formsWithDraft(): Promise<{ formsDir: string; draftFile: string; draft: FormDefinition }> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-preview-test-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  const formsDir = join(dir, 'forms');
  await cp(join(root, 'forms'), formsDir, { recursive: true });
  const published = JSON.parse(await readFile(join(formsDir, 'dols-form-1/v2.json'), 'utf8')) as FormDefinition;
  const draft: FormDefinition = { ...published, version: 3, status: 'draft', title: DRAFT_TITLE };
  const draftFile = join(formsDir, 'dols-form-1/v3.json');
  await writeFile(draftFile, `${JSON.stringify(draft, null, 2)}\n`);
  return { formsDir, draftFile, draft };
}

/** Starts `npm run preview` as it runs (node --import tsx scripts/preview.ts) over `formsDir`; resolves with its address once it listens. */
export async function startPreviewProcess(formsDir: string, env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/preview.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', FORMS_DIR: formsDir, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  closeAtEnd(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The preview did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /Preview at (http:\/\/[^\s/]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', () => reject(new Error(`The preview stopped:\n${output}`)));
  });
}

/** The events of the preview's stream, as they arrive. */
export async function previewEventStream(
  baseUrl: string,
): Promise<{ next(name: string): Promise<unknown>; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/preview/events`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const received: Array<{ event: string; data: unknown }> = [];
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) received.push({ event, data: data && JSON.parse(data) });
      }
    }
  })();
  return {
    async next(name) {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const index = received.findIndex((r) => r.event === name);
        if (index >= 0) return received.splice(0, index + 1).at(-1)!.data;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No "${name}" event within a minute; received ${JSON.stringify(received)}`);
    },
    close() {
      controller.abort();
      void pump;
    },
  };
}
