import { DATE_PATTERN, isRealDate } from './dates.ts';

/**
 * The UK formats a referral needs, as plain functions: each `is…` check is registered with ajv as a
 * format, and each `normalise…` turns what a person typed into the one stored form. Where a
 * regular expression can say the rule, it is written once here as a JSON Schema `pattern` (ECMA-262,
 * no flags), which the check tests and the answers schema published for integrators carries, so
 * that a standard validator and the engine cannot disagree.
 */

// Whitespace as String.prototype.trim sees it (\s is the same set), around a trimmed answer.
const TRIMMED = (core: string) => `^\\s*(?:${core})\\s*$`;

/** An NHS number's shape: ten digits, with spaces or hyphens anywhere between them. */
export const NHS_NUMBER_PATTERN = '^[\\s-]*(?:\\d[\\s-]*){10}$';

const NHS_NUMBER = new RegExp(NHS_NUMBER_PATTERN);

/** An NHS number: 10 digits whose last is the modulus-11 check digit of the first nine. */
export function isNhsNumber(value: string): boolean {
  if (!NHS_NUMBER.test(value)) return false;
  const digits = value.replace(/[\s-]/g, '');
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

/**
 * A UK postcode, any case, with or without the space, within 10 characters: outward code (A9, A99,
 * A9A, AA9, AA99, AA9A) then inward code (9AA), or the Girobank's GIR 0AA. Written out rather than
 * copied (the widely copied pattern has a typo, [AZa-z]), with both cases in each class since a
 * JSON Schema pattern takes no flags.
 */
export const POSTCODE_PATTERN = TRIMMED(
  '[Gg][Ii][Rr] ?0[Aa][Aa]|[A-PR-UWYZa-pr-uwyz](?:\\d[A-HJKPSTUWa-hjkpstuw]?|\\d\\d|[A-HK-Ya-hk-y]\\d[ABEHMNPRVWXYabehmnprvwxy]?|[A-HK-Ya-hk-y]\\d\\d) ?\\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}',
);
const POSTCODE = new RegExp(POSTCODE_PATTERN);

/** A UK postcode, any case, with or without the space. */
export function isUkPostcode(value: string): boolean {
  return value.length <= 10 && POSTCODE.test(value);
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

// A phone number's separators, anywhere: spaces, brackets, hyphens and dots.
const SEP = '[\\s().-]*';
const DIGITS = (count: string) => `(?:\\d${SEP})${count}`;
// After +44 or 0044: one 0 may follow (as in +44 (0)151), then the 9 or 10 digits after the 0.
const AFTER_44 = `(?:0${SEP}${DIGITS('{9,10}')}|[1-9]${SEP}${DIGITS('{8,9}')})`;
const COUNTRY_0044 = `0${SEP}0${SEP}4${SEP}4${SEP}`;

/**
 * A UK phone number, within 30 characters: 0 and 9 or 10 more digits, after spaces, brackets,
 * hyphens and dots go and +44 or 0044 becomes 0.
 */
export const PHONE_PATTERN = `^${SEP}(?:\\+${SEP}4${SEP}4${SEP}${AFTER_44}|${COUNTRY_0044}${AFTER_44}|(?!${COUNTRY_0044})0${SEP}${DIGITS('{9,10}')})$`;
const PHONE = new RegExp(PHONE_PATTERN);

/** A UK phone number: 0 and 9 or 10 more digits, after spaces, brackets and hyphens go and +44 becomes 0. */
export function isUkPhone(value: string): boolean {
  return value.length <= 30 && PHONE.test(value);
}

/** Stored as digits from 0: "01519343555". */
export function normalisePhone(value: string): string {
  return isUkPhone(value) ? phoneDigits(value) : value.trim();
}

/** A time on the 24-hour clock, "14:30"; "9:05" is accepted and stored as "09:05". */
export const TIME_PATTERN = TRIMMED('(?:[01]?\\d|2[0-3]):[0-5]\\d');
const TIME = new RegExp(TIME_PATTERN);

function isTime(value: string): boolean {
  return TIME.test(value);
}

export function normaliseTime(value: string): string {
  const trimmed = value.trim();
  return isTime(trimmed) ? trimmed.padStart(5, '0') : trimmed;
}

/**
 * An email address as GOV.UK checks one: text, one @, and a domain with a dot; no spaces. Stricter
 * checks refuse real addresses, and only a sent email proves one.
 */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@.]+$';
const EMAIL = new RegExp(EMAIL_PATTERN);

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
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

/**
 * Each format as a standard JSON Schema pattern, for the answers schema published for integrators.
 * The patterns say each rule whole, except that an NHS number's check digit and a date's being a
 * real one (no 31 April) are checked by the format alone.
 */
export const formatPatterns: Record<keyof typeof formats, string> = {
  email: EMAIL_PATTERN,
  date: DATE_PATTERN,
  'nhs-number': NHS_NUMBER_PATTERN,
  'uk-postcode': POSTCODE_PATTERN,
  'uk-phone': PHONE_PATTERN,
  'time-of-day': TIME_PATTERN,
};
