/**
 * The answers schema published for integrators carries each format's JSON Schema pattern, and the
 * engine's checks test the same patterns. These tests hold each pattern to the rule as a person
 * reads it (written here a second way, step by step), on many generated strings, and check that a
 * standard validator's regular expressions (ECMA-262 with the u flag) read it the same.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import {
  EMAIL_PATTERN,
  NHS_NUMBER_PATTERN,
  PHONE_PATTERN,
  POSTCODE_PATTERN,
  TIME_PATTERN,
  formats,
  isEmail,
  isUkPhone,
  isUkPostcode,
} from '../../../engine/values/formats.ts';
import { DATE_PATTERN, isRealDate } from '../../../engine/values/dates.ts';

/** The phone rule step by step: separators go, +44 or 0044 (and one 0 after it) becomes 0, then 0 and 9 or 10 digits. */
function phoneRule(value: string): boolean {
  const stripped = value.replace(/[\s()\-.]/g, '');
  let digits = stripped;
  if (stripped.startsWith('+44')) digits = `0${stripped.slice(3).replace(/^0/, '')}`;
  else if (stripped.startsWith('0044')) digits = `0${stripped.slice(4).replace(/^0/, '')}`;
  return value.length <= 30 && /^0\d{9,10}$/.test(digits);
}

const POSTCODE_RULE =
  /^(GIR ?0AA|[A-PR-UWYZ](\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRVWXY]?|[A-HK-Y]\d\d) ?\d[ABD-HJLNP-UW-Z]{2})$/i;
const postcodeRule = (value: string) => value.length <= 10 && POSTCODE_RULE.test(value.trim());

/** Strings from the characters a rule turns on, so that the generated ones often pass it. */
const from = (chars: string, maxLength: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((list) => list.join(''));
/** A date's shape: YYYY-MM-DD, month 01 to 12, day 01 to 31 (every real date has it, as the last test checks). */
function dateShape(value: string): boolean {
  const [, month, day] = (/^\d{4}-(\d{2})-(\d{2})$/.exec(value) ?? []).map(Number);
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= 31;
}
const standard = (pattern: string) => new RegExp(pattern, 'u');

const patterns = suite('format patterns');

patterns(
  'should accept a phone number exactly when the step-by-step rule does, in the engine and a standard validator',
  () => {
    const phone = fc.oneof(
      from('0123456789 ()-.+4', 24),
      fc
        .constantFrom('+44', '0044', '+44 (0)', '0')
        .chain((start) => from('0123456789 -', 16).map((rest) => start + rest)),
    );
    fc.assert(
      fc.property(phone, (value) => {
        const expected = phoneRule(value);
        return (
          isUkPhone(value) === expected && (standard(PHONE_PATTERN).test(value) && value.length <= 30) === expected
        );
      }),
      { numRuns: 20_000, seed: 20261124 },
    );
    assert.ok(isUkPhone('+44 (0)151 496 0732'));
    assert.not.ok(isUkPhone('+44 012345678'));
    assert.not.ok(isUkPhone('0044123456'));
  },
);

patterns(
  'should accept a postcode exactly when the case-blind rule does, in the engine and a standard validator',
  () => {
    const postcode = fc.oneof(
      from('ABDEGHLNRSWYZagilnrs0123456789 ', 9),
      fc
        .tuple(
          from('ABCEMNSWecmnsw', 2),
          from('0123456789', 2),
          from(' ', 1),
          from('0123456789', 1),
          from('ABDNUZabjnuz', 2),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(postcode, (value) => {
        const expected = postcodeRule(value);
        return (
          isUkPostcode(value) === expected &&
          (standard(POSTCODE_PATTERN).test(value) && value.length <= 10) === expected
        );
      }),
      { numRuns: 20_000, seed: 20261124 },
    );
    for (const value of ['l20 3nj', ' GIR 0AA ', 'SW1A1AA', 'EC1A 1BB', 'W1A 0AX', 'DN55 1PT'])
      assert.ok(isUkPostcode(value), value);
  },
);

patterns(
  'should read the NHS number, time, email and date patterns the same in the engine and a standard validator',
  () => {
    const cases: Array<[string, (value: string) => boolean, fc.Arbitrary<string>]> = [
      [NHS_NUMBER_PATTERN, (value) => /^\d{10}$/.test(value.replace(/[\s-]/g, '')), from('0123456789 -a', 16)],
      [TIME_PATTERN, (value) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(value.trim()), from('0123459: ', 7)],
      [EMAIL_PATTERN, (value) => /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(value), from('aü😀@. -', 10)],
      [DATE_PATTERN, dateShape, from('0123-9', 10)],
    ];
    for (const [pattern, rule, strings] of cases)
      fc.assert(
        fc.property(
          strings,
          (value) => standard(pattern).test(value) === rule(value) && new RegExp(pattern).test(value) === rule(value),
        ),
        { numRuns: 5_000, seed: 20261124 },
      );
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (date) => {
          const value = date.toISOString().slice(0, 10);
          return isRealDate(value) && standard(DATE_PATTERN).test(value);
        },
      ),
      { seed: 20261124 },
    );
    assert.ok(formats['time-of-day'](' 9:05 '));
    assert.ok(isEmail('ü@bücher.de'));
  },
);

patterns.run();
