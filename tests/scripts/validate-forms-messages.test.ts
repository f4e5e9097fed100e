/**
 * What the checker says about a definition or portal.json that breaks its schema, as an author
 * reads it: one message about the shape they meant, never a regular expression, and plain words
 * for each of the schema's keywords ("must be a whole number", not "must be integer").
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFormFiles, type FileProblem } from '../../scripts/lib/check-form-files.ts';
import { definitionProblems, portalProblems, type FormDefinition } from '../../engine/index.ts';
import { PATTERN_WORDS } from '../../engine/definition/schema-messages.ts';
import definitionSchema from '../../engine/definition/definition.schema.json' with { type: 'json' };
import portalSchema from '../../engine/contracts/portal.schema.json' with { type: 'json' };

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const sample = JSON.parse(await readFile(join(here, 'valid.json'), 'utf8')) as FormDefinition;
const portal = JSON.parse(await readFile(join(root, 'forms/portal.json'), 'utf8'));

async function lineOf(file: string, marker: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findLastIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`${marker} not in ${file}`);
  return index + 1;
}

/** The sample definition's problems after an edit. */
function problemsAfter(edit: (d: FormDefinition) => void): Array<[string, string]> {
  const definition = structuredClone(sample);
  edit(definition);
  return definitionProblems(definition).map((p) => [p.pointer, p.message]);
}

/** The real portal content's problems after an edit. */
function portalAfter(edit: (content: typeof portal) => void): Array<[string, string]> {
  const content = structuredClone(portal);
  edit(content);
  return portalProblems(content, [
    'social-care-referral',
    'occupational-therapy-referral',
    'dols-form-1',
    'dols-form-2',
  ]).map((p) => [p.pointer, p.message]);
}

// What ajv says on its own, and what a regular expression looks like: no message may hold either.
const RAW = [
  /must be integer/,
  /must NOT/,
  /must match/,
  /must be equal to/,
  /must have required/,
  /\^|\$"|\(\?|\\d|\\S|\[a-z/,
];

function plain(message: string): void {
  for (const raw of RAW) assert.not.match(message, raw, message);
}

/** One problem, at `pointer`, saying `message` in plain words. */
function onlyProblem(problems: Array<[string, string]>, pointer: string, message: RegExp): void {
  assert.equal(
    problems.map(([p]) => p),
    [pointer],
    JSON.stringify(problems),
  );
  assert.match(problems[0]![1], message);
  plain(problems[0]![1]);
}

const meant = suite('validate-forms says what is wrong with the shape the author meant');

const SHAPES: Array<[string, string, string, RegExp]> = [
  [
    'condition-two-operators',
    '/pages/2/showIf',
    '"showIf"',
    /^This test of "isProfessional" has 2 operators \("equals" and "notEquals"\): keep one\. To test more than one thing, put a test for each in "all" or "any"\.$/,
  ],
  [
    'condition-empty-in',
    '/pages/2/showIf/all/1/in',
    '"in": []',
    /^"in" must list at least one value: the answers that make this test hold\.$/,
  ],
  [
    'offset-days-as-text',
    '/pages/1/questions/4/rules/0/notBefore/offsetDays',
    '"offsetDays": "-30"',
    /^"offsetDays" must be a whole number, such as 3: take the quotes off "-30"\.$/,
  ],
  [
    'link-not-https',
    '/pages/0/content/0/text/1/href',
    'http://www.sefton.gov.uk',
    /^Use https:\/\/, not http:\/\/: a link must start with https:\/\/, tel: or mailto:, or be a path on this site/,
  ],
];

for (const [name, pointer, marker, message] of SHAPES) {
  meant(`should say one thing about ${name}, at its line`, async () => {
    const file = join(here, 'broken', `${name}.json`);
    const problems = await checkFormFiles([file], {
      formsDir: join(root, 'forms'),
      lockPath: join(root, 'forms/published.lock.json'),
      cwd: root,
    });
    assert.equal(
      problems.map((p) => p.pointer),
      [pointer],
      JSON.stringify(problems, null, 1),
    );
    const [problem] = problems as [FileProblem];
    assert.is(problem.line, await lineOf(file, marker));
    assert.ok(problem.column > 1);
    assert.match(problem.message, message);
  });
}

