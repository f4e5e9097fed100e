import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileForm, definitionProblems, DefinitionError, type FormDefinition } from '../../../engine/index.ts';
import { everyType, TODAY } from '../../fixtures/every-type.ts';

const opts = { today: TODAY };
const edit = (change: (definition: FormDefinition) => void): FormDefinition => {
  const copy = structuredClone(everyType);
  change(copy);
  return copy;
};
const codes = (definition: unknown) => definitionProblems(definition).map((p) => `${p.code} ${p.pointer}`);

const compile = suite('compileForm');

compile('should throw a DefinitionError that lists each problem with its pointer and fix', () => {
  const broken = edit((d) => {
    (d.pages[1]!.questions![0] as { label?: string }).label = undefined;
    d.pages[2]!.progress = 5;
  });
  try {
    compileForm(JSON.parse(JSON.stringify(broken)));
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, DefinitionError);
    const e = error as DefinitionError;
    assert.is(e.name, 'DefinitionError');
    assert.is(e.code, 'invalid-definition');
    assert.equal(
      e.problems.map((p) => p.pointer),
      ['/pages/1/questions/0'],
    );
    assert.match(e.message, /Form definition "every-type" has 1 problem:\n {2}\/pages\/1\/questions\/0 {2}Add "label"/);
  }
});

compile('should use the validators of an edited definition, not those cached for the old one', () => {
  const before = compileForm(everyType);
  const after = compileForm(
    edit((d) => {
      (d.pages[1]!.questions![2] as { maxLength?: number }).maxLength = 5;
    }),
  );
  const answers = { isProfessional: 'yes', yourName: 'Samantha', yourEmail: 'a@b.org' };
  assert.equal(before.pageErrors('about-you', answers, opts), []);
  assert.equal(
    after.pageErrors('about-you', answers, opts).map((e) => e.message),
    ['Your full name must be 5 characters or fewer'],
  );
});

compile('should take a clock for today', () => {
  const inPast = compileForm(everyType, { now: () => new Date('1940-01-01T12:00:00Z') });
  assert.equal(
    inPast.pageErrors('the-person', { personDob: '1948-03-07' }).map((e) => e.path),
    ['personDob', 'personAddress.line1', 'gender'],
  );
});

compile.run();

const checks = suite('definitionProblems');

checks('should accept the sample form', () => {
  assert.equal(definitionProblems(everyType), []);
});

checks("should report schema problems before the engine's checks", () => {
  assert.equal(codes({ id: 'x' }), ['schema-required ', 'schema-required ', 'schema-required ', 'schema-required ']);
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[1]!.questions![0] as { type: string }).type = 'yesno';
      }),
    ),
    ['schema-discriminator /pages/1/questions/0/type'],
  );
});

checks('should refuse a condition that names its own question or a question in another group item', () => {
  assert.equal(
    codes(
      edit((d) => {
        d.pages[1]!.questions![0]!.showIf = { question: 'isProfessional', answered: true };
      }),
    ),
    ['unknown-question /pages/1/questions/0/showIf/question'],
  );
  assert.equal(
    codes(
      edit((d) => {
        d.pages[6]!.showIf = { question: 'consulteeName', answered: true };
      }),
    ),
    ['hidden-check-answers /pages/6/showIf', 'unknown-question /pages/6/showIf/question'],
  );
});

