/** Who a form is about: the name its definition's aboutPerson names, the initials, and the checks on aboutPerson. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { definitionProblems, initialsOf, personAbout, type FormDefinition } from '../../../engine/index.ts';
import { everyType } from '../../fixtures/every-type.ts';

const about = suite('Who a form is about');

about('should join the named answers in order, and say nothing when none is given', () => {
  const definition = { aboutPerson: ['firstName', 'lastName'] as [string, ...string[]] };
  assert.is(personAbout(definition, { lastName: ' Marsh ', firstName: 'Edith' }), 'Edith Marsh');
  assert.is(personAbout(definition, { lastName: 'Marsh' }), 'Marsh');
  assert.is(personAbout(definition, { firstName: '  ' }), undefined);
  assert.is(personAbout(definition, {}), undefined);
  assert.is(personAbout({}, { firstName: 'Edith' }), undefined, 'a form that names no question says nothing');
});

about('should give one capital for each word of a name', () => {
  assert.is(initialsOf('Edith Marsh'), 'EM');
  assert.is(initialsOf('jo  van der berg'), 'JVDB');
  assert.is(initialsOf("Mary-Jane 'Molly' Ó Briain"), 'MMÓB');
});

const checks = suite('aboutPerson in a definition');
const withAbout = (ids: string[]): FormDefinition => ({ ...structuredClone(everyType), aboutPerson: ids as [string] });
const problems = (ids: string[]) => definitionProblems(withAbout(ids)).map((p) => `${p.code} ${p.pointer}`);

checks('should accept text questions of the form', () => {
  assert.equal(problems(['yourName']), []);
});

checks('should refuse a question the form does not have, one of another type, and one inside a group', () => {
  const group = everyType.pages.flatMap((p) => p.questions ?? []).find((q) => q.type === 'group')!;
  const child = (group as { questions: Array<{ id: string }> }).questions[0]!.id;
  assert.equal(problems(['personName', 'personDob', child]), [
    'bad-about-person /aboutPerson/0',
    'bad-about-person /aboutPerson/1',
    'bad-about-person /aboutPerson/2',
  ]);
  const [missing, wrongType, inGroup] = definitionProblems(withAbout(['personName', 'personDob', child]));
  assert.match(
    missing!.message,
    /not a question of this form\. Write the id of the text question .* such as "yourName"/,
  );
  assert.match(wrongType!.message, /"personDob" is a date question, not a text question/);
  assert.match(inGroup!.message, /inside the group/);
});

about.run();
checks.run();