meant('should say one thing about a condition or a date that is none of the shapes allowed', () => {
  const at = (showIf: unknown) =>
    problemsAfter((d) => {
      d.pages[2]!.showIf = showIf as never;
    });
  assert.equal(at({ question: 'role', equal: 'gp' }), [
    ['/pages/2/showIf/equal', '"equal" is not a property this can have: did you mean "equals"?'],
  ]);
  assert.equal(at({ question: 'role' }), [
    [
      '/pages/2/showIf',
      'This test of "role" needs one of "equals", "notEquals", "in", "includes", "answered", "before", "after", "onOrBefore" or "onOrAfter", such as { "question": "role", "equals": "yes" }.',
    ],
  ]);
  assert.equal(at({ whenever: true }), [
    [
      '/pages/2/showIf',
      'This condition is not one the engine knows: use {"all": [...]}, {"any": [...]}, {"not": {...}} or {"question": "id", "equals": ...}.',
    ],
  ]);
  assert.equal(at({ not: { all: [{ question: 'role', equals: 'gp' }, { any: [] }] } }), [
    ['/pages/2/showIf/not/all/1/any', '"any" must list at least one item.'],
  ]);
  assert.equal(at({ question: 'role', before: { today: true, question: 'days' } }), [
    [
      '/pages/2/showIf/before',
      'Compare with today or with another question\'s answer, not both: keep "today": true or "question".',
    ],
  ]);
  assert.equal(
    problemsAfter((d) => {
      d.pages[0]!.content = [{ type: 'paragraph', text: 42 as never }];
    }),
    [
      [
        '/pages/0/content/0/text',
        '"text" must be text in double quotes, or a list of pieces of text: ["See ", { "text": "our page", "href": "https://…" }].',
      ],
    ],
  );
});

meant.run();

const patterns = suite('validate-forms never shows a regular expression');

patterns('should have words for every pattern of the definition and portal schemas', () => {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const { pattern } = node as { pattern?: unknown };
    if (typeof pattern === 'string') found.add(pattern);
    Object.values(node).forEach(walk);
  };
  walk(definitionSchema);
  walk(portalSchema);
  assert.ok(found.size >= 9);
  for (const pattern of found) assert.ok(PATTERN_WORDS[pattern], `no words for the pattern ${pattern}`);
});

