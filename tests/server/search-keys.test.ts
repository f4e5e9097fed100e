/**
 * The staff inbox's search keys on the council's real forms: which answers are keys, how what
 * staff type is read (a reference, a date of birth either way round, an NHS number with or without
 * spaces, or else a name, matched whole whatever its case and spacing), and CSV cells made safe.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { loadFormCatalogue } from '../../server/services/form-catalogue.ts';
import { createAboutPerson } from '../../server/services/about-person.ts';
import { createAnswersAtRest } from '../../server/services/answers-at-rest.ts';
import { createSearchKeys } from '../../server/services/search-keys.ts';
import { toCsv } from '../../server/http/csv.ts';
import { systemClock } from '../../server/services/clock.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { loadForms } from '../fixtures/forms.ts';

const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));
const key = new Uint8Array(randomBytes(32));
const catalogue = await loadFormCatalogue(formsDir, await sharedBuild(), systemClock);
const aboutPerson = createAboutPerson(
  catalogue,
  createAnswersAtRest({ current: { id: 'k', key }, byId: new Map([['k', key]]) }),
);
const keys = createSearchKeys({ secret: randomBytes(32), catalogue, aboutPerson });
const referral = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
const { id, version } = referral.definition;

const searchKeys = suite('Search keys');

searchKeys('should key the name, each date of birth and the NHS number of a referral, and nothing else', () => {
  const hashes = keys.of(id, version, referral.answers);
  const by = (text: string) => {
    const query = keys.query(text);
    return query && 'hash' in query ? query.hash : null;
  };
  const { personFirstName, personLastName } = referral.answers as Record<string, string>;
  assert.ok(hashes.includes(by(`${personFirstName} ${personLastName}`)!), 'the name');
  assert.ok(hashes.includes(by('12/06/1941')!), "the person's date of birth");
  assert.ok(hashes.includes(by('9434765919')!), 'the NHS number');
  assert.not.ok(hashes.includes(by('Bootle district nursing team')!), 'not the organisation');
  assert.ok(hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash)));
});

searchKeys('should read a search box as a reference, a date of birth, an NHS number, or a whole name', () => {
  assert.equal(keys.query(' asc-7k3f-9qx2 '), { by: 'reference', reference: 'ASC-7K3F-9QX2' });
  assert.equal(keys.query('ASC7K3F9QX2'), { by: 'reference', reference: 'ASC-7K3F-9QX2' });
  assert.is(keys.query('12/3/1941')?.by, 'dob');
  assert.equal(keys.query('12/03/1941'), keys.query('1941-03-12'), 'either way round');
  assert.equal(keys.query('943 476 5919'), keys.query('943-476-5919'));
  assert.is(keys.query('9434765919')?.by, 'nhs');
  assert.equal(keys.query('  Edith   MARSH '), keys.query('edith marsh'), 'any case and spacing');
  assert.not.equal(keys.query('Edith'), keys.query('edith marsh'), 'a name is matched whole');
  assert.is(keys.query('   '), null);
});

searchKeys('should give other hashes under another server secret', () => {
  const other = createSearchKeys({ secret: randomBytes(32), catalogue, aboutPerson });
  assert.not.equal(other.query('edith marsh'), keys.query('edith marsh'));
  assert.not.equal(other.keyId, keys.keyId);
});

searchKeys.run();

const csv = suite('CSV for spreadsheets');

csv('should quote every cell, begin formula-like ones with a quote mark, and start with a byte-order mark', () => {
  const text = toCsv(
    ['A', 'B'],
    [
      ['=1+1', '+44 151'],
      ['-2', '@SUM(A1)'],
      ['\tx', '\rx'],
      ['say "hi"', undefined],
    ],
  );
  assert.is(text.charCodeAt(0), 0xfeff);
  assert.equal(text.slice(1).split('\r\n'), [
    '"A","B"',
    `"'=1+1","'+44 151"`,
    `"'-2","'@SUM(A1)"`,
    `"'\tx","'\rx"`,
    '"say ""hi""",""',
    '',
  ]);
});

csv.run();
