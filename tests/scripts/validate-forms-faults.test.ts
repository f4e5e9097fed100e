/**
 * The faults a forms author makes that the checker must catch, each refused at its line and
 * column with a message saying what to do: what no answers can reach through a chain of
 * conditions, a check-answers page short of 100%, and words made only of spaces.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFormFiles, recordPublished, type FileProblem } from '../../scripts/lib/check-form-files.ts';
import { definitionProblems, type FormDefinition } from '../../engine/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));

/** The last line holding `marker` in a fixture: where the checker must point. */
async function lineOf(file: string, marker: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findLastIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`${marker} not in ${file}`);
  return index + 1;
}

const fixture = (name: string) => join(here, 'broken', `${name}.json`);

async function check(name: string): Promise<FileProblem[]> {
  return checkFormFiles([fixture(name)], {
    formsDir: join(root, 'forms'),
    lockPath: join(root, 'forms/published.lock.json'),
    cwd: root,
  });
}

// Each fixture has one fault: its code and pointer, a piece of text on the line the checker must
// point at, and what the message must say.
const FAULTS: Array<[string, string, string, string, RegExp]> = [
  [
    'check-answers-text-never-reached',
    'never-reached',
    '/pages/4/content/0/showIf',
    '"showIf"',
    /^This text can never be shown: .*"urgent" is asked only when the page "more" is shown/,
  ],
  [
    'page-never-reached-through-chain',
    'never-reached',
    '/pages/3/showIf',
    '"showIf"',
    /^The page "urgency" can never be shown: .*"urgent" is asked only when the page "more" is shown \({"question": "role", "equals": "gp"}\)\. Change this condition, or the ones that decide when those questions are asked\.$/,
  ],
  [
    'question-excluded-by-its-page',
    'never-reached',
    '/pages/2/questions/0/showIf',
    '"showIf"',
    /^"notes" can never be shown: the page "more" holding it is shown only when {"question": "role", "equals": "gp"}, and then its own condition can never hold\. Change one of the two\.$/,
  ],
  [
    'page-shown-for-refused-number',
    'never-shown',
    '/pages/2/showIf',
    '"showIf"',
    /only answers refused by the questions it tests make this condition true \("days" accepts whole numbers from 1 to 7\)\. Change the values it tests, or the limits\./,
  ],
  [
    'page-shown-for-refused-date',
    'never-shown',
    '/pages/2/showIf',
    '"showIf"',
    /only answers refused by the questions it tests .*"referredOn" accepts only the dates its "rules" allow/,
  ],
  [
    'text-for-signed-out-after-account',
    'never-reached',
    '/pages/2/content/0/showIf',
    '"showIf"',
    /for someone who is not signed in, but the page "about-you" needs an account, so everyone who gets this far is signed in\. Take "signedIn": false out of its condition/,
  ],
  [
    'check-answers-progress-below-100',
    'check-answers-progress',
    '/pages/3/progress',
    '"progress": 90',
    /its progress is 100, not 90%: write "progress": 100\./,
  ],
  [
    'blank-label',
    'blank-text',
    '/pages/1/questions/2/label',
    '"label": "   "',
    /^The label is only spaces, so the person would see nothing there\. Write the question, as the person reads it/,
  ],
  [
    'blank-option-label',
    'blank-text',
    '/pages/1/questions/1/options/1/label',
    '"label": " \\t"',
    /^The option's label is only spaces.*Write the words the person chooses this option by\./,
  ],
  ['blank-page-title', 'blank-text', '/pages/2/title', '"title": "  "', /^The page title is only spaces/],
  ['blank-hint', 'blank-text', '/pages/2/questions/0/hint', '"hint": " "', /or remove "hint"\.$/],
];

const faults = suite('validate-forms on the faults an author makes');

for (const [name, code, pointer, marker, message] of FAULTS) {
  faults(`should refuse ${name} at its line and column, saying what to do`, async () => {
    const problems = await check(name);
    assert.equal(
      problems.map((p) => [p.code, p.pointer]),
      [[code, pointer]],
      JSON.stringify(problems, null, 1),
    );
    const [problem] = problems as [FileProblem];
    assert.is(problem.line, await lineOf(fixture(name), marker));
    assert.ok(problem.column > 1);
    assert.match(problem.message, message);
  });
}

faults('should refuse a page hanging on a page that is never shown, as well as that page', async () => {
  const name = 'page-after-page-never-shown';
  const problems = await check(name);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [
      ['unknown-option', '/pages/2/showIf/equals'],
      ['never-reached', '/pages/3/showIf'],
    ],
  );
  assert.is(problems[1]!.line, await lineOf(fixture(name), '"showIf"'));
  assert.match(
    problems[1]!.message,
    /^The page "urgency" can never be shown: .*"urgent" is never asked: it is on the page "more", which can never be shown \(see \/pages\/2\/showIf\)\./,
  );
});

