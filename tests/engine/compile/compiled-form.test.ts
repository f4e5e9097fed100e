import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileForm, createForm, type Answers } from '../../../engine/index.ts';
import { everyType, everyTypeAnswers, TODAY } from '../../fixtures/every-type.ts';

const form = compileForm(everyType);
const sound = everyTypeAnswers as Answers;

const check = suite('CompiledForm.check');

check('should pass complete, sound answers and hand them back prepared', () => {
  const result = form.check(sound, { complete: true, today: TODAY });
  assert.is(result.valid, true);
  assert.equal(result.problems, []);
  assert.equal(result.answers, form.prepare(sound, { today: TODAY }));
  assert.is(result.answers!.personNhs, '9434765919');
  assert.is(result.answers!.expiresOn, '2026-11-27');
});

check('should drop the answers to questions a condition hides', () => {
  const result = form.check({ ...sound, isProfessional: 'no', whyNot: 'A neighbour asked me to.' }, { today: TODAY });
  assert.is(result.valid, true);
  assert.is(result.answers!.whyNot, 'A neighbour asked me to.');
  // "no" hides the urgent page, and with it every answer given there.
  for (const id of ['grantedOn', 'durationDays', 'expiresOn', 'reviewOn', 'grantedRecently'])
    assert.not.ok(id in result.answers!, id);
  const shown = form.check({ ...sound, whyNot: 'Left over from before.' }, { today: TODAY });
  assert.not.ok('whyNot' in shown.answers!);
});

check('should keep incomplete answers when they are only saved, and list what is missing when complete', () => {
  const partial = { isProfessional: 'yes', yourName: 'Sam Carter' };
  const saved = form.check(partial, { today: TODAY });
  assert.is(saved.valid, true);
  assert.equal(saved.answers, partial);
  const sent = form.check(partial, { complete: true, today: TODAY });
  assert.is(sent.valid, false);
  assert.equal(sent.answers, partial);
  assert.equal(sent.problems.slice(0, 2), [
    { field: 'yourEmail', message: 'Enter your email address' },
    { field: 'personDob', message: "Enter the person's date of birth" },
  ]);
});

check(
  'should refuse answers the form could not have given, before preparing them, worded for saving or sending',
  () => {
    const saved = form.check({ ...sound, favouriteColour: 'blue' }, { today: TODAY });
    assert.is(saved.valid, false);
    assert.is(saved.answers, null);
    assert.equal(saved.problems, [
      {
        field: 'favouriteColour',
        message: 'The answer to "favouriteColour" cannot be saved: the form does not ask this question.',
      },
    ]);
    const sent = form.check({ ...sound, gender: 'unknown' }, { complete: true, today: TODAY });
    assert.is(sent.answers, null);
    assert.equal(sent.problems, [
      {
        field: 'gender',
        message: 'The answer to "Gender" cannot be sent: it is not one of the options the question offers.',
      },
    ]);
    assert.equal(form.check([], { today: TODAY }).problems, [
      { field: '', message: 'The answers cannot be saved: send them as an object of answers by question id.' },
    ]);
  },
);

check('should read today from the clock the form was given', () => {
  const lateForm = compileForm(everyType, { now: () => new Date(2026, 11, 10, 12) });
  const onTime = form.check(sound, { complete: true, today: TODAY });
  assert.is(onTime.valid, true);
  // Two weeks on, the date granted is no longer recent: its follow-up question is hidden and its answer dropped.
  const late = lateForm.check(sound, { complete: true });
  assert.not.ok('grantedRecently' in late.answers!);
});

check("should leave the call out of the browser's form, which never receives answers from elsewhere", () => {
  const browserForm = createForm(everyType, { pages: {} });
  assert.not.ok('check' in browserForm);
});

check.run();
