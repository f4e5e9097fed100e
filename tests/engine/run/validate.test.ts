import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileForm, type Answers, type FieldError } from '../../../engine/index.ts';
import { everyType, everyTypeAnswers, TODAY } from '../../fixtures/every-type.ts';

const form = compileForm(everyType);
const opts = { today: TODAY };
const answers = (changes: Record<string, unknown>): Answers => {
  const copy: Record<string, unknown> = structuredClone(everyTypeAnswers);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy as Answers;
};
const messages = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.path, e.message]));

const pageErrors = suite('Form.pageErrors');

pageErrors('should pass a page whose answers are complete and sound', () => {
  for (const page of form.pages) assert.equal(form.pageErrors(page.id, everyTypeAnswers as Answers, opts), [], page.id);
});

pageErrors('should ask for each missing mandatory answer in words that say what to do', () => {
  const errors = form.pageErrors('about-you', {}, opts);
  assert.equal(messages(errors), {
    isProfessional: 'Select whether you are a professional',
    yourName: 'Enter your full name',
    yourEmail: 'Enter your email address',
  });
  assert.ok(errors.every((e) => e.pageId === 'about-you'));
});

pageErrors('should ask for a conditional mandatory answer only while its question is shown', () => {
  assert.equal(messages(form.pageErrors('about-you', answers({ isProfessional: 'no' }), opts)), {
    whyNot: 'Enter why you are referring',
  });
  assert.equal(form.pageErrors('about-you', answers({ isProfessional: 'yes', whyNot: undefined }), opts), []);
});

pageErrors('should report length limits with the limit', () => {
  const errors = messages(
    form.pageErrors('about-you', answers({ yourName: 'A', isProfessional: 'no', whyNot: 'x'.repeat(41) }), opts),
  );
  assert.is(errors.yourName, 'Your full name must be 2 characters or more');
  assert.is(errors.whyNot, 'Why you are referring must be 40 characters or fewer');
});

pageErrors('should explain a badly formed email and phone number with an example', () => {
  const errors = messages(
    form.pageErrors('about-you', answers({ yourEmail: 'sam.example.org', yourPhone: '12345' }), opts),
  );
  assert.is(errors.yourEmail, 'Enter your email address in the correct format, like name@example.com');
  assert.match(errors.yourPhone!, /^Enter your phone number in the correct format, like 0151 934 3555/);
});

pageErrors('should say which part of a date is missing, and when a date is not real', () => {
  assert.is(
    messages(form.pageErrors('the-person', answers({ personDob: '1948--07' }), opts)).personDob,
    "The person's date of birth must include a month",
  );
  assert.is(
    messages(form.pageErrors('the-person', answers({ personDob: '-3-' }), opts)).personDob,
    "The person's date of birth must include a day and year",
  );
  assert.is(
    messages(form.pageErrors('the-person', answers({ personDob: '1948-02-30' }), opts)).personDob,
    "The person's date of birth must be a real date",
  );
});

pageErrors('should apply a date rule relative to today', () => {
  assert.is(
    messages(form.pageErrors('the-person', answers({ personDob: TODAY }), opts)).personDob,
    "The person's date of birth must be in the past",
  );
  assert.equal(form.pageErrors('the-person', answers({ personDob: '2026-11-23' }), opts), []);
});

pageErrors('should tell a wrong NHS check digit from a wrong length', () => {
  assert.is(
    messages(form.pageErrors('the-person', answers({ personNhs: '943 476 5918' }), opts)).personNhs,
    "The person's NHS number 943 476 5918 is not a valid NHS number: check each digit",
  );
  assert.is(
    messages(form.pageErrors('the-person', answers({ personNhs: '94347' }), opts)).personNhs,
    "The person's NHS number must be 10 digits, like 943 476 5919",
  );
});

pageErrors('should ask for each essential part of an address, at its own box', () => {
  assert.equal(messages(form.pageErrors('the-person', answers({ personAddress: undefined }), opts)), {
    'personAddress.line1': "Enter the person's address",
  });
  assert.equal(
    messages(
      form.pageErrors(
        'the-person',
        answers({ personAddress: { line1: '1 Example Street', postcode: 'nowhere' } }),
        opts,
      ),
    ),
    {
      'personAddress.postcode': "Enter a real postcode for the person's address, like L20 3NJ",
      'personAddress.town': "Enter the town or city of the person's address",
    },
  );
});

pageErrors('should refuse an option the question does not offer and a time that is not on the clock', () => {
  const errors = messages(form.pageErrors('the-person', answers({ gender: 'robot', contactTime: '25:00' }), opts));
  assert.is(errors.gender, "Select the person's gender from the options given");
  assert.is(errors.contactTime, 'Enter the best time to call as a time on the 24-hour clock, like 14:30');
});

pageErrors('should enforce checkbox limits and an option chosen alone', () => {
  assert.is(
    messages(form.pageErrors('needs', answers({ difficulties: ['stairs', 'bathing', 'dressing', 'cooking'] }), opts))
      .difficulties,
    'Select no more than 3 for the difficulties the person has',
  );
  assert.is(
    messages(form.pageErrors('needs', answers({ difficulties: ['none', 'bathing'] }), opts)).difficulties,
    'Select "None of these" on its own, or untick it',
  );
  assert.is(
    messages(form.pageErrors('needs', answers({ difficulties: [] }), opts)).difficulties,
    'Select the difficulties the person has',
  );
});

