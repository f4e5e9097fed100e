/**
 * The 6-digit codes sent by email: drawn from a cryptographic source, stored only as a keyed hash
 * that also binds the code to its purpose and subject, and accepted as "123456", "123 456" or
 * "123-456".
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The code as typed, without the space or hyphen between its halves; null when it is not 6 digits. */
export function normaliseCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export function hashCode(secret: Buffer, purpose: string, subjectId: string, code: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${subjectId}\u0000${code}`).digest('base64');
}

export function codeMatches(secret: Buffer, purpose: string, subjectId: string, code: string, stored: string): boolean {
  const given = Buffer.from(hashCode(secret, purpose, subjectId, code));
  const wanted = Buffer.from(stored);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** "123 456": how a code is shown in emails, easy to read and to type. */
export function formatCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
