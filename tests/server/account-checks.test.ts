import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FieldProblem } from '../../engine/index.ts';
import { checkEmail } from '../../server/services/accounts/shared.ts';

const FORMAT = 'Enter an email address in the correct format, like name@example.com';
const problemsWith = (email: string) => {
  const fields: FieldProblem[] = [];
  checkEmail(fields, email);
  return fields;
};

const emails = suite('checkEmail');

emails('should ask for an address when there is none', () => {
  assert.equal(problemsWith(''), [{ field: 'email', message: 'Enter your email address' }]);
});

emails('should accept an address of 254 characters and refuse one of 255, saying what format to use', () => {
  const at254 = `${'a'.repeat(242)}@example.org`;
  assert.is(at254.length, 254);
  assert.equal(problemsWith(at254), []);
  assert.equal(problemsWith(`a${at254}`), [{ field: 'email', message: FORMAT }]);
});

emails('should refuse an address without a domain, saying what format to use', () => {
  for (const email of ['jo', 'jo@example', 'jo@@example.org', 'jo bloggs@example.org'])
    assert.equal(problemsWith(email), [{ field: 'email', message: FORMAT }], email);
});

emails.run();
