/**
 * The diff of the council's real forms, version 1 to version 2, says what an author reading the
 * two files finds changed, and what it means for saved forms and the case system.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diffForms, diffLines, type FormDiff } from '../../../engine/index.ts';
import { loadDefinition } from '../../fixtures/forms.ts';

const diffOf = (formId: string) =>
  diffForms(loadDefinition(formId, 1), loadDefinition(formId, 2), { savedFormDays: 30 });
const question = (diff: FormDiff, id: string) => diff.questions.find((q) => q.id === id);
const page = (diff: FormDiff, id: string) => diff.pages.find((p) => p.id === id);
const includesLine = (lines: string[], line: string) =>
  assert.ok(lines.includes(line), `no line\n${line}\nin\n${lines.join('\n')}`);

const dols1 = suite('diff-forms on DoLS Form 1, version 1 to 2');

dols1('should say the two pages folded into others were removed, and where their questions went', () => {
  const diff = diffOf('dols-form-1');
  assert.equal(
    diff.pages.filter((p) => p.kind === 'removed').map((p) => p.id),
    ['persons-views', 'existing-authorisation'],
  );
  assert.equal(
    page(diff, 'persons-views')!.changes.map((c) => c.words),
    [
      'its questions "personObjects", "objectionDetails" moved to page “Restrictions and the person\'s views” (restrictions)',
    ],
  );
  assert.equal(
    page(diff, 'restrictions')!.changes[0]!.words,
    "retitled: “Restrictions on the person” → “Restrictions and the person's views”",
  );
  assert.not.ok(diff.pages.some((p) => p.kind === 'added' || p.kind === 'moved'));
});

dols1('should call the questions that went to another page moved, not removed and added', () => {
  const diff = diffOf('dols-form-1');
  const moved = diff.questions
    .filter((q) => q.kind === 'moved')
    .map((q) => `${q.id}: ${q.movedFrom!.pageId} → ${q.place.pageId}`);
  assert.equal(moved, [
    'personObjects: persons-views → restrictions',
    'objectionDetails: persons-views → restrictions',
    'hasExistingAuthorisation: existing-authorisation → legal-matters',
    'existingAuthorisationExpiry: existing-authorisation → legal-matters',
    'existingSupervisoryBody: existing-authorisation → legal-matters',
  ]);
  assert.equal(
    diff.questions.filter((q) => q.kind === 'removed'),
    [],
  );
});

dols1('should list the four new questions, each mandatory, with when they are asked', () => {
  const diff = diffOf('dols-form-1');
  const added = diff.questions.filter((q) => q.kind === 'added');
  assert.equal(
    added.map((q) => q.id),
    ['contactIsReferrer', 'existingAuthorisationHere', 'urgentGrantedByReferrer', 'extensionRequestedByReferrer'],
  );
  assert.equal(question(diff, 'existingAuthorisationHere')!.asked, [
    'mandatory',
    'asked only when "hasExistingAuthorisation" is "yes"',
  ]);
  assert.equal(question(diff, 'urgentGrantedByReferrer')!.asked, [
    'mandatory',
    'always asked when its page is shown',
    'its page is shown only when "requestType" is "urgent-and-standard"',
  ]);
});

dols1("should say the DoLS changes in the questions' own words: the age rule, the IMCA statement, the prefills", () => {
  const lines = diffLines(diffOf('dols-form-1'));
  includesLine(lines, '  Changed question "personDateOfBirth" on page “About the person” (the-person)');
  includesLine(
    lines,
    '    date rule added: must not be after 18 years before today (“The Deprivation of Liberty Safeguards apply only to people aged 18 or over. Check the date of birth, or call Sefton Council on 0345 140 0845 for advice”)',
  );
  includesLine(lines, '    required: mandatory → mandatory only when "consultees" is not answered');
  includesLine(
    lines,
    '    prefill: not filled in → filled in with the answer to "referrerName" when "contactIsReferrer" is "yes"',
  );
  includesLine(lines, "    prefill: not filled in → filled in with the signed-in person's full name");
  includesLine(
    lines,
    '  Moved question "personObjects" from page “The person\'s views” (persons-views) to page “Restrictions and the person\'s views” (restrictions)',
  );
  includesLine(
    lines,
    '  the person the form is about is named by "personFullName": saved and sent forms are listed as about them',
  );
});

dols1(
  'should say which text blocks came and went: the judgment, the under-18 warning, the note on existing authorisations',
  () => {
    const diff = diffOf('dols-form-1');
    const said = diff.content.map((c) => `${c.kind} ${c.blockType} ${c.id ?? ''} ${c.pageId}`.replace('  ', ' '));
    assert.ok(said.includes('added inset legalTestChange before-you-start'), said.join('\n'));
    assert.ok(said.includes('removed warning under18Warning the-person'), said.join('\n'));
    assert.ok(said.includes('added warning existingStillInForceWarning legal-matters'), said.join('\n'));
    const note = diff.content.find((c) => c.id === 'existingAuthorisationNote')!;
    assert.equal([note.kind, note.movedFromPageId], ['moved', 'existing-authorisation']);
    const signedIn = diff.content.find((c) => c.pageId === 'about-you')!;
    assert.equal(signedIn.shown, { from: 'always', to: 'only when the referrer is signed in' });
    assert.match(signedIn.wasText!, /^You need to sign in or register to continue/);
  },
);

dols1('should say forms saved on version 1 can still be finished on it, and that it takes no new forms', () => {
  const { savedForms } = diffOf('dols-form-1');
  assert.equal([savedForms.canFinish, savedForms.takesNewForms], [true, false]);
  assert.equal(savedForms.answersDropped, []);
  assert.ok(savedForms.answersToCheck.includes('personDateOfBirth'));
  const lines = diffLines(diffOf('dols-form-1'));
  includesLine(
    lines,
    '  Forms saved on version 1 can still be finished: they carry on on version 1, and can be opened, saved and sent until they are sent or their saved copy expires, 30 days after its last save.',
  );
  includesLine(
    lines,
    "  They are checked against version 1's questions, not version 2's: they are not asked the 4 questions version 2 adds. The case system receives them as version 1 answers.",
  );
  includesLine(
    lines,
    '  Version 1 is retired, so no new form can be started on it: someone who opens it afresh is told it has been replaced and offered version 2.',
  );
});

dols1('should find nothing that breaks the case system: new fields only, one of them in every answer', () => {
  const { integrators } = diffOf('dols-form-1');
  assert.is(integrators.breaking, false);
  assert.equal(integrators.schemas, {
    from: 'urn:asc-forms:dols-form-1:v1:answers',
    to: 'urn:asc-forms:dols-form-1:v2:answers',
  });
  const added = integrators.changes.filter((c) => c.kind === 'field-added');
  assert.equal(
    added.map((c) => c.field),
    ['contactIsReferrer', 'existingAuthorisationHere', 'urgentGrantedByReferrer', 'extensionRequestedByReferrer'],
  );
  assert.match(added[0]!.words, /in every answer on the newer version and in none on the older one/);
  assert.ok(integrators.changes.every((c) => c.severity === 'safe'));
  includesLine(diffLines(diffOf('dols-form-1')), '  No change breaks an integrator.');
});

dols1.run();

const others = suite('diff-forms on the other forms, version 1 to 2');

others('DoLS Form 2: the contact question added, the declaration filled in, no page changed', () => {
  const diff = diffOf('dols-form-2');
  assert.equal(diff.pages, []);
  assert.equal(
    diff.questions.filter((q) => q.kind !== 'changed').map((q) => `${q.kind} ${q.id} ${q.place.pageId}`),
    ['added contactIsReferrer care-home-or-hospital'],
  );
  assert.equal(
    question(diff, 'declarationDate')!.changes.map((c) => c.words),
    ['prefill: not filled in → filled in with today'],
  );
  assert.equal(
    question(diff, 'declarationTime')!.changes.map((c) => c.words),
    ['prefill: not filled in → filled in with the time now'],
  );
  assert.equal(
    question(diff, 'declarantName')!.changes.map((c) => c.what),
    ['hint', 'prefill'],
  );
  assert.is(diff.integrators.breaking, false);
  assert.equal(
    diff.integrators.changes.map((c) => `${c.severity} ${c.kind} ${c.field}`),
    ['safe field-added contactIsReferrer'],
  );
});

for (const formId of ['social-care-referral', 'occupational-therapy-referral'])
  others(
    `${formId}: the referrer's name and email filled in, the words for the signed-in, the same answers schema`,
    () => {
      const diff = diffOf(formId);
      assert.equal(
        diff.form.map((c) => c.to),
        ['"personFirstName" and "personLastName"'],
      );
      assert.equal(
        diff.questions.map((q) => `${q.kind} ${q.id}`),
        ['changed referrerName', 'changed referrerEmail'],
      );
      assert.equal(
        question(diff, 'referrerEmail')!.changes.map((c) => c.what),
        ['hint', 'prefill'],
      );
      assert.equal(
        diff.content.map((c) => `${c.kind} ${c.pageId} ${c.shown?.to ?? ''}`.trim()),
        [
          'changed before-you-start only when the referrer is not signed in',
          'added before-you-start',
          'changed about-you only when the referrer is signed in',
        ],
      );
      assert.equal(diff.integrators.changes, []);
      includesLine(diffLines(diff), '  The answers schema is the same: nothing changes for an integrator.');
      includesLine(
        diffLines(diff),
        "  They are checked against version 1's questions, not version 2's. The case system receives them as version 1 answers.",
      );
    },
  );

others.run();
