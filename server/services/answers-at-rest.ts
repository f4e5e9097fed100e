/**
 * Answers are kept encrypted (jose JWE, `dir` + A256GCM): the database holds no answer in clear
 * text, and a copy of it without the key reveals nothing. Each sealed value names its key (`kid`),
 * so keys can be rotated: new saves use the first key, older ones still open with theirs.
 *
 * Keys come from ANSWERS_KEYS ("id:key,id:key", keys as 32 bytes in hex or base64, newest first),
 * or from DATA_DIR/answers.key, made once, for a laptop install. The protected header also names
 * the record a value belongs to, so a value moved to another row (another person's draft) will
 * not open there.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
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

export function createAnswersAtRest(keys: AnswerKeys): AnswersAtRest {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  // Each key imported once for the process (jose would import raw bytes again at every seal and open).
  const imported = new Map<string, Promise<CryptoKey>>();
  const cryptoKey = (id: string, raw: Uint8Array) => {
    let key = imported.get(id);
    if (!key) {
      key = crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
      imported.set(id, key);
    }
    return key;
  };
  return {
    keyId: keys.current.id,
    hasKey: (keyId) => keys.byId.has(keyId),
    async seal(record, value) {
      return new CompactEncrypt(encoder.encode(JSON.stringify(value)))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: keys.current.id, rec: record })
        .encrypt(await cryptoKey(keys.current.id, keys.current.key));
    },
    async open<T>(record: string, sealed: string): Promise<T> {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(sealed);
      } catch {
        throw new SealedValueError(`The saved value of ${record} is damaged.`);
      }
      const raw = typeof header.kid === 'string' ? keys.byId.get(header.kid) : undefined;
      if (!raw)
        throw new SealedValueError(
          `The saved value of ${record} was sealed with key "${String(header.kid)}", which this server does not have: add it to ANSWERS_KEYS.`,
        );
      if (header.rec !== record) throw new SealedValueError(`The saved value of ${record} belongs to another record.`);
      try {
        const { plaintext } = await compactDecrypt(sealed, await cryptoKey(header.kid as string, raw), {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        return JSON.parse(decoder.decode(plaintext)) as T;
      } catch {
        throw new SealedValueError(
          `The saved value of ${record} does not open with key "${header.kid}": it is damaged or the key is wrong.`,
        );
      }
    },
  };
}
