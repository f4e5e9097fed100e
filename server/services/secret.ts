/**
 * The server's secret key, which signs session and flow tokens and keys the hashes of emailed
 * codes: from SESSION_SECRET, or made once and kept in DATA_DIR/secret.key (readable by the
 * server's user only) so a laptop install needs no setting. Several processes must share one:
 * set SESSION_SECRET for them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadSecret(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) {
    const secret = Buffer.from(configured, /^[0-9a-f]+$/i.test(configured) ? 'hex' : 'base64');
    if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 bytes, in hex or base64: make one with `openssl rand -hex 32`.');
    return secret;
  }
  const file = join(dataDir, 'secret.key');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing) return Buffer.from(existing.trim(), 'hex');
  const secret = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret.toString('hex'), { mode: 0o600, flag: 'wx' }).catch(async () => {
    // Another process made it first: use that one.
  });
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}
