/**
 * The diff of two versions on small forms made for it: each kind of change to pages, questions
 * and text is said, each change to the answers schema that breaks a case system is called
 * breaking (and the safe and risky ones are not), and what happens to saved forms follows the
 * versions' statuses.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { definitionProblems, diffForms, diffLines, type FormDefinition, type FormDiff } from '../../../engine/index.ts';

const base: FormDefinition = {
  id: 'diff-sample',
  version: 1,
  status: 'retired',
  title: 'Diff sample',
  pages: [
    {
      id: 'before-you-start',
      title: 'Before you start',
      progress: 0,
      content: [
        { type: 'paragraph', text: 'Use this form to ask for help.' },
        { type: 'inset', text: 'Call us if it is urgent.' },
      ],
    },
    {
      id: 'about-you',
      title: 'About you',
      progress: 20,
      questions: [
        {
          id: 'isProfessional',
          type: 'yesNo',
          label: 'Are you a professional?',
          subject: 'whether you are a professional',
          required: true,
        },
        {
          id: 'role',
          type: 'radios',
          label: 'Your role',
          options: [
            { value: 'social-worker', label: 'Social worker' },
            { value: 'gp', label: 'GP' },
          ],
        },
        { id: 'yourName', type: 'text', label: 'Your name', required: true },
        { id: 'days', type: 'number', label: 'Days', min: 1, max: 7, integer: true },
        { id: 'whyNot', type: 'textarea', label: 'Why not', showIf: { question: 'isProfessional', equals: 'no' } },
      ],
    },
    {
      id: 'the-person',
      title: 'The person',
      progress: 50,
      questions: [
        {
          id: 'personDateOfBirth',
          type: 'date',
          label: 'Date of birth',
          rules: [{ before: { today: true }, message: 'Date of birth must be in the past' }],
        },
        {
          id: 'contacts',
          type: 'group',
          label: 'People to contact',
          itemName: 'person',
          maxItems: 5,
          questions: [
            { id: 'contactName', type: 'text', label: 'Name', required: true },
            { id: 'contactPhone', type: 'phone', label: 'Phone' },
          ],
        },
      ],
    },
    { id: 'notes', title: 'Notes', progress: 80, questions: [{ id: 'notesText', type: 'textarea', label: 'Notes' }] },
    { id: 'check-your-answers', title: 'Check your answers', progress: 100, kind: 'checkAnswers' },
  ],
};

/** Version 2: a copy of the sample, published, changed by `change`, and sound. */
function version2(change: (definition: FormDefinition) => void): FormDefinition {
  const next = structuredClone(base);
  Object.assign(next, { version: 2, status: 'published' });
  change(next);
  assert.equal(definitionProblems(next), [], 'the changed sample should be sound');
  return next;
}

const pageOf = (definition: FormDefinition, id: string) => definition.pages.find((p) => p.id === id)!;
// biome-ignore lint/suspicious/noExplicitAny: the samples change questions of every type
const questionOf = (definition: FormDefinition, id: string): any =>
  definition.pages.flatMap((p) => p.questions ?? []).find((q) => 'id' in q && q.id === id);
const diffTo = (change: (definition: FormDefinition) => void) => diffForms(base, version2(change));
const words = (diff: FormDiff, id: string) => diff.questions.find((q) => q.id === id)?.changes.map((c) => c.words);
const schema = (diff: FormDiff) => diff.integrators.changes.map((c) => `${c.severity} ${c.kind} ${c.field}`);

const questions = suite('diff-forms: questions');

questions('should say a question added, with whether it is mandatory and when it is asked', () => {
  const diff = diffTo((d) =>
    pageOf(d, 'about-you').questions!.push({
      id: 'team',
      type: 'text',
      label: 'Your team',
      showIf: { question: 'isProfessional', equals: 'yes' },
      prefill: { account: 'surname' },
    }),
  );
  const added = diff.questions.find((q) => q.id === 'team')!;
  assert.equal([added.kind, added.place.pageId, added.type], ['added', 'about-you', 'text']);
  assert.equal(added.asked, [
    'optional',
    'asked only when "isProfessional" is "yes"',
    "filled in with the signed-in person's surname",
  ]);
  assert.ok(
    diffLines(diff).includes(
      '  Added question "team" on page “About you” (about-you): “Your team”, one line of text (text)',
    ),
  );
  assert.equal(schema(diff), ['safe field-added team']);
});

