import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileForm, definitionProblems, type Answers, type FormDefinition } from '../../../engine/index.ts';

/** A small form that fills in and words what it can: the account, an earlier answer, now, and a name in a label. */
const definition: FormDefinition = {
  id: 'prefill-sample',
  version: 1,
  status: 'draft',
  title: 'Prefill sample',
  pages: [
    { id: 'start', title: 'Start', progress: 0 },
    {
      id: 'about-you',
      title: 'About you',
      progress: 10,
      questions: [
        { id: 'yourName', type: 'text', label: 'Your full name', required: true, prefill: { account: 'fullName' } },
        { id: 'yourEmail', type: 'email', label: 'Your email address', prefill: { account: 'email' } },
        { id: 'yourPhone', type: 'phone', label: 'Your phone number' },
      ],
    },
    {
      id: 'the-person',
      title: 'The person',
      progress: 40,
      questions: [
        { id: 'personName', type: 'text', label: 'Full name' },
        { id: 'hasCarer', type: 'yesNo', label: 'Has the person a carer?', subject: 'whether the person has a carer' },
        { id: 'carerName', type: 'text', label: 'Carer', showIf: { question: 'hasCarer', equals: 'yes' } },
        {
          id: 'objects',
          type: 'yesNo',
          required: true,
          label: 'Does {personName|the person} object?',
          hint: 'Ask {personName|them}; their carer is {carerName|not named}.',
          subject: 'whether {personName|the person} objects',
          summaryLabel: '{personName|The person} objects',
        },
        {
          id: 'contactIsYou',
          type: 'yesNo',
          label: 'Are you the contact?',
          subject: 'whether you are the contact',
        },
        {
          id: 'contactName',
          type: 'text',
          label: 'Contact name',
          prefill: { question: 'yourName', when: { question: 'contactIsYou', equals: 'yes' } },
        },
        {
          id: 'contactPhone',
          type: 'text',
          label: 'Contact phone',
          prefill: { question: 'yourPhone', when: { question: 'contactIsYou', equals: 'yes' } },
        },
      ],
    },
    {
      id: 'signature',
      title: 'Signature',
      progress: 90,
      questions: [
        { id: 'signedBy', type: 'text', label: 'Your full name', prefill: { question: 'yourName' } },
        { id: 'signedOn', type: 'date', label: 'Date', prefill: { now: true } },
        { id: 'signedAt', type: 'time', label: 'Time', prefill: { now: true } },
      ],
    },
    { id: 'check', title: 'Check your answers', progress: 100, kind: 'checkAnswers' },
  ],
};

const account = { forename: 'Sam', surname: 'Carter', email: 'sam.carter@example.org' };
// 23:30 in UTC on 1 July is half past midnight on 2 July in London (summer time), and 19:30 on 1 July in New York.
const now = () => new Date('2026-07-01T23:30:00Z');
const form = compileForm(definition, { now });
const offered = (offers: ReturnType<typeof form.prefills>, id: string) =>
  offers.find((o) => o.questionId === id)?.value;

const prefill = suite('Form.prefills');

prefill('should be a sound definition', () => {
  assert.equal(definitionProblems(definition), []);
});

prefill("should offer the signed-in person's name and email on About you", () => {
  const offers = form.prefills('about-you', {}, account);
  assert.is(offered(offers, 'yourName'), 'Sam Carter');
  assert.is(offered(offers, 'yourEmail'), 'sam.carter@example.org');
  assert.equal(
    offers.map((o) => o.questionId),
    ['yourName', 'yourEmail'],
  );
});

prefill('should offer nothing from the account when nobody is signed in', () => {
  assert.equal(
    form.prefills('about-you', {}).map((o) => o.value),
    [undefined, undefined],
  );
});

prefill('should never offer anything over an answer already given, typed or from a saved draft', () => {
  const [name] = form.prefills('about-you', { yourName: 'Samantha Carter-Jones' }, account);
  assert.equal(name, { questionId: 'yourName', conditional: false, holds: true, answered: true });
  const signature = form.prefills('signature', { yourName: 'Sam Carter', signedBy: 'S Carter', signedAt: '09:00' });
  assert.is(offered(signature, 'signedBy'), undefined);
  assert.is(offered(signature, 'signedAt'), undefined);
  assert.is(offered(signature, 'signedOn'), '2026-07-02');
});

