/**
 * Who a form is about, from the answers its definition's `aboutPerson` names: "Edith Marsh", for
 * telling saved and submitted forms apart. Nothing when those questions have no answer yet.
 */
import type { Answers, FormDefinition } from '../types.ts';

/** The person's name as the answers give it, the named answers joined in order; undefined when none is given. */
export function personAbout(definition: Pick<FormDefinition, 'aboutPerson'>, answers: Answers): string | undefined {
  const name = (definition.aboutPerson ?? [])
    .map((id) => answers[id])
    .filter((value): value is string => typeof value === 'string')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name || undefined;
}

/** A name's initials, one for each word, as capitals: "Edith Marsh" gives "EM", "jo van der berg" "JVDB". */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '')
    .join('')
    .toLocaleUpperCase('en-GB');
}
