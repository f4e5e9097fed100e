/**
 * The words the schema's messages are made of: each pattern's rule, each JSON type, what the
 * value at a pointer is called, and the allowed word an author most likely meant.
 */
import definitionSchema from './definition.schema.json' with { type: 'json' };

/** Each pattern of definition.schema.json and portal.schema.json, as the rule an author follows. */
export const PATTERN_WORDS: Record<string, string> = {
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$':
    'must be small letters and digits in words joined by hyphens, starting with a letter, like "about-the-person"',
  '^[a-z][a-zA-Z0-9]*$':
    'must be written in camelCase: letters and digits, starting with a small letter, without spaces or hyphens, like "personDateOfBirth"',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'must be small letters and digits in words joined by hyphens, like "care-home"',
  '^(https://|tel:|mailto:|/(?!/))':
    'must start with https://, tel: or mailto:, or be a path on this site starting with one /, like "/account/sign-in"',
  '^(https://|/(?!/))': 'must start with https://, or be a path on this site starting with one /, like "/account"',
  '^\\d{4}-\\d{2}-\\d{2}$': 'must be a date written YYYY-MM-DD, like "2026-12-28"',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'must be a time on the 24-hour clock written HH:MM, like "17:30"',
  '\\S': 'must have words in it, not only spaces',
  '^\\+?[0-9]{6,15}$': 'must be the number to dial: 6 to 15 digits without spaces, like "03451400845"',
};

export const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number, such as 3',
  number: 'a number, such as 3 or 2.5',
  string: 'text in double quotes',
  boolean: 'true or false, without quotes',
  array: 'a list in square brackets [ ]',
  object: 'an object in curly brackets { }',
  null: 'null',
};

/** What the value at a pointer is called: its property's name, or its place in a list. */
export function nameAt(pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const last = parts.at(-1);
  if (last === undefined) return 'The file';
  if (!/^\d+$/.test(last)) return `"${last.replace(/~1/g, '/').replace(/~0/g, '~')}"`;
  const list = parts.at(-2);
  return list ? `Item ${Number(last) + 1} of "${list}"` : `Item ${Number(last) + 1}`;
}

/** Edits from one word to the other, a swap of two letters side by side counting as one ("lable" is one from "label"). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The allowed word closest to what was written, when it is near enough to be a slip. */
export function closest(written: string, allowed: string[]): string | undefined {
  const near = allowed
    .map((word) => ({ word, d: word.toLowerCase() === written.toLowerCase() ? 0 : distance(written, word) }))
    .filter(({ d }) => d <= Math.max(1, Math.min(2, Math.floor(written.length / 3))))
    .sort((a, b) => a.d - b.d);
  return near[0]?.word;
}

/** The properties an object's schema allows, its own and those of the schemas it builds on. */
// biome-ignore lint/suspicious/noExplicitAny: a schema object as ajv hands it over
export function allowedProperties(schema: any): string[] {
  const own = Object.keys(schema?.properties ?? {});
  const based = (schema?.allOf ?? []).flatMap((part: { $ref?: string }) => {
    const name = part.$ref?.match(/^#\/\$defs\/(\w+)$/)?.[1];
    const base = name ? (definitionSchema.$defs as Record<string, { properties?: object }>)[name] : undefined;
    return Object.keys(base?.properties ?? {});
  });
  return [...new Set([...own, ...based])];
}

export const listed = (words: string[], last = 'or') =>
  words.length < 2
    ? words.map((w) => `"${w}"`).join('')
    : `${words
        .slice(0, -1)
        .map((w) => `"${w}"`)
        .join(', ')} ${last} "${words.at(-1)}"`;