faults('should accept chains of conditions that some answers follow to the end', async () => {
  const definition = JSON.parse(await readFile(join(here, 'valid.json'), 'utf8')) as FormDefinition;
  const [, about, more] = definition.pages as [unknown, FormDefinition['pages'][0], FormDefinition['pages'][0]];
  more.showIf = { question: 'role', equals: 'gp' };
  more.questions!.push(
    { id: 'urgent', type: 'yesNo', label: 'Is it urgent?', subject: 'whether it is urgent' },
    {
      id: 'contacts',
      type: 'group',
      label: 'People to contact',
      itemName: 'person',
      maxItems: 3,
      questions: [
        { id: 'contactKnown', type: 'yesNo', label: 'Known?', subject: 'whether they are known' },
        { id: 'contactName', type: 'text', label: 'Name', showIf: { question: 'contactKnown', equals: 'yes' } },
      ],
    },
  );
  definition.pages.splice(3, 0, {
    id: 'urgency',
    title: 'Urgency',
    progress: 60,
    showIf: {
      all: [
        { question: 'urgent', equals: 'yes' },
        { question: 'days', in: [1, 7] },
      ],
    },
    content: [{ type: 'paragraph', text: 'Sign in first.', showIf: { signedIn: false } }],
  });
  // Text for someone not signed in on the page that asks them to sign in is shown.
  about.content = [{ type: 'paragraph', text: 'Sign in to go on.', showIf: { signedIn: false } }];
  const problems = definitionProblems(definition);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [['never-reached', '/pages/3/content/0/showIf']],
  );
});

faults.run();

const portal = suite('validate-forms and the forms portal.json leads to');

const sandboxes: string[] = [];

portal(
  'should refuse a tile or link to a form that is only a draft, retired or missing, saying what to do',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'asc-forms-links-'));
    sandboxes.push(dir);
    const formsDir = join(dir, 'forms');
    const lockPath = join(formsDir, 'published.lock.json');
    const sample = JSON.parse(await readFile(join(here, 'valid.json'), 'utf8'));
    const write = async (id: string, status: string) => {
      await mkdir(join(formsDir, id), { recursive: true });
      await writeFile(join(formsDir, id, 'v1.json'), JSON.stringify({ ...sample, id, status }, null, 2));
    };
    await write('checker-sample', 'published');
    await write('dols-form-3', 'draft');
    await write('old-referral', 'retired');
    const content = JSON.parse(
      (await readFile(join(root, 'forms/portal.json'), 'utf8')).replace(
        /"form": "[a-z0-9-]+"/g,
        '"form": "checker-sample"',
      ),
    );
    delete content.triage;
    content.referrals.tiles[0].form = 'dols-form-3';
    content.referrals.tiles[1].form = 'old-referral';
    content.dols.forms[1].form = 'dols-form-4';
    const portalPath = join(formsDir, 'portal.json');
    await writeFile(portalPath, JSON.stringify(content, null, 2));
    await recordPublished({ formsDir, lockPath });

    const problems = await checkFormFiles([portalPath], { formsDir, lockPath, cwd: root });
    assert.equal(
      problems.map((p) => [p.code, p.pointer]),
      [
        ['form-not-published', '/referrals/tiles/0/form'],
        ['form-retired', '/referrals/tiles/1/form'],
        ['unknown-form', '/dols/forms/1/form'],
      ],
    );
    const [draft, retired, missing] = problems as [FileProblem, FileProblem, FileProblem];
    assert.is(draft.line, await lineOf(portalPath, '"form": "dols-form-3"'));
    assert.is(retired.line, await lineOf(portalPath, '"form": "old-referral"'));
    assert.is(missing.line, await lineOf(portalPath, '"form": "dols-form-4"'));
    assert.ok(draft.column > 1 && retired.column > 1 && missing.column > 1);
    assert.match(
      draft.message,
      'The tile "Referral for social care" leads to "dols-form-3", which has only a draft (v1)',
    );
    assert.match(
      draft.message,
      'Publish dols-form-3 first (set "status": "published" in forms/dols-form-3/v1.json and run `npm run validate-forms -- --lock`), or point it at a form that is published (checker-sample)',
    );
    assert.match(retired.message, '"old-referral", whose every version is retired');
    assert.match(retired.message, 'Publish a new version of old-referral (v2.json)');
    assert.match(missing.message, 'There is no form "dols-form-4" in forms/');
  },
);

portal.after(async () => {
  await Promise.all(sandboxes.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
portal.run();