questions('should say a question removed, drop its answer for someone starting afresh, and call it breaking', () => {
  const diff = diffTo((d) => (pageOf(d, 'notes').questions = []));
  assert.equal(
    diff.questions.map((q) => `${q.kind} ${q.id} ${q.place.pageId}`),
    ['removed notesText notes'],
  );
  assert.equal(diff.savedForms.answersDropped, ['notesText']);
  assert.equal(schema(diff), ['breaking field-removed notesText']);
  assert.match(diff.integrators.changes[0]!.words, /"notesText" is gone/);
  assert.ok(diff.integrators.breaking);
});

questions('should say a label, hint, subject and summary label reworded', () => {
  const diff = diffTo((d) => {
    Object.assign(questionOf(d, 'role'), { label: 'Your job', hint: 'As your employer names it', summaryLabel: 'Job' });
    delete questionOf(d, 'isProfessional').subject;
    questionOf(d, 'isProfessional').label = 'Is this part of your job?';
    questionOf(d, 'isProfessional').subject = 'whether this is part of your job';
  });
  assert.equal(words(diff, 'role'), [
    'label: “Your role” → “Your job”',
    'hint added: “As your employer names it”',
    'summary label added: “Job”',
  ]);
  assert.equal(words(diff, 'isProfessional'), [
    'label: “Are you a professional?” → “Is this part of your job?”',
    'subject: “whether you are a professional” → “whether this is part of your job”',
  ]);
  assert.equal(schema(diff), ['safe words-changed isProfessional', 'safe words-changed role']);
});

questions("should say a type changed, and that the case system must read each version's answers by its type", () => {
  const diff = diffTo((d) => {
    const days = questionOf(d, 'days');
    for (const key of ['min', 'max', 'integer']) delete days[key];
    days.type = 'text';
  });
  assert.equal(words(diff, 'days')![0], 'type: a number (number) → one line of text (text)');
  assert.equal(schema(diff), ['breaking type-changed days']);
  assert.match(diff.integrators.changes[0]!.words, /"days" changes type: integer → string/);
  assert.equal(diff.savedForms.answersToCheck, ['days']);
});

questions(
  'should say options added, removed, relabelled and reordered; a value gone is breaking, a new one risky',
  () => {
    const diff = diffTo((d) => {
      questionOf(d, 'role').options = [
        { value: 'occupational-therapist', label: 'Occupational therapist' },
        { value: 'social-worker', label: 'Social worker (registered)' },
      ];
    });
    assert.equal(words(diff, 'role'), [
      'option removed: "gp" (“GP”)',
      'option added: "occupational-therapist" (“Occupational therapist”)',
      'option "social-worker" relabelled: “Social worker” → “Social worker (registered)”',
    ]);
    assert.equal(schema(diff), ['breaking value-removed role', 'risky value-added role']);
    assert.match(
      diff.integrators.changes[1]!.words,
      /"role" can now be "occupational-therapist": a case system that refuses values it does not know/,
    );
    const reordered = diffTo((d) => questionOf(d, 'role').options.reverse());
    assert.equal(words(reordered, 'role'), ['options put in another order']);
    assert.equal(schema(reordered), []);
  },
);

questions(
  'should say a question made mandatory (breaking: newly required) and one made optional (breaking too)',
  () => {
    const made = diffTo((d) => (questionOf(d, 'role').required = true));
    assert.equal(words(made, 'role'), ['required: optional → mandatory']);
    assert.equal(schema(made), ['breaking newly-required role']);
    assert.match(made.integrators.changes[0]!.words, /tell the versions apart by formVersion/);
    const freed = diffTo((d) => delete questionOf(d, 'yourName').required);
    assert.equal(words(freed, 'yourName'), ['required: mandatory → optional']);
    assert.equal(schema(freed), ['breaking no-longer-required yourName']);
  },
);

