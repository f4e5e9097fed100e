/**
 * The check that a person, not a script, is starting a form. The portal asks a CaptchaVerifier for
 * a challenge, the page solves it, and the verifier says whether the answer is good, once only.
 *
 * ALTCHA (the default) is proof of work, self-hosted: the browser spends about a second finding a
 * number the server already knows, so no third party sees the person. `off` is for a council that
 * fronts the portal with its own protection, or for local development.
 *
 * Another provider (hCaptcha, Cloudflare Turnstile, Friendly Captcha…) plugs in as one more
 * CaptchaVerifier: `challenge()` returns what its widget needs (`{ siteKey }`), `verify(payload)`
 * posts the widget's token with the council's secret key to the provider's siteverify endpoint
 * (server to server, with a timeout; a provider that is down means false, not a 500) and spends
 * a hash of the token in spentCaptchas so it cannot be replayed here either. Then: name it in
 * CAPTCHA (config.ts) with its keys as settings, build it in createCaptchaVerifier below, teach
 * <asc-captcha> to show that provider's widget when the challenge says `provider: '<name>'`, and
 * add the provider's origins to the CSP (security-headers.ts: script-src, frame-src,
 * connect-src). Those are third parties that see every referrer, which is why ALTCHA is the
 * default.
 */
import { createHash, createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { MINUTE, type Clock } from './clock.ts';
import type { SpentCaptchasRepository } from '../repositories/spent-captchas.ts';

export interface CaptchaVerifier {
  /** The provider, sent with each challenge so the page knows which widget to show. */
  readonly name: string;
  /** What the page needs to show the check (for ALTCHA, a signed proof-of-work challenge). */
  challenge(): Promise<object>;
  /**
   * Whether the page's answer is good. True once only for each challenge; false for anything
   * wrong, expired, tampered with or replayed. Never throws for a bad payload.
   */
  verify(payload: unknown): Promise<boolean>;
}

export type CaptchaProvider = 'altcha' | 'off';

export interface AltchaOptions {
  /** The server's secret; the challenge's HMAC keys are derived from it, never it itself. */
  secret: Uint8Array;
  clock: Clock;
  spentCaptchas: SpentCaptchasRepository;
  /** How long a challenge may be answered after it was made. */
  lifetimeMs?: number;
  /** PBKDF2 iterations per guess: the work of one guess. */
  cost?: number;
  /** The number to find lies between these: how many guesses it takes, about half of max on average. */
  counterMin?: number;
  counterMax?: number;
}

/**
 * The work asked of the browser: PBKDF2-SHA-256 at 1,000 iterations a guess, and the answer at
 * guess 500 to 1,500 (1,000 on average), so about a million iterations in all. Measured in
 * Chromium on a two-core server (tests/browser/captcha.test.ts prints it): 80 to 190 ms, about
 * 0.14 ms a guess; a phone's WebCrypto is some 3 to 5 times slower, so about half a second to a
 * second. A script that wants to start many forms pays that for each one; a person hardly
 * notices it.
 */
export const ALTCHA_COST = 1_000;
export const ALTCHA_COUNTER_MIN = 500;
export const ALTCHA_COUNTER_MAX = 1_500;
export const ALTCHA_LIFETIME_MS = 10 * MINUTE;
const ALGORITHM = 'PBKDF2/SHA-256';
/** The widget sends its answer base64-encoded; a real one is under 1,000 characters. */
const MAX_PAYLOAD_LENGTH = 4_000;

const derivedSecret = (secret: Uint8Array, purpose: string) =>
  createHmac('sha256', secret).update(purpose).digest('hex');

/**
 * ALTCHA in "deterministic" mode: the server picks the answer, derives its key once, and signs it
 * (keySignature), so checking an answer costs one HMAC, not the work itself.
 *
 * The expiry is kept in the signed `data`, not in ALTCHA's own `expiresAt`: altcha-lib checks that
 * one against Date.now() (not the injected clock tests move), and the widget against the
 * browser's clock, which on a badly set computer can be ahead by more than the lifetime and would
 * expire every challenge as it arrives. Here only the server's clock decides.
 */
function createAltchaVerifier({
  secret,
  clock,
  spentCaptchas,
  lifetimeMs = ALTCHA_LIFETIME_MS,
  cost = ALTCHA_COST,
  counterMin = ALTCHA_COUNTER_MIN,
  counterMax = ALTCHA_COUNTER_MAX,
}: AltchaOptions): CaptchaVerifier {
  const hmacSignatureSecret = derivedSecret(secret, 'altcha-signature');
  const hmacKeySignatureSecret = derivedSecret(secret, 'altcha-key-signature');

  return {
    name: 'altcha',
    async challenge() {
      const { parameters, signature } = await createChallenge({
        algorithm: ALGORITHM,
        cost,
        deriveKey,
        counter: randomInt(counterMax, counterMin),
        data: { expiresAt: clock.now() + lifetimeMs },
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      });
      return { parameters, signature };
    },
    async verify(payload) {
      const answer = parsePayload(payload);
      if (!answer) return false;
      const expiresAt = answer.challenge.parameters.data?.expiresAt;
      // Checked before the signature only to refuse early: a changed expiry fails the signature.
      if (typeof expiresAt !== 'number' || clock.now() >= expiresAt) return false;
      const result = await verifySolution({ ...answer, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret }).catch(
        () => null,
      );
      if (!result?.verified) return false;
      // Keyed by the challenge, not the answer: one challenge starts one form, whatever is sent.
      const id = createHash('sha256').update(answer.challenge.signature).digest('hex');
      return spentCaptchas.spend(id, expiresAt);
    },
  };
}

/** No check at all: every answer passes. For a portal behind the council's own protection, or a laptop. */
function createOffVerifier(): CaptchaVerifier {
  return {
    name: 'off',
    async challenge() {
      return {};
    },
    async verify() {
      return true;
    },
  };
}

export function createCaptchaVerifier(provider: CaptchaProvider, options: AltchaOptions): CaptchaVerifier {
  switch (provider) {
    case 'altcha':
      return createAltchaVerifier(options);
    case 'off':
      return createOffVerifier();
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The widget's answer (base64 JSON, or the object itself) in the shape altcha-lib reads; null for anything else. */
function parsePayload(payload: unknown): { challenge: Challenge & { signature: string }; solution: Solution } | null {
  let value = payload;
  if (typeof value === 'string') {
    if (value.length > MAX_PAYLOAD_LENGTH) return null;
    try {
      value = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
    } catch {
      return null;
    }
  }
  if (!isObject(value) || !isObject(value.challenge) || !isObject(value.solution)) return null;
  const { challenge, solution } = value;
  if (!isObject(challenge.parameters) || typeof challenge.signature !== 'string') return null;
  if (typeof solution.counter !== 'number' || typeof solution.derivedKey !== 'string') return null;
  return {
    challenge: challenge as unknown as Challenge & { signature: string },
    solution: solution as unknown as Solution,
  };
}
