/**
 * npm run preview, as a form author runs it: never in production; over a copy of the forms folder
 * with a draft in it, the draft offered and marked as one, a fault saved into it listed with its
 * file, line and column while the last good version stays on show, and the fixed file sent to the
 * page as a reload.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { readFile, writeFile } from 'node:fs/promises';
import type { FormList, FormToRun } from '../../engine/index.ts';
import type { PreviewState } from '../../renderer/preview/preview-state.ts';
import { runToExit } from '../support/portal-process.ts';
import { DRAFT_TITLE, formsWithDraft, previewEventStream, startPreviewProcess } from '../support/preview.ts';

const refusing = suite('npm run preview where NODE_ENV means production');

for (const nodeEnv of ['production', 'Production', 'prod'])
  refusing(`should refuse to start with NODE_ENV=${nodeEnv}, saying why and what to run instead`, async () => {
    const { formsDir } = await formsWithDraft();
    const { status, output } = await runToExit(
      { NODE_ENV: nodeEnv, FORMS_DIR: formsDir },
      { script: 'scripts/preview.ts' },
    );
    assert.is(status, 78, output);
    assert.match(output, `npm run preview will not run with NODE_ENV=${nodeEnv}`);
    assert.match(output, /shows draft forms that are not published/);
    assert.match(output, /npm run serve/);
    assert.not.match(output, /Preview at/);
  });

refusing.run();

const preview = suite('npm run preview over a forms folder with a draft');
let baseUrl = '';
let draftFile = '';

preview.before(async () => {
  const made = await formsWithDraft();
  draftFile = made.draftFile;
  baseUrl = await startPreviewProcess(made.formsDir);
});

const getJson = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${baseUrl}${path}`);
  assert.is(response.status, 200, path);
  return (await response.json()) as T;
};

preview('should offer the draft at the form’s address and list it as a draft, not published', async () => {
  const { forms } = await getJson<FormList>('/api/forms');
  assert.equal(
    forms.find((f) => f.id === 'dols-form-1'),
    {
      id: 'dols-form-1',
      title: DRAFT_TITLE,
      description: forms.find((f) => f.id === 'dols-form-1')!.description,
      version: 3,
    },
  );
  const { definition } = await getJson<FormToRun>('/api/forms/dols-form-1');
  assert.is(definition.status, 'draft');
  const state = await getJson<PreviewState>('/preview/api/state');
  const form = state.forms.find((f) => f.id === 'dols-form-1')!;
  assert.is(form.opens, 3);
  assert.equal(
    form.versions.map((v) => [v.version, v.status]),
    [
      [1, 'retired'],
      [2, 'published'],
      [3, 'draft'],
    ],
  );
  assert.ok(
    form.versions.every((v) => v.pages.every((p) => p.reachable)),
    'every page opens with answers that show it',
  );
  // The preview's page lists them with its own script, which the page's CSP allows (same origin).
  const page = await fetch(`${baseUrl}/preview`);
  const html = await page.text();
  assert.match(html, '<asc-preview view="forms"></asc-preview>');
  assert.match(html, '<script type="module" src="/preview/preview.js"></script>');
  assert.match(page.headers.get('content-security-policy') ?? '', "script-src 'self'");
  const script = await fetch(`${baseUrl}/preview/preview.js`);
  assert.is(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', 'javascript');
});

preview(
  'should show the draft\u2019s flow, as a picture and in words, and what changed from the version before',
  async () => {
    const base = `${baseUrl}/preview/api/forms/dols-form-1/versions/3`;
    const svg = await fetch(`${base}/flow.svg`);
    assert.is(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    assert.match(await svg.text(), new RegExp(`<svg[\\s\\S]*${DRAFT_TITLE.replace(/[()]/g, '.')}`));
    const words = await (await fetch(`${base}/flow.txt`)).text();
    assert.match(words, /Before you start/);
    const changes = await fetch(`${base}/changes`);
    assert.is(changes.status, 200);
    const text = await changes.text();
    assert.match(text, /version 2 \(published\) \u2192 version 3 \(draft\)/);
    assert.match(text, /Forms saved on version 2/);
    assert.match(text, /The answers schema is the same: nothing changes for an integrator/);
  },
);

preview(
  'a fault saved in the draft should be listed with file:line:column, the last good version still shown; the fix should reload the page',
  async () => {
    const events = await previewEventStream(baseUrl);
    try {
      const good = await readFile(draftFile, 'utf8');
      const goodTitle = (JSON.parse(good) as FormToRun['definition']).pages[0]!.title;
      const faulty = good.replace(`"title": "${goodTitle}"`, '"title": ""');
      const lines = faulty.split('\n');
      const line = lines.findIndex((l) => l.includes('"title": ""'));
      await writeFile(draftFile, faulty);
      await events.next('problems');
      const { problems } = await getJson<PreviewState>('/preview/api/state');
      assert.equal(
        problems.map(({ file, line, column, pointer }) => ({ file, line, column, pointer })),
        [
          {
            file: 'forms/dols-form-1/v3.json',
            line: line + 1,
            column: lines[line]!.indexOf('"title"') + 1,
            pointer: '/pages/0/title',
          },
        ],
      );
      assert.is((await getJson<FormToRun>('/api/forms/dols-form-1')).definition.pages[0]!.title, goodTitle);

      await writeFile(
        draftFile,
        good.replace(`"title": "${goodTitle}"`, '"title": "Before you start: the new wording"'),
      );
      assert.equal(await events.next('reload'), { files: [draftFile] });
      assert.equal((await getJson<PreviewState>('/preview/api/state')).problems, []);
      const fixed = await getJson<FormToRun>('/api/forms/dols-form-1');
      assert.is(fixed.definition.pages[0]!.title, 'Before you start: the new wording');
      // The validators were built again for it, and the page can load them.
      assert.is((await fetch(`${baseUrl}${fixed.validators}`)).status, 200);
    } finally {
      events.close();
    }
  },
);

preview('Submit and Save for later should say they are not available in preview', async () => {
  for (const path of ['/api/submissions', '/api/drafts']) {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: '{}',
    });
    assert.is(response.status, 403, path);
    const body = (await response.json()) as { error: { message: string } };
    assert.match(body.error.message, /not available in preview: nothing is (sent|saved)/);
  }
  const account = await getJson<{ user: { forename: string } }>('/api/account');
  assert.is(account.user.forename, 'Sam');
});

preview.run();