questions(
  'should say a condition on a question in words, and that a mandatory answer asked only sometimes is not in every answer',
  () => {
    const diff = diffTo((d) => (questionOf(d, 'yourName').showIf = { question: 'role', in: ['gp', 'social-worker'] }));
    assert.equal(words(diff, 'yourName'), [
      'when it is asked: always asked when its page is shown → asked only when "role" is one of "gp", "social-worker"',
    ]);
    assert.equal(schema(diff), ['breaking no-longer-required yourName', 'safe words-changed yourName']);
    const requiredWhen = diffTo((d) => {
      delete questionOf(d, 'yourName').required;
      questionOf(d, 'yourName').requiredWhen = { not: { question: 'isProfessional', equals: 'no' } };
      questionOf(d, 'yourName').hint = 'Needed unless you are not a professional';
    });
    assert.ok(
      words(requiredWhen, 'yourName')!.includes(
        'required: mandatory → mandatory only when not "isProfessional" is "no"',
      ),
    );
  },
);

questions('should say limits changed: a higher limit is risky for the case system, a lower one safe', () => {
  const diff = diffTo((d) => {
    questionOf(d, 'yourName').maxLength = 500;
    questionOf(d, 'days').max = 5;
  });
  assert.equal(words(diff, 'yourName'), ['longest answer (characters): 200 → 500']);
  assert.equal(words(diff, 'days'), ['largest: 7 → 5']);
  assert.equal(schema(diff), ['risky limit-widened yourName', 'safe limit-narrowed days']);
  assert.match(
    diff.integrators.changes[0]!.words,
    /longest \(characters\): 200 → 500: answers can now be larger or longer/,
  );
});

questions("should say a date rule's offset changed, as the rule before and after", () => {
  const diff = diffTo((d) => {
    questionOf(d, 'personDateOfBirth').rules = [
      {
        notAfter: { today: true, offsetYears: -18 },
        when: { question: 'isProfessional', equals: 'yes' },
        message: 'The person must be 18 or over',
      },
    ];
  });
  assert.equal(words(diff, 'personDateOfBirth'), [
    'date rule removed: must be before today (“Date of birth must be in the past”)',
    'date rule added: must not be after 18 years before today when "isProfessional" is "yes" (“The person must be 18 or over”)',
  ]);
  assert.equal(diff.savedForms.answersToCheck, ['personDateOfBirth']);
});

questions('should say a prefill added, changed and removed', () => {
  const added = diffTo((d) => (questionOf(d, 'personDateOfBirth').prefill = { now: true }));
  assert.equal(words(added, 'personDateOfBirth'), ['prefill: not filled in → filled in with today']);
  const fromAnswer = diffTo((d) => {
    pageOf(d, 'notes').questions!.unshift({
      id: 'otherName',
      type: 'text',
      label: 'Name again',
      prefill: { question: 'yourName' },
    });
  });
  assert.equal(fromAnswer.questions[0]!.asked, [
    'optional',
    'always asked when its page is shown',
    'filled in with the answer to "yourName"',
  ]);
});

questions(
  'should say a question moved to another page as moved, not removed and added, and the answers schema as the same',
  () => {
    const diff = diffTo((d) => {
      const moved = pageOf(d, 'about-you').questions!.splice(4, 1);
      pageOf(d, 'notes').questions!.unshift(...moved);
    });
    assert.equal(
      diff.questions.map((q) => `${q.kind} ${q.id} ${q.movedFrom?.pageId} → ${q.place.pageId}`),
      ['moved whyNot about-you → notes'],
    );
    assert.ok(
      diffLines(diff).includes('  Moved question "whyNot" from page “About you” (about-you) to page “Notes” (notes)'),
    );
    assert.equal(diff.integrators.changes, []);
  },
);

questions("should match a group's questions by id, and say a field gone from its items as breaking", () => {
  const diff = diffTo((d) => {
    const group = questionOf(d, 'contacts');
    group.questions = [group.questions[0]];
    group.questions[0].label = 'Full name';
  });
  assert.equal(
    diff.questions.map((q) => `${q.kind} ${q.id} ${q.place.groupId}`),
    ['changed contactName contacts', 'removed contactPhone contacts'],
  );
  assert.ok(
    diffLines(diff).includes(
      '  Removed question "contactPhone" from group "contacts" on page “The person” (the-person): “Phone”',
    ),
  );
  assert.equal(schema(diff), [
    'breaking field-removed contacts[].contactPhone',
    'safe words-changed contacts[].contactName',
  ]);
});

questions.run();

const pages = suite('diff-forms: pages, text and the form');