patterns('should say each naming rule and link rule in words', () => {
  const cases: Array<[(d: FormDefinition) => void, string, RegExp]> = [
    [(d) => (d.id = 'Checker Sample'), '/id', /^"id" must be small letters and digits in words joined by hyphens/],
    [(d) => (d.pages[1]!.id = 'About_You'), '/pages/1/id', /^"id" must be small letters and digits in words joined/],
    [
      (d) => (d.pages[1]!.questions![0]!.id = 'is-professional'),
      '/pages/1/questions/0/id',
      /^"id" must be written in camelCase: .* like "personDateOfBirth"\.$/,
    ],
    [
      (d) => ((d.pages[1]!.questions![1] as { options: Array<{ value: string }> }).options[0]!.value = 'Social worker'),
      '/pages/1/questions/1/options/0/value',
      /^"value" must be small letters and digits in words joined by hyphens, like "care-home"\.$/,
    ],
    [
      (d) => (d.pages[0]!.content = [{ type: 'paragraph', text: [{ text: 'Call us', href: 'phone:0151' }] }]),
      '/pages/0/content/0/text/0/href',
      /^"href" must start with https:\/\/, tel: or mailto:, or be a path on this site starting with one \//,
    ],
  ];
  for (const [edit, pointer, message] of cases) onlyProblem(problemsAfter(edit), pointer, message);
  const portalCases: Array<[(c: typeof portal) => void, string, RegExp]> = [
    [(c) => (c.council.website = 'www.sefton.gov.uk'), '/council/website', /^"website" must start with https:\/\//],
    [(c) => (c.council.phone.tel = '0345 140 0845'), '/council/phone/tel', /^"tel" must be the number to dial/],
    [
      (c) => (c.workingHours.week.monday.opens = '9am'),
      '/workingHours/week/monday/opens',
      /^"opens" must be a time on the 24-hour clock written HH:MM, like "17:30"\.$/,
    ],
    [
      (c) => (c.workingHours.bankHolidays[0].date = '1/1/2026'),
      '/workingHours/bankHolidays/0/date',
      /^"date" must be a date written YYYY-MM-DD/,
    ],
    [
      (c) => (c.referrals.tiles[0].form = 'Social Care'),
      '/referrals/tiles/0/form',
      /^"form" must be small letters and digits in words joined by hyphens/,
    ],
  ];
  for (const [edit, pointer, message] of portalCases) onlyProblem(portalAfter(edit), pointer, message);
});

patterns.run();

const grammar = suite('validate-forms says what to write in plain words');

grammar('should say each keyword as an author would', () => {
  const CASES: Array<[string, (d: FormDefinition) => void, string, string]> = [
    [
      'type integer',
      (d) => (d.pages[1]!.progress = 12.5),
      '/pages/1/progress',
      '"progress" must be a whole number, such as 3, not 12.5.',
    ],
    [
      'type boolean',
      (d) => ((d.pages[1]!.questions![0] as { required: unknown }).required = 'true'),
      '/pages/1/questions/0/required',
      '"required" must be true or false, without quotes: take the quotes off "true".',
    ],
    ['type array', (d) => (d.pages = {} as never), '/pages', '"pages" must be a list in square brackets [ ].'],
    ['minimum', (d) => (d.version = 0), '/version', '"version" must be at least 1.'],
    ['maximum', (d) => (d.pages[2]!.progress = 120), '/pages/2/progress', '"progress" must be at most 100.'],
    [
      'minLength',
      (d) => (d.pages[2]!.title = ''),
      '/pages/2/title',
      '"title" must not be empty: write the words between the quotes.',
    ],
    [
      'maxLength',
      (d) => (d.title = 'x'.repeat(301)),
      '/title',
      '"title" must be at most 300 characters long, and this is 301: shorten it.',
    ],
    [
      'minItems',
      (d) => ((d.pages[1]!.questions![1] as { options: unknown[] }).options = []),
      '/pages/1/questions/1/options',
      '"options" must list at least one item.',
    ],
    [
      'enum',
      (d) => (d.status = 'publish' as never),
      '/status',
      '"status" must be one of "draft", "published", "retired": did you mean "published"?',
    ],
    [
      'const',
      (d) => (d.pages[2]!.showIf = { question: 'days', before: { today: false } } as never),
      '/pages/2/showIf/before/today',
      '"today" must be true.',
    ],
    [
      'required',
      (d) => delete (d.pages[2] as { title?: string }).title,
      '/pages/2',
      'Add "title": it is required here.',
    ],
    [
      'additionalProperties',
      (d) => ((d.pages[2] as unknown as Record<string, unknown>).progres = 50),
      '/pages/2/progres',
      '"progres" is not a property this can have: did you mean "progress"?',
    ],
    [
      'unevaluatedProperties',
      (d) => ((d.pages[2]!.questions![0] as unknown as Record<string, unknown>).hnt = 'x'),
      '/pages/2/questions/0/hnt',
      '"hnt" is not a property this can have: did you mean "hint"?',
    ],
    [
      'unevaluatedProperties',
      (d) => ((d.pages[2]!.questions![0] as unknown as Record<string, unknown>).lable = 'x'),
      '/pages/2/questions/0/lable',
      '"lable" is not a property this can have: did you mean "label"?',
    ],
    [
      'format',
      (d) =>
        (d.pages[0]!.content = [
          { type: 'paragraph', text: [{ text: 'Our page', href: 'https://example.org/a page' }] },
        ]),
      '/pages/0/content/0/text/0/href',
      'This link is not well-formed: check it for spaces or stray characters.',
    ],
    [
      'uniqueItems',
      (d) => (d.aboutPerson = ['whyNot', 'whyNot'] as never),
      '/aboutPerson/1',
      '"aboutPerson" lists "whyNot" twice (items 1 and 2): list each once.',
    ],
  ];
  for (const [keyword, edit, pointer, message] of CASES) {
    const problems = problemsAfter(edit).filter(([, m]) => !m.startsWith('"aboutPerson" names'));
    assert.equal(problems, [[pointer, message]], keyword);
    plain(message);
  }
});

grammar.run();
