/**
 * The keys staff can find a referral by without the database holding them in clear: the person's
 * name, date of birth and NHS number, each normalised and kept as an HMAC under a key derived
 * from the server's secret. The same value typed into the search box gives the same hash, so
 * the match is exact; a copy of the database without the secret reveals nothing, and cannot be
 * tried against a list of names.
 *
 * Which answers count is the form author's rule (docs/definition-format.md): the name is what the
 * definition's `aboutPerson` names; NHS numbers are the top-level `nhsNumber` questions; dates of
 * birth the top-level `date` questions whose id ends in `DateOfBirth`.
 */
import { createHmac } from 'node:crypto';
import { isQuestion, type Answers } from '../../engine/index.ts';
import type { FormCatalogue } from './form-catalogue.ts';
import type { AboutPerson } from './about-person.ts';

export type SearchKind = 'name' | 'dob' | 'nhs';

/** What a search box holds, read as one key: a reference, a date of birth, an NHS number, or else a name. */
export type SearchQuery = { by: 'reference'; reference: string } | { by: SearchKind; hash: string };

const normalised: Record<SearchKind, (value: string) => string | null> = {
  name: (value) => value.normalize('NFC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim() || null,
  dob: (value) => {
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
    const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
    if (!year) return null;
    return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  },
  nhs: (value) => {
    const digits = value.replace(/\D/g, '');
    return digits.length === 10 ? digits : null;
  },
};

export function createSearchKeys(deps: { secret: Uint8Array; catalogue: FormCatalogue; aboutPerson: AboutPerson }) {
  const { catalogue, aboutPerson } = deps;
  // A key of its own, so these hashes never equal anything else the secret signs or keys.
  const key = createHmac('sha256', deps.secret).update('asc-forms submission search index').digest();
  const hashOf = (kind: SearchKind, value: string): string | null => {
    const clean = normalised[kind](value);
    return clean === null ? null : createHmac('sha256', key).update(`${kind}:${clean}`).digest('hex');
  };

  return {
    /** Names the key (not a secret): hashes made with another are written again at start. */
    keyId: createHmac('sha256', key).update('key id').digest('hex').slice(0, 16),
    /** The hashes of a submission's answers, one per key it has (none when it names nobody). */
    of(formId: string, formVersion: number, answers: Answers): string[] {
      const entry = catalogue.get(formId, formVersion);
      if (!entry) return [];
      const found: Array<[SearchKind, string]> = [];
      const name = aboutPerson.inAnswers(formId, formVersion, answers);
      if (name) found.push(['name', name]);
      for (const question of entry.definition.pages.flatMap((page) => page.questions ?? [])) {
        if (!isQuestion(question)) continue;
        const answer = answers[question.id];
        if (typeof answer !== 'string') continue;
        if (question.type === 'nhsNumber') found.push(['nhs', answer]);
        if (question.type === 'date' && question.id.endsWith('DateOfBirth')) found.push(['dob', answer]);
      }
      return [...new Set(found.map(([kind, value]) => hashOf(kind, value)).filter((h): h is string => h !== null))];
    },
    /** What to look for: ASC-… is a reference; 12/03/1941 or 1941-03-12 a date of birth; ten digits an NHS number; else a name. */
    query(text: string): SearchQuery | null {
      const trimmed = text.trim();
      if (!trimmed) return null;
      const compact = trimmed.toUpperCase().replace(/[^A-Z0-9]/g, '');
      if (/^ASC[A-Z0-9]{8}$/.test(compact))
        return { by: 'reference', reference: `ASC-${compact.slice(3, 7)}-${compact.slice(7)}` };
      for (const kind of ['dob', 'nhs'] as const) {
        const hash = hashOf(kind, trimmed);
        if (hash && (kind !== 'nhs' || /^[\d\s-]+$/.test(trimmed))) return { by: kind, hash };
      }
      return { by: 'name', hash: hashOf('name', trimmed)! };
    },
  };
}

export type SearchKeys = ReturnType<typeof createSearchKeys>;
