/**
 * Password hashing with scrypt at OWASP's parameters (N=2^17, r=8, p=1), which needs more memory
 * than Node's default limit allows. Hashing is costly on purpose, so only a few run at once and a
 * flood of sign-ins queues, up to a bound, rather than starving the server.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { BusyError } from './errors.ts';

export interface HasherOptions {
  /** log2 of scrypt's N; 17 in production, lower only in tests. */
  costLog2?: number;
  /** How many hashes run at once. */
  concurrency?: number;
  /** How many may wait before requests are turned away. */
  maxQueue?: number;
}

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * A password is hashed in NFKC (RFC 8265's OpaqueString normalises likewise): the same password
 * typed on another keyboard or phone, with full-width letters or a ligature, is the same password.
 */
const normalised = (password: string) => password.normalize('NFKC');

/**
 * Hashes at once by default: one core's worth less than the machine has, at most two, so a flood
 * of sign-ins leaves a core (and libuv's thread pool, which scrypt, SQLite, zlib and Web Crypto
 * share) to everyone else.
 */
const defaultConcurrency = () => Math.max(1, Math.min(2, availableParallelism() - 1));

export function createPasswordHasher({
  costLog2 = 17,
  concurrency = defaultConcurrency(),
  maxQueue = 20 * concurrency,
}: HasherOptions = {}) {
  const limit = pLimit(concurrency);
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    if (limit.pendingCount >= maxQueue) return Promise.reject(new BusyError());
    return limit(work);
  };
  const options = (log2: number): ScryptOptions => ({ N: 2 ** log2, r: 8, p: 1, maxmem: 128 * 2 ** log2 * 8 * 2 });
  // A hash of nothing, so an unknown email costs the same time as a wrong password.
  let decoy: Promise<string> | undefined;

  const hash = (password: string) =>
    run(async () => {
      const salt = randomBytes(16);
      const key = await scryptAsync(normalised(password), salt, options(costLog2));
      return `scrypt$${costLog2}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    });

  const verify = (password: string, stored: string) =>
    run(async () => {
      const [scheme, log2, , , salt, expected] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !expected) return false;
      const wanted = Buffer.from(expected, 'base64');
      const matches = async (form: string) => {
        const key = await scryptAsync(form, Buffer.from(salt, 'base64'), options(Number(log2)));
        return key.length === wanted.length && timingSafeEqual(key, wanted);
      };
      if (await matches(normalised(password))) return true;
      // Hashes made before passwords were normalised in NFKC were made in NFC: a password whose
      // two forms differ (rare) is tried that way too, so nobody is locked out by the change.
      const nfc = password.normalize('NFC');
      return nfc !== normalised(password) && (await matches(nfc));
    });

  return {
    hash,
    verify,
    /** Spends the time of a verification and fails: for an email with no account. */
    async verifyNothing(password: string): Promise<false> {
      decoy ??= hash('decoy password that matches nothing');
      await verify(password, await decoy);
      return false;
    },
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
