/**
 * The server's secret key, which signs session and flow tokens and keys the hashes of emailed
 * codes: from SESSION_SECRET, or made once and kept in DATA_DIR/secret.key (readable by the
 * server's user only) so a laptop install needs no setting. Several processes must share one:
 * set SESSION_SECRET for them.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PRIVATE_FILE, privateFile, privateFolder } from './private-files.ts';

/**
 * The bytes of a key written in hex or in base64 (as `openssl rand -hex 32` or `-base64 32` print
 * it), or null when it is neither: a passphrase must not pass for base64, whose decoder would
 * quietly skip its spaces and punctuation.
 */
export function decodeKey(value: string): Buffer | null {
  if (/^(?:[0-9a-f]{2})+$/i.test(value)) return Buffer.from(value, 'hex');
  if (value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)) return Buffer.from(value, 'base64');
  return null;
}

/** A key given in a setting, as hex or base64; the message names the setting when it is not one or is too short. */
export function keyFromSetting(value: string, setting: string, bytes = 32): Buffer {
  const key = decodeKey(value);
  if (!key || key.length < bytes)
    throw new Error(
      `${setting} must be at least ${bytes} bytes, in hex or base64: make one with \`openssl rand -hex ${bytes}\`.`,
    );
  return key;
}

/**
 * A random key kept in a file (hex, readable by the server's user only), made the first time it
 * is needed. `consequence` says what is lost when the file is replaced.
 */
export async function keyFromFile(file: string, consequence: string): Promise<Buffer> {
  const read = async (): Promise<Buffer | null> => {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return null;
    const key = Buffer.from(text.trim(), 'hex');
    if (key.length < 32) throw new Error(`${file} is damaged (it must hold 32 bytes in hex). ${consequence}`);
    return key;
  };
  const existing = await read();
  if (existing) {
    await privateFile(file);
    return existing;
  }
  await privateFolder(dirname(file));
  // Written whole under another name, then linked into place: a second process starting at the
  // same moment sees either no file or a complete one, never half of one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, randomBytes(32).toString('hex'), { mode: PRIVATE_FILE });
  await link(draft, file).catch(() => {
    /* another process made it first: use that one */
  });
  await unlink(draft);
  return (await read())!;
}

export async function loadSecret(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) return keyFromSetting(configured, 'SESSION_SECRET');
  return keyFromFile(join(dataDir, 'secret.key'), 'Delete it to make a new one: everyone will have to sign in again.');
}
