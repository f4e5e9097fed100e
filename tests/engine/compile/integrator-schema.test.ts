/**
 * The answers schema published for integrators, read as council IT read it: standard JSON Schema
 * 2020-12 that a strict validator compiles with no formats registered, and words for each rule the
 * schema cannot say. (tests/forms/answers-schema.test.ts compares its verdicts with the engine's.)
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { integratorAnswersSchema } from '../../../engine/index.ts';
import { loadDefinition, loadForms } from '../../fixtures/forms.ts';

interface Schema {
  properties: { [id: string]: { pattern: string; description: string } };
}
const schemaOf = (formId: string) => integratorAnswersSchema(loadDefinition(formId, 2)) as unknown as Schema;

const integrator = suite('integratorAnswersSchema');

integrator('should compile in a strict 2020-12 validator with no formats registered, and carry no format', () => {
  for (const { definition } of loadForms()) {
    const schema = integratorAnswersSchema(definition);
    assert.not.match(JSON.stringify(schema), /"format"/, definition.id);
    new Ajv2020({ strict: true, strictTypes: false, allErrors: true }).compile(schema);
  }
});

integrator("should check an NHS number's shape by pattern and say that the engine checks its check digit", () => {
  const nhs = schemaOf('social-care-referral').properties.personNhsNumber!;
  const shape = new RegExp(nhs.pattern, 'u');
  assert.ok(shape.test('943 476 5919') && shape.test('9434765919'));
  assert.not.ok(shape.test('943 476 591'));
  assert.match(nhs.description, /check digit \(modulus 11\)/);
});

integrator(
  'should say in words a date rule, a condition on being asked and a requirement that depends on other answers',
  () => {
    const { personDateOfBirth: dateOfBirth, imcaNeeded } = schemaOf('dols-form-1').properties as Record<
      string,
      { description: string }
    >;
    assert.match(dateOfBirth!.description, /"Date of birth must be in the past"/);
    assert.match(
      dateOfBirth!.description,
      /Asked only when "personDobKnown" is "yes"; absent otherwise\. Required whenever it is asked\./,
    );
    assert.match(imcaNeeded!.description, /Required when "consultees" is not answered\./);
  },
);

integrator(
  'should refuse an option meant to be ticked alone beside another, and an address without its essential boxes',
  () => {
    const validate = new Ajv2020({ strictTypes: false, allErrors: true }).compile(schemaOf('dols-form-1'));
    const sensoryLoss = (ticked: string[]) =>
      validate({ sensoryLoss: ticked }) || !validate.errors?.some((e) => e.instancePath === '/sensoryLoss');
    assert.ok(sensoryLoss(['none']));
    assert.ok(sensoryLoss(['sight-loss', 'hearing-loss']));
    assert.not.ok(sensoryLoss(['none', 'sight-loss']));
    validate({ usualAddress: { line1: '7 Brookvale Close' } });
    assert.ok(validate.errors?.some((e) => e.instancePath === '/usualAddress' && e.keyword === 'required'));
  },
);

integrator.run();