pages('should say pages added, removed, moved, retitled and shown under another condition', () => {
  const diff = diffTo((d) => {
    const [notes] = d.pages.splice(3, 1);
    d.pages.splice(1, 0, notes!);
    pageOf(d, 'the-person').title = 'The person you are referring';
    pageOf(d, 'the-person').showIf = { question: 'isProfessional', equals: 'yes' };
    d.pages.splice(4, 0, {
      id: 'more',
      title: 'More',
      progress: 90,
      content: [{ type: 'paragraph', text: 'Nearly done.' }],
    });
    pageOf(d, 'notes').progress = 10;
    pageOf(d, 'about-you').progress = 20;
  });
  const said = diffLines(diff);
  for (const line of [
    '  Moved page “Notes” (notes): page 4 → page 2',
    '  Changed page “The person you are referring” (the-person)',
    '    retitled: “The person” → “The person you are referring”',
    '    shown: always → only when "isProfessional" is "yes"',
    '  Added page “More” (more), page 5',
  ])
    assert.ok(said.includes(line), `${line}\nnot in\n${said.join('\n')}`);
  const removed = diffTo((d) => d.pages.splice(3, 1));
  assert.equal(
    removed.pages.map((p) => `${p.kind} ${p.id} ${p.changes.map((c) => c.words)}`),
    ['removed notes its question "notesText" removed with it'],
  );
});

pages('should say text added, removed and reworded in short, and a block shown under a new condition', () => {
  const diff = diffTo((d) => {
    const start = pageOf(d, 'before-you-start');
    start.content = [
      { type: 'paragraph', text: 'Use this form to ask for help with care.', showIf: { signedIn: true } },
      { type: 'warning', text: 'Do not use it in an emergency.' },
    ];
  });
  assert.equal(
    diff.content.map((c) => [c.kind, c.blockType, c.text, c.wasText, c.shown?.to]),
    [
      [
        'changed',
        'paragraph',
        'Use this form to ask for help with care.',
        'Use this form to ask for help.',
        'only when the referrer is signed in',
      ],
      ['added', 'warning', 'Do not use it in an emergency.', undefined, undefined],
      ['removed', 'inset', 'Call us if it is urgent.', undefined, undefined],
    ],
  );
  assert.ok(
    diffLines(diff).includes(
      '  Removed inset from page “Before you start” (before-you-start): “Call us if it is urgent.”',
    ),
  );
});

pages("should say the form's title, description and whom it is about", () => {
  const diff = diffTo((d) =>
    Object.assign(d, { title: 'Asking for help', description: 'For anyone.', aboutPerson: ['yourName'] }),
  );
  assert.equal(
    diff.form.map((c) => c.words),
    [
      'title: “Diff sample” → “Asking for help”',
      'description: none → “For anyone.”',
      'the person the form is about is named by "yourName": saved and sent forms are listed as about them',
    ],
  );
});

pages('should say "No changes." in each part, and the same answers schema, for two versions alike', () => {
  const lines = diffLines(diffTo(() => {}));
  assert.equal(lines.filter((line) => line === '  No changes.').length, 4);
  assert.ok(lines.includes('  The answers schema is the same: nothing changes for an integrator.'));
});

pages.run();

const saved = suite('diff-forms: forms saved on the older version');

saved('should say an older version still published takes new forms until it is retired', () => {
  const diff = diffForms(
    { ...base, status: 'published' },
    version2(() => {}),
  );
  assert.equal([diff.savedForms.canFinish, diff.savedForms.takesNewForms], [true, true]);
  assert.ok(
    diff.savedForms.lines.some((line) => /Version 1 is still published: .*Set its "status" to "retired"/.test(line)),
  );
});

saved('should say a draft newer version changes nothing until it is published', () => {
  const diff = diffForms(base, { ...version2(() => {}), status: 'draft' });
  assert.match(
    diff.savedForms.lines[0]!,
    /^Version 2 is a draft: the portal does not offer it, so nothing changes for anyone until it is published/,
  );
  assert.ok(diff.savedForms.canFinish);
});

saved('should say nobody has a form saved on an older version that was never published', () => {
  const diff = diffForms(
    { ...base, status: 'draft' },
    version2(() => {}),
  );
  assert.equal(diff.savedForms.lines, [
    'Version 1 is a draft and was never offered, so nobody has a form saved on it.',
  ]);
});

saved('should say a saved copy expires without naming a number of days when none is given', () => {
  const diff = diffForms(
    base,
    version2(() => {}),
  );
  assert.match(diff.savedForms.lines[0]!, /until they are sent or their saved copy expires\.$/);
});

saved.run();
