import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  isEmail,
  isNhsNumber,
  isUkPostcode,
  isUkPhone,
  normalisePostcode,
  normalisePhone,
  normaliseNhsNumber,
  formatNhsNumber,
} from '../../../engine/values/formats.ts';

const nhs = suite('isNhsNumber');
nhs('should accept a number whose check digit is right, with or without spaces', () => {
  assert.ok(isNhsNumber('9434765919'));
  assert.ok(isNhsNumber('943 476 5919'));
  assert.ok(isNhsNumber('943-476-5919'));
});
nhs('should reject a wrong check digit, a check digit of 10, the wrong length and all zeros', () => {
  assert.not.ok(isNhsNumber('9434765918'));
  assert.not.ok(isNhsNumber('1234567890')); // its check digit would be 10
  assert.not.ok(isNhsNumber('943476591'));
  assert.not.ok(isNhsNumber('0000000000'));
  assert.not.ok(isNhsNumber('94347659AB'));
});
nhs('should store ten digits and show them 3-3-4', () => {
  assert.is(normaliseNhsNumber(' 943 476 5919 '), '9434765919');
  assert.is(formatNhsNumber('9434765919'), '943 476 5919');
});
nhs.run();

const postcode = suite('isUkPostcode');
postcode('should accept every outward-code shape, any case, with or without the space', () => {
  for (const code of [
    'L20 3NJ',
    'l203nj',
    'PR8 1DA',
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
    'W1A 0AX',
    'EC1A 1BB',
    'GIR 0AA',
    'gir0aa',
  ]) {
    assert.ok(isUkPostcode(code), code);
  }
});
postcode('should reject what is not a postcode', () => {
  for (const code of ['L20', '3NJ', 'QQ1 1AA', 'L20 3NJX', '123 456', 'L20 3CI', ''])
    assert.not.ok(isUkPostcode(code), code);
});
postcode('should store capitals with one space before the last three characters', () => {
  assert.is(normalisePostcode('l203nj'), 'L20 3NJ');
  assert.is(normalisePostcode('  ec1a   1bb '), 'EC1A 1BB');
  assert.is(normalisePostcode('not one'), 'not one');
});
postcode.run();

const phone = suite('isUkPhone');
phone('should accept UK numbers written in the usual ways', () => {
  for (const number of [
    '0151 934 3555',
    '(0151) 934-3555',
    '07700 900982',
    '+44 7700 900982',
    '0044 151 934 3555',
    '+44 (0)151 934 3555',
    '0345 140 0845',
  ]) {
    assert.ok(isUkPhone(number), number);
  }
});
phone('should reject numbers of the wrong length or with letters', () => {
  for (const number of ['0151 934', '12345678901', '0151 934 3555 12', 'call me', '+1 202 555 0100'])
    assert.not.ok(isUkPhone(number), number);
});
phone('should store digits from 0', () => {
  assert.is(normalisePhone('+44 (0)151 934 3555'), '01519343555');
  assert.is(normalisePhone('not a number'), 'not a number');
});
phone.run();

const email = suite('isEmail');
email('should accept an address with one @ and a domain with a dot', () => {
  for (const address of ['a@b.co', 'name.surname@nhs.net', 'first+tag@sub.example.org'])
    assert.ok(isEmail(address), address);
});
email('should reject spaces, a missing or doubled @, and a domain without a dot', () => {
  for (const address of ['a b@c.d', 'a@b', 'a@@b.c', '@b.c', 'a@b.c.', 'name.example.org', `${'a'.repeat(250)}@b.co`])
    assert.not.ok(isEmail(address), address);
});
email.run();
