/**
 * Reference numbers people quote on the phone: "ASC-7K3F-9QX2". Random (so one tells nothing about
 * another), from an alphabet with no 0/O, 1/I/L or U to misread; there are over 650 billion, and
 * the database's unique index turns away the rare repeat.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `ASC-${pick()}-${pick()}`;
}