prefill("should copy an earlier page's answer, and offer nothing while it has none", () => {
  assert.is(offered(form.prefills('signature', { yourName: 'Sam Carter' }), 'signedBy'), 'Sam Carter');
  assert.is(offered(form.prefills('signature', {}), 'signedBy'), undefined);
});

prefill('should offer "the same person" only once its condition holds', () => {
  const answers: Answers = { yourName: 'Sam Carter', yourPhone: '01519343555' };
  const before = form.prefills('the-person', answers);
  assert.equal(
    before.map((o) => [o.questionId, o.conditional, o.holds, o.value]),
    [
      ['contactName', true, false, undefined],
      ['contactPhone', true, false, undefined],
    ],
  );
  const no = form.prefills('the-person', { ...answers, contactIsYou: 'no' });
  assert.equal(
    no.map((o) => o.holds),
    [false, false],
  );
  const yes = form.prefills('the-person', { ...answers, contactIsYou: 'yes' });
  assert.is(offered(yes, 'contactName'), 'Sam Carter');
  assert.is(offered(yes, 'contactPhone'), '01519343555');
  const edited = form.prefills('the-person', { ...answers, contactIsYou: 'yes', contactName: 'Sam C' });
  assert.is(offered(edited, 'contactName'), undefined);
});

prefill("should fill a date with today and a time with now on the council's clock, not the machine's", () => {
  const london = form.prefills('signature', {});
  assert.is(offered(london, 'signedOn'), '2026-07-02');
  assert.is(offered(london, 'signedAt'), '00:30');
  const newYork = compileForm(definition, { now, timeZone: 'America/New_York' }).prefills('signature', {});
  assert.is(offered(newYork, 'signedOn'), '2026-07-01');
  assert.is(offered(newYork, 'signedAt'), '19:30');
});

prefill('should leave the checking to validation: a prefilled answer, then edited, is checked as any other', () => {
  const answers: Answers = { yourName: 'Sam Carter', objects: 'no', contactIsYou: 'yes', contactName: 'Sam C' };
  assert.equal(form.pageErrors('the-person', answers), []);
  assert.is(form.pageErrors('the-person', { ...answers, contactName: 'x'.repeat(201) })[0]?.path, 'contactName');
});

prefill.run();

const wording = suite('Form.wording');

wording(
  'should show an earlier answer in a label, hint, subject and summary label, and stand-in words until then',
  () => {
    const objects = form.question('objects')!.question;
    const named = form.wording({ personName: 'Edith Marsh' })(objects);
    assert.is(named.label, 'Does Edith Marsh object?');
    assert.is(named.hint, 'Ask Edith Marsh; their carer is not named.');
    const unnamed = form.wording({})(objects);
    assert.is(unnamed.label, 'Does the person object?');
    assert.is(unnamed.hint, 'Ask them; their carer is not named.');
    assert.is(objects.label, 'Does {personName|the person} object?', 'the definition itself is unchanged');
  },
);

wording('should word error messages with the answer', () => {
  assert.is(
    form.pageErrors('the-person', { personName: 'Edith Marsh' })[0]?.message,
    'Select whether Edith Marsh objects',
  );
  assert.is(form.pageErrors('the-person', {})[0]?.message, 'Select whether the person objects');
});

wording('should word check your answers, print and email (the summary) with the answer', () => {
  const rows = form.summary({ personName: 'Edith Marsh', objects: 'no' }).flatMap((page) => page.rows);
  assert.is(rows.find((row) => row.questionId === 'objects')?.label, 'Edith Marsh objects');
});

wording('should use the stand-in words for an answer whose question is hidden', () => {
  const objects = form.question('objects')!.question;
  const hidden = form.wording({ hasCarer: 'no', carerName: 'Pat Jones' })(objects);
  assert.is(hidden.hint, 'Ask them; their carer is not named.');
  const shown = form.wording({ hasCarer: 'yes', carerName: 'Pat Jones' })(objects);
  assert.is(shown.hint, 'Ask them; their carer is Pat Jones.');
});

wording.run();