pageErrors('should keep numbers within range, whole, and numeric', () => {
  assert.is(
    messages(form.pageErrors('needs', answers({ falls: 51 }), opts)).falls,
    'The number of falls must be between 0 and 50 falls',
  );
  assert.is(
    messages(form.pageErrors('needs', answers({ falls: '2.5' }), opts)).falls,
    'The number of falls must be a whole number',
  );
  assert.is(
    messages(form.pageErrors('needs', answers({ falls: 'two' }), opts)).falls,
    'The number of falls must be a whole number',
  );
  assert.equal(form.pageErrors('needs', answers({ falls: '3' }), opts), []);
});

pageErrors('should compare a date with another answer, and apply a rule only when its condition holds', () => {
  assert.is(
    messages(form.pageErrors('urgent', answers({ reviewOn: '2026-11-28' }), opts)).reviewOn,
    'The review must be within 7 days of the date granted',
  );
  assert.is(
    messages(form.pageErrors('urgent', answers({ reviewOn: '2026-11-20' }), opts)).reviewOn,
    'The review must be after the date granted',
  );
  assert.is(
    messages(form.pageErrors('urgent', answers({ reviewOn: '2026-11-20', durationDays: undefined }), opts)).reviewOn,
    undefined,
  );
});

pageErrors('should check each item of a repeatable group, with its own conditions, at its own path', () => {
  const errors = messages(
    form.pageErrors(
      'consultation',
      answers({
        consultees: [{ consulteeName: 'Jo', consulteeRole: 'family' }, { consulteeRole: 'other' }],
      }),
      opts,
    ),
  );
  assert.equal(errors, {
    'consultees.1.consulteeName': "Person 2: Enter the person's name",
    'consultees.1.consulteeRoleOther': 'Person 2: Enter the relationship',
  });
});

pageErrors('should ask for at least one item of a mandatory group, and no more than the maximum', () => {
  assert.is(
    messages(form.pageErrors('consultation', answers({ consultees: undefined }), opts)).consultees,
    'Add at least one person',
  );
  const four = Array.from({ length: 4 }, () => ({ consulteeName: 'Jo', consulteeRole: 'family' }));
  assert.is(
    messages(form.pageErrors('consultation', answers({ consultees: four }), opts)).consultees,
    'You can add up to 3 people',
  );
});

pageErrors('should ask for the declaration to be confirmed', () => {
  assert.is(
    messages(form.pageErrors('consultation', answers({ declaration: false }), opts)).declaration,
    'Select the box to confirm the declaration',
  );
});

pageErrors("should use an author's own message over the default", () => {
  const custom = structuredClone(everyType);
  const question = custom.pages[1]!.questions![2] as { messages?: Record<string, string> };
  question.messages = { required: 'Enter your name as it appears on your work badge' };
  assert.is(
    messages(compileForm(custom).pageErrors('about-you', {}, opts)).yourName,
    'Enter your name as it appears on your work badge',
  );
});

pageErrors('should report nothing for a page the answers hide', () => {
  assert.equal(form.pageErrors('urgent', { isProfessional: 'no' }, opts), []);
});

pageErrors.run();

const whole = suite('Form.errors and canSubmit');

whole('should allow submitting a complete, sound set of answers', () => {
  assert.equal(form.errors(everyTypeAnswers as Answers, opts), []);
  assert.ok(form.canSubmit(everyTypeAnswers as Answers, opts));
});

whole('should list the errors of every visible page, in page order, and refuse to submit', () => {
  const errors = form.errors(answers({ yourName: undefined, consultees: undefined }), opts);
  assert.equal(
    errors.map((e) => [e.pageId, e.path]),
    [
      ['about-you', 'yourName'],
      ['consultation', 'consultees'],
    ],
  );
  assert.not.ok(form.canSubmit(answers({ yourName: undefined }), opts));
});

whole('should find the same errors page by page as with the whole-form validator', () => {
  const broken = answers({ yourEmail: 'nope', personDob: '1948-02-30', consultees: [{}], falls: 99 });
  const wholeForm = form.errors(broken, opts);
  const byPage = form.visiblePages(broken, opts).flatMap((page) => form.pageErrors(page.id, broken, opts));
  assert.equal(wholeForm, byPage);
  assert.is(wholeForm.length, 5);
});

whole.run();

const hostile = suite('Answers from outside');

hostile('should read thousands commas in numbers and refuse other commas', () => {
  assert.is(form.prepare(answers({ falls: '1,250' }), opts).falls, 1250);
  for (const typed of ['1,5', '2,,0', ',3', '9'.repeat(400)]) {
    assert.is(
      messages(form.pageErrors('needs', answers({ falls: typed }), opts)).falls,
      'The number of falls must be a whole number',
      typed,
    );
  }
});

hostile('should never throw, whatever is sent as answers (property)', async () => {
  const fc = (await import('fast-check')).default;
  const questionIds = [
    'isProfessional',
    'yourName',
    'personDob',
    'personAddress',
    'difficulties',
    'falls',
    'consultees',
    'declaration',
    'grantedOn',
    'durationDays',
  ];
  const value = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
  const sent = fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom(...questionIds, '__proto__', 'constructor'), value),
  );
  fc.assert(
    fc.property(sent, (anything) => {
      const given = anything as Answers;
      form.prepare(given, opts);
      form.errors(given, opts);
      form.summary(given, opts);
      for (const page of form.pages) form.pageErrors(page.id, given, opts);
    }),
    { numRuns: 300 },
  );
});

hostile('should shrug off an answer nested thousands deep', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 20_000; i++) deep = { a: deep };
  assert.equal(
    form.pageErrors('the-person', answers({ personAddress: deep as never }), opts).map((e) => e.path),
    ['personAddress.line1'],
  );
});

hostile.run();