checks('should refuse comparing text with numbers, dates with equals, and groups with values', () => {
  assert.equal(
    codes(
      edit((d) => {
        d.pages[3]!.showIf = { question: 'yourName', equals: 3 };
      }),
    ),
    ['bad-condition /pages/3/showIf/equals'],
  );
  assert.equal(
    codes(
      edit((d) => {
        d.pages[3]!.showIf = { question: 'personDob', equals: '2020-01-01' };
      }),
    ),
    ['bad-condition /pages/3/showIf/equals'],
  );
  assert.equal(
    codes(
      edit((d) => {
        d.pages[3]!.showIf = { question: 'personAddress', notEquals: 'x' };
      }),
    ),
    ['bad-condition /pages/3/showIf/notEquals'],
  );
  assert.equal(
    codes(
      edit((d) => {
        d.pages[4]!.showIf = { question: 'falls', equals: 'two' };
      }),
    ),
    ['bad-condition /pages/4/showIf/equals'],
  );
  assert.equal(
    codes(
      edit((d) => {
        d.pages[4]!.showIf = { question: 'falls', before: { today: true } };
      }),
    ),
    ['bad-condition /pages/4/showIf/before'],
  );
});

checks('should refuse a date rule or a computed date that names the wrong kind of question', () => {
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[4]!.questions![3] as { rules: unknown[] }).rules = [
          { before: { question: 'durationDays' }, message: 'x' },
        ];
      }),
    ),
    ['not-a-date /pages/4/questions/3/rules/0/before/question'],
  );
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[4]!.questions![2] as { compute: { date: string } }).compute.date = 'durationDays';
      }),
    ),
    ['bad-compute /pages/4/questions/2/compute/date'],
  );
});

checks('should refuse limits that cannot be met and options that repeat', () => {
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[3]!.questions![0] as { maxItems: number }).maxItems = 9;
      }),
    ),
    ['bad-limits /pages/3/questions/0/maxItems'],
  );
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[5]!.questions![0] as { minItems: number }).minItems = 4;
      }),
    ),
    ['bad-limits /pages/5/questions/0'],
  );
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[2]!.questions![5] as { options: Array<{ value: string }> }).options[1]!.value = 'female';
      }),
    ),
    ['duplicate-option /pages/2/questions/5/options/1/value'],
  );
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[2]!.questions![5] as { options: Array<{ exclusive?: boolean }> }).options[0]!.exclusive = true;
      }),
    ),
    ['bad-exclusive /pages/2/questions/5/options/0/exclusive'],
  );
});

checks('should keep the first page always shown and the check-answers page last and without questions', () => {
  assert.equal(
    codes(
      edit((d) => {
        d.pages[0]!.showIf = { not: { all: [{ question: 'x', answered: true }] } };
      }),
    ),
    ['hidden-first-page /pages/0/showIf'],
  );
  assert.equal(
    codes(
      edit((d) => {
        d.pages[6]!.questions = [{ id: 'late', type: 'text', label: 'Late' }];
      }),
    ),
    ['questions-on-check-answers /pages/6/questions'],
  );
  assert.equal(
    codes(
      edit((d) => {
        d.pages[3]!.kind = 'checkAnswers';
      }),
    ),
    [
      'check-answers-not-last /pages/3/kind',
      'questions-on-check-answers /pages/3/questions',
      'check-answers-progress /pages/3/progress',
    ],
  );
});

checks('should refuse a question id that every JavaScript object already has', () => {
  assert.equal(
    codes(
      edit((d) => {
        (d.pages[1]!.questions![2] as { id: string }).id = 'constructor';
      }),
    ),
    ['reserved-id /pages/1/questions/2/id'],
  );
});

checks('should say what is wrong with something that is not a definition at all', () => {
  assert.throws(
    () => compileForm(null as never),
    (error: unknown) =>
      error instanceof DefinitionError && /The file must be an object in curly brackets/.test((error as Error).message),
  );
});

checks('should find a question that can never be shown, inside a group too', () => {
  assert.equal(
    codes(
      edit((d) => {
        const group = d.pages[5]!.questions![0] as { questions: Array<{ showIf?: unknown }> };
        group.questions[2]!.showIf = {
          all: [
            { question: 'consulteeRole', equals: 'other' },
            { question: 'consulteeRole', equals: 'family' },
          ],
        };
      }),
    ),
    ['never-shown /pages/5/questions/0/questions/2/showIf'],
  );
});

checks.run();
