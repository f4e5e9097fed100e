import { isRealDate } from './dates.ts';

/**
 * The UK formats a referral needs, as plain functions: each `is…` check is registered with ajv as a
 * format, and each `normalise…` turns what a person typed into the one stored form.
 */

/** An NHS number: 10 digits whose last is the modulus-11 check digit of the first nine. */
export function isNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  // All zeros passes the arithmetic but is never issued.
  if (digits === '0000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Stored without spaces: "9434765919". */
export function normaliseNhsNumber(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : value.trim();
}

/** Shown as 3-3-4: "943 476 5919". */
export function formatNhsNumber(value: string): string {
  return /^\d{10}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
}

// Outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA), or the Girobank's GIR 0AA.
// Written out rather than copied: the widely copied pattern has a typo ([AZa-z]).
const POSTCODE =
  /^(GIR ?0AA|[A-PR-UWYZ](\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRVWXY]?|[A-HK-Y]\d\d) ?\d[ABD-HJLNP-UW-Z]{2})$/i;

/** A UK postcode, any case, with or without the space. */
export function isUkPostcode(value: string): boolean {
  return value.length <= 10 && POSTCODE.test(value.trim());
}

/** Stored in capitals with one space before the last three characters: "L20 3NJ". */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (!isUkPostcode(compact)) return value.trim();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

function phoneDigits(value: string): string {
  const stripped = value.replace(/[\s()\-.]/g, '');
  if (stripped.startsWith('+44')) return `0${stripped.slice(3).replace(/^0/, '')}`;
  if (stripped.startsWith('0044')) return `0${stripped.slice(4).replace(/^0/, '')}`;
  return stripped;
}

/** A UK phone number: 0 and 9 or 10 more digits, after spaces, brackets and hyphens go and +44 becomes 0. */
export function isUkPhone(value: string): boolean {
  return value.length <= 30 && /^0\d{9,10}$/.test(phoneDigits(value));
}

/** Stored as digits from 0: "01519343555". */
export function normalisePhone(value: string): string {
  return isUkPhone(value) ? phoneDigits(value) : value.trim();
}

/** A time on the 24-hour clock, "14:30"; "9:05" is accepted and stored as "09:05". */
function isTime(value: string): boolean {
  return /^([01]?\d|2[0-3]):[0-5]\d$/.test(value.trim());
}

export function normaliseTime(value: string): string {
  const trimmed = value.trim();
  return isTime(trimmed) ? trimmed.padStart(5, '0') : trimmed;
}

/**
 * An email address as GOV.UK checks one: text, one @, and a domain with a dot; no spaces. Stricter
 * checks refuse real addresses, and only a sent email proves one.
 */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(value);
}

/**
 * The formats registered with ajv, under the names the answer schemas use. The standalone
 * validators the build writes for the browser call this same object, so the browser and the
 * server agree on every answer.
 */
export const formats = {
  email: isEmail,
  date: isRealDate,
  'nhs-number': isNhsNumber,
  'uk-postcode': isUkPostcode,
  'uk-phone': isUkPhone,
  'time-of-day': isTime,
} as const;
