/**
 * The schema's own keywords, for checks JSON Schema cannot say with a message worth reading: a
 * list of sites, a web address of given schemes, a secret key, the named keys of ANSWERS_KEYS.
 * Each error carries what is wrong as its message and, when the value suggests one, the fix in
 * `params.fix`. Keys are never repeated in a message.
 */
import type { ErrorObject, JSONType, KeywordDefinition, SchemaValidateFunction } from 'ajv';
import { decodeKey } from '../services/secret.ts';
import { type ListKind, type ListProblem, listProblems } from './origins.ts';

type Found = ListProblem | { what: string; fix?: string };

function keyword(
  name: string,
  schemaType: JSONType,
  check: (schema: never, value: string) => Found[],
): KeywordDefinition {
  const validate: SchemaValidateFunction = (schema, data) => {
    const found = check(schema as never, data as string);
    validate.errors = found.map(
      ({ what, fix }): Partial<ErrorObject> => ({ keyword: name, message: what, params: { fix } }),
    );
    return found.length === 0;
  };
  return { keyword: name, type: 'string', schemaType, errors: true, validate };
}

/** A value as a message may quote it: without the password a URL may hold. */
export function masked(value: string): string {
  return `"${value.replace(/(\/\/[^/:@]*:)[^/@]*@/, '$1***@')}"`;
}

/** A web address whose scheme is one of those listed, with a host. */
function urlProblems(schemes: string[], value: string): Found[] {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url && schemes.includes(url.protocol.slice(0, -1)) && url.hostname) return [];
  const what = `${masked(value)} is not an address starting ${schemes.map((scheme) => `${scheme}://`).join(' or ')}, with a host`;
  if (!value.includes('://') && /^[a-z0-9.-]+(?::\d+)?(?:\/|$)/i.test(value))
    return [{ what, fix: `write ${schemes[0]}://${value}` }];
  return [{ what }];
}

/** A key of at least 32 bytes, as `openssl rand -hex 32` (or `-base64 32`) prints one. */
function keyProblems(encoding: 'hex' | 'hex-or-base64', value: string): Found[] {
  const hex = /^(?:[0-9a-f]{2})+$/i.test(value) ? Buffer.from(value, 'hex') : null;
  const key = encoding === 'hex' ? hex : decodeKey(value);
  if (!key) {
    if (/\s/.test(value))
      return [{ what: `it holds spaces, like a passphrase, and a key is ${encodingWords(encoding)}` }];
    return [{ what: `it is not ${encodingWords(encoding)}` }];
  }
  if (key.length < 32)
    return [{ what: `it is only ${key.length} byte${key.length === 1 ? '' : 's'}, and a key needs at least 32` }];
  return [];
}

const encodingWords = (encoding: 'hex' | 'hex-or-base64') =>
  encoding === 'hex' ? 'written in hex' : 'written in hex or base64';

/** ANSWERS_KEYS: "name:key,name:key", newest first, each key 32 bytes, each name once. */
function answersKeysProblems(_: boolean, value: string): Found[] {
  const fix = 'write each key as name:key, newest first, like 2026-11:$(openssl rand -hex 32)';
  const problems: Found[] = [];
  const names = new Set<string>();
  for (const entry of value.split(',').map((part) => part.trim())) {
    const match = /^([A-Za-z0-9._-]{1,40}):(.+)$/.exec(entry);
    if (!match) {
      problems.push({ what: entry ? 'a key has no name before it' : 'it has an empty entry between commas', fix });
      continue;
    }
    const [, name, written] = match as unknown as [string, string, string];
    if (names.has(name)) problems.push({ what: `it names the key "${name}" twice`, fix: 'give each key its own name' });
    names.add(name);
    const key = decodeKey(written);
    if (!key) problems.push({ what: `the key "${name}" is neither hex nor base64`, fix });
    else if (key.length !== 32)
      problems.push({ what: `the key "${name}" is ${key.length} bytes, not the 32 AES-256 takes`, fix });
  }
  return problems;
}

export const configKeywords: KeywordDefinition[] = [
  keyword('sites', 'string', (kind: ListKind, value) => listProblems(value, kind)),
  keyword('url', 'array', urlProblems),
  keyword('key', 'string', keyProblems),
  keyword('answersKeys', 'boolean', answersKeysProblems),
];
