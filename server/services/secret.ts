/**
 * The server's secret key, which signs session and flow tokens and keys the hashes of emailed
 * codes: from SESSION_SECRET, or made once and kept in DATA_DIR/secret.key (readable by the
 * server's user only) so a laptop install needs no setting. Several processes must share one:
 * set SESSION_SECRET for them.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadSecret(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) {
    const secret = Buffer.from(configured, /^[0-9a-f]+$/i.test(configured) ? 'hex' : 'base64');
    if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 bytes, in hex or base64: make one with `openssl rand -hex 32`.');
    return secret;
  }
  const file = join(dataDir, 'secret.key');
  const read = async (): Promise<Buffer | null> => {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return null;
    const secret = Buffer.from(text.trim(), 'hex');
    if (secret.length < 32) throw new Error(`${file} is damaged (it must hold 32 bytes in hex). Delete it to make a new one: everyone will have to sign in again.`);
    return secret;
  };
  const existing = await read();
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  // Written whole under another name, then linked into place: a second process starting at the
  // same moment sees either no file or a complete one, never half of one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
  await link(draft, file).catch(() => { /* another process made it first: use that one */ });
  await unlink(draft);
  return (await read())!;
}
