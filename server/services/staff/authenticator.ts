/**
 * The staff's second factor: a time-based code from an authenticator app (RFC 6238, otpauth: SHA-1,
 * 6 digits, 30 seconds, as every app reads by default), enrolled from a QR code, with one step of
 * drift either way allowed; and the recovery codes for a lost phone, ten, each good once.
 */
import { createHmac, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD_S = 30;
const RECOVERY_CODES = 10;
// No 0/O or 1/I/L to misread from a printout.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** What a person needs to add the portal to their authenticator app. */
export interface Enrolment {
  /** The secret in base32, to type in when the QR code cannot be scanned. */
  secret: string;
  /** The otpauth:// address the QR code holds. */
  uri: string;
  /** The QR code, as an SVG image. */
  qrSvg: string;
}

export function createAuthenticator({ issuer, secret: serverSecret }: { issuer: string; secret: Buffer }) {
  const totpOf = (base32: string, label: string) =>
    new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(base32) });
  const recoveryHash = (staffId: string, code: string) =>
    createHmac('sha256', serverSecret)
      .update(`staff-recovery:${staffId}:${code.replace(/[\s-]/g, '').toUpperCase()}`)
      .digest('hex');

  return {
    /** A new secret, and how to enrol it. */
    async enrolment(label: string): Promise<Enrolment> {
      const secret = new Secret({ size: 20 }).base32;
      const uri = totpOf(secret, label).toString();
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret, uri, qrSvg };
    },
    /**
     * The time step a code belongs to, when it is right at `now` (this step or one either side),
     * or null. The caller takes the step, so the same code cannot be used twice.
     */
    stepOf(base32: string, code: string, now: number): number | null {
      const token = code.replace(/[\s-]/g, '');
      if (!/^\d{6}$/.test(token)) return null;
      const delta = totpOf(base32, 'check').validate({ token, timestamp: now, window: 1 });
      return delta === null ? null : Math.floor(now / 1000 / PERIOD_S) + delta;
    },
    /** The code an app shows at `now` (for tests, and nothing else). */
    codeAt: (base32: string, now: number) => totpOf(base32, 'check').generate({ timestamp: now }),
    /** New recovery codes, in clear (shown once) and as stored. */
    recoveryCodes(staffId: string): { codes: string[]; hashes: string[] } {
      const codes = Array.from({ length: RECOVERY_CODES }, () => {
        const raw = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
        return `${raw.slice(0, 5)}-${raw.slice(5)}`;
      });
      return { codes, hashes: codes.map((code) => recoveryHash(staffId, code)) };
    },
    recoveryHash,
    /** Whether a typed code looks like a recovery code rather than one from the app. */
    isRecoveryCode: (code: string) => code.replace(/[\s-]/g, '').length === 10,
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
