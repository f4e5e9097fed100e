/**
 * The council's working hours: its opening and closing times on each day of the week, on its own
 * clock, with bank holidays closed. Adding working hours to an instant counts only the time the
 * office is open, so a referral received at 15:00 on a Friday that closes at 16:00 has used one
 * of its hours by the close and carries the rest to Monday morning.
 */
import { addDays, toDayNumber, wallClockIn } from './dates.ts';
import { instantOnClock, minutesOfDay } from './zoned-time.ts';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One day's office hours, "HH:MM" on the council's clock; closes after it opens. */
export interface OpeningHours {
  opens: string;
  closes: string;
}

export interface WorkingCalendar {
  /** The council's time zone (IANA), in which the hours and dates are read. */
  timeZone: string;
  /** The hours of each day the office opens; a day left out is closed. */
  week: Partial<Record<Weekday, OpeningHours>>;
  /** Dates ("YYYY-MM-DD") the office is closed on whatever day of the week they fall. */
  bankHolidays: readonly string[];
}

const HOUR_MS = 3_600_000;
// Ten years of days: past that, a calendar must be open on no day at all.
const MOST_DAYS = 3660;

/** The day of the week of a date ("YYYY-MM-DD"); 1 January 1970 was a Thursday. */
export function weekdayOf(date: string): Weekday {
  const day = toDayNumber(date);
  if (day === null) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD).`);
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7]!;
}

/** The instants a date's office hours start and end, or null when the office is closed that day. */
export function openingOn(date: string, calendar: WorkingCalendar): { opens: number; closes: number } | null {
  if (calendar.bankHolidays.includes(date)) return null;
  const hours = calendar.week[weekdayOf(date)];
  if (!hours) return null;
  const opens = minutesOfDay(hours.opens);
  const closes = minutesOfDay(hours.closes);
  if (opens === null || closes === null || closes <= opens)
    throw new RangeError(
      `Office hours ${hours.opens} to ${hours.closes} are not a time of opening and a later closing.`,
    );
  return {
    opens: instantOnClock(date, opens, calendar.timeZone),
    closes: instantOnClock(date, closes, calendar.timeZone),
  };
}

/** Whether the office is open at an instant (its opening and closing moments included). */
export function isWorkingTime(ms: number, calendar: WorkingCalendar): boolean {
  const hours = openingOn(wallClockIn(new Date(ms), calendar.timeZone).date, calendar);
  return hours !== null && hours.opens <= ms && ms <= hours.closes;
}

/**
 * The instant a number of working hours after `start`: time counts only while the office is open,
 * from `start` or the next opening after it. The result is within some day's office hours (at
 * the closing time when the hours run out exactly then); zero hours give `start` itself, or the
 * next opening when the office is shut at `start`.
 */
export function addWorkingHours(start: number, hours: number, calendar: WorkingCalendar): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`${hours} is not a number of working hours.`);
  let left = Math.round(hours * HOUR_MS);
  let date = wallClockIn(new Date(start), calendar.timeZone).date;
  for (let days = 0; days < MOST_DAYS; days++, date = addDays(date, 1)!) {
    const open = openingOn(date, calendar);
    if (!open || open.closes < start) continue;
    const from = Math.max(start, open.opens);
    if (left <= open.closes - from) return from + left;
    left -= open.closes - from;
  }
  throw new RangeError('The working week has no office hours: name the opening and closing times of at least one day.');
}
