/**
 * Answers are kept encrypted (JWE, `dir` + A256GCM): the database holds no answer in clear
 * text, and a copy of it without the key reveals nothing. Each sealed value names its key (`kid`),
 * so keys can be rotated: new saves use the first key, older ones still open with theirs.
 *
 * Keys come from ANSWERS_KEYS ("id:key,id:key", keys as 32 bytes in hex or base64, newest first),
 * or from DATA_DIR/answers.key, made once, for a laptop install. The protected header also names
 * the record a value belongs to, so a value moved to another row (another person's draft) will
 * not open there.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { join } from 'node:path';
import { keyFromFile, keyFromSetting } from './secret.ts';

export interface AnswerKeys {
  /** The key new values are sealed with. */
  current: { id: string; key: Uint8Array };
  byId: Map<string, Uint8Array>;
}

export interface AnswersAtRest {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  /** Whether a key of this id is at hand. */
  hasKey(keyId: string): boolean;
  seal(record: string, value: unknown): Promise<string>;
  open<T>(record: string, sealed: string): Promise<T>;
}

/**
 * A sealed value that will not open: a wrong or missing key, a damaged value, or one from another
 * record. Its message names the record and the key, never the content, so the log may keep it.
 */
export class SealedValueError extends Error {
  override name = 'SealedValueError';
  readonly code = 'sealed-value';
  readonly safeToLog = true;
}

export async function loadAnswerKeys(configured: string | undefined, dataDir: string): Promise<AnswerKeys> {
  if (!configured) {
    const key = await keyFromFile(
      join(dataDir, 'answers.key'),
      'Without it, saved answers cannot be read: restore it from a backup.',
    );
    const id = `local-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
    return { current: { id, key: key.subarray(0, 32) }, byId: new Map([[id, key.subarray(0, 32)]]) };
  }
  const entries = configured
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([A-Za-z0-9._-]{1,40}):(.+)$/.exec(entry);
      if (!match)
        throw new Error(
          'ANSWERS_KEYS must be a list like "2026-11:<key>,2026-05:<older key>": each key named, newest first.',
        );
      const key = keyFromSetting(match[2]!, `The key "${match[1]}" in ANSWERS_KEYS`);
      if (key.length !== 32)
        throw new Error(
          `The key "${match[1]}" in ANSWERS_KEYS must be exactly 32 bytes (AES-256): make one with \`openssl rand -hex 32\`.`,
        );
      return [match[1]!, new Uint8Array(key)] as const;
    });
  const byId = new Map(entries);
  if (byId.size !== entries.length) throw new Error('ANSWERS_KEYS names a key twice: give each key its own name.');
  return { current: { id: entries[0]![0], key: entries[0]![1] }, byId };
}

/** A protected header's fields, if the value is five base64url parts around a JSON object with an empty key part (dir). */
function partsOf(sealed: string): { header: Record<string, unknown>; parts: string[] } | null {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[1] !== '') return null;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    return header && typeof header === 'object' && !Array.isArray(header)
      ? { header: header as Record<string, unknown>, parts }
      : null;
  } catch {
    return null;
  }
}

/**
 * JWE compact serialisation, `dir` + A256GCM (RFC 7516), made and read with node:crypto in one
 * synchronous step each: what jose makes and reads (tests/server/answers-at-rest.test.ts opens
 * either with the other), without importing the key again nor copying the bytes through
 * JavaScript base64 at every value.
 */
export function createAnswersAtRest(keys: AnswerKeys): AnswersAtRest {
  // Each key made a KeyObject once for the process.
  const keyObjects = new Map<string, KeyObject>();
  const keyObject = (id: string, raw: Uint8Array) => {
    let key = keyObjects.get(id);
    if (!key) {
      key = createSecretKey(raw);
      keyObjects.set(id, key);
    }
    return key;
  };
  return {
    keyId: keys.current.id,
    hasKey: (keyId) => keys.byId.has(keyId),
    async seal(record, value) {
      const header = Buffer.from(
        JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: keys.current.id, rec: record }),
      ).toString('base64url');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyObject(keys.current.id, keys.current.key), iv, {
        authTagLength: 16,
      });
      // The protected header, as written, is the additional authenticated data.
      cipher.setAAD(Buffer.from(header, 'ascii'));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return `${header}..${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    async open<T>(record: string, sealed: string): Promise<T> {
      const read = typeof sealed === 'string' ? partsOf(sealed) : null;
      if (!read) throw new SealedValueError(`The saved value of ${record} is damaged.`);
      const { header, parts } = read;
      const raw = typeof header.kid === 'string' ? keys.byId.get(header.kid) : undefined;
      if (!raw)
        throw new SealedValueError(
          `The saved value of ${record} was sealed with key "${String(header.kid)}", which this server does not have: add it to ANSWERS_KEYS.`,
        );
      if (header.rec !== record) throw new SealedValueError(`The saved value of ${record} belongs to another record.`);
      try {
        // Only what this server seals: no other algorithm, no compression, no extension it would have to understand.
        if (header.alg !== 'dir' || header.enc !== 'A256GCM' || 'zip' in header || 'crit' in header)
          throw new Error('not ours');
        const iv = Buffer.from(parts[2]!, 'base64url');
        const tag = Buffer.from(parts[4]!, 'base64url');
        if (iv.length !== 12 || tag.length !== 16) throw new Error('not ours');
        const decipher = createDecipheriv('aes-256-gcm', keyObject(header.kid as string, raw), iv, {
          authTagLength: 16,
        });
        decipher.setAAD(Buffer.from(parts[0]!, 'ascii'));
        decipher.setAuthTag(tag);
        const plaintext = Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64url')), decipher.final()]);
        return JSON.parse(plaintext.toString('utf8')) as T;
      } catch {
        throw new SealedValueError(
          `The saved value of ${record} does not open with key "${header.kid}": it is damaged or the key is wrong.`,
        );
      }
    },
  };
}
