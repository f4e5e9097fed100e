/**
 * Calendar dates as the forms use them: "YYYY-MM-DD" strings, compared and moved by whole days in
 * UTC so that a clock change never shifts a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A stored date's shape as a JSON Schema pattern: YYYY-MM-DD with a month from 01 to 12 and a day
 * from 01 to 31. Whether that day is in that month (no 31 April, 29 February only in a leap year)
 * only isRealDate says.
 */
export const DATE_PATTERN = '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days since 1970-01-01, or null when the string is not a real date. */
export function toDayNumber(value: string): number | null {
  // Read digit by digit, as ISO_DATE would match it: this runs for every date on every validation.
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 0 || day < 0) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Days from the civil date, by whole 400-year eras (H. Hinnant's algorithm): no Date object,
  // since this runs for every date answer on every validation.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The number the digits from `start` to `end` spell, or -1 when one of them is not a digit. */
function digits(value: string, start: number, end: number): number {
  let number = 0;
  for (let i = start; i < end; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_DAYS[month - 1]!;
}

/** The date of a day number, by the inverse of toDayNumber's arithmetic (no Date object). */
function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isRealDate(value: string): boolean {
  return toDayNumber(value) !== null;
}

/** The same day a number of years later (or earlier); 29 February becomes 28 February in other years. */
export function addYears(value: string, years: number): string | null {
  const match = ISO_DATE.exec(value);
  if (!match || toDayNumber(value) === null) return null;
  const year = Number(match[1]) + years;
  const day = match[2] === '02' && match[3] === '29' && !isLeapYear(year) ? '28' : match[3];
  return `${String(year).padStart(4, '0')}-${match[2]}-${day}`;
}

export function addDays(value: string, days: number): string | null {
  const start = toDayNumber(value);
  return start === null ? null : fromDayNumber(start + days);
}

/** The time zone "today" is counted in unless a council names its own. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and the time on the clock in a time zone at an instant, whatever the machine's own zone. */
export function wallClockIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): { date: string; time: string } {
  let format = zonedFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zonedFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

/** Today's date in the council's time zone (Europe/London unless told), "YYYY-MM-DD". */
export function todayIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return wallClockIn(now, timeZone).date;
}

/**
 * Whether this is an IANA time zone the runtime knows: an area and a place ("Europe/London"), or
 * "UTC". Abbreviations are refused even where the runtime takes them, as it reads them its own
 * way: "BST" is Bangladesh's time to it, not British Summer Time.
 */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone !== 'UTC' && !/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** One formatter per kind and time zone for the process: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'time', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      'en-GB',
      kind === 'date'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone }
        : { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone },
    );
    formatters.set(key, format);
  }
  return format;
}

/**
 * An instant as GOV.UK writes it, on the council's clock (the runtime's own zone without one):
 * "24 December 2026" and "9:05am", for pages and emails alike.
 */
export function longDate(ms: number, timeZone?: string): string {
  return formatter('date', timeZone).format(ms);
}

/** "9:05am", and "12:01am" just after midnight (en-GB's own 12-hour clock would write "0:01 am"). */
export function timeOfDay(ms: number, timeZone?: string): string {
  return formatter('time', timeZone).format(ms).replace(/\s/g, '');
}

/** "3 March 2024", as GOV.UK writes dates. */
export function formatDate(value: string): string {
  const match = ISO_DATE.exec(value);
  if (!match || toDayNumber(value) === null) return value;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** Which parts of a "YYYY-MM-DD" answer typed in three boxes are missing, in the order people read them. */
export function missingDateParts(value: string): Array<'day' | 'month' | 'year'> {
  const [year = '', month = '', day = ''] = value.split('-');
  const missing: Array<'day' | 'month' | 'year'> = [];
  if (!day.trim()) missing.push('day');
  if (!month.trim()) missing.push('month');
  if (!year.trim()) missing.push('year');
  return missing;
}

/** "2024-3-7" (as three boxes give it) becomes "2024-03-07"; anything else is left for validation to explain. */
export function normaliseDate(value: string): string {
  // Most dates arrive as they are stored ("2024-03-07"): nothing to do.
  if (
    value.length === 10 &&
    value[4] === '-' &&
    value[7] === '-' &&
    digits(value, 0, 4) >= 0 &&
    digits(value, 5, 7) >= 0 &&
    digits(value, 8, 10) >= 0
  )
    return value;
  const [year = '', month = '', day = ''] = value.split('-').map((part) => part.trim());
  if (/^\d{4}$/.test(year) && /^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day)) {
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return value.trim();
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * A length of time as a person reads it: "20 minutes", "1 hour", "90 minutes". Part of a minute
 * counts as a whole one, so a code never lasts less than it says.
 */
export function durationInWords(ms: number): string {
  const [count, unit] =
    ms >= HOUR_MS && ms % HOUR_MS === 0 ? [ms / HOUR_MS, 'hour'] : [Math.ceil(ms / MINUTE_MS), 'minute'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
