/**
 * Instants and the council's clock: the instant a date and a time on a time zone's clock stand
 * for, and the end of a day there. British Summer Time (or any zone's changes) is the runtime's
 * Intl data, never a table of our own.
 */
import { addDays, toDayNumber, wallClockIn } from './dates.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** How far a zone's clock is ahead of UTC at an instant, in ms (an hour in a British summer): whole minutes, as every zone's are. */
export function zoneOffsetAt(ms: number, timeZone: string): number {
  const { date, time } = wallClockIn(new Date(ms), timeZone);
  return toDayNumber(date)! * DAY_MS + minutesOfDay(time)! * MINUTE_MS - Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** Minutes after midnight of "HH:MM", or null when it is not a time of day. */
export function minutesOfDay(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * The instant a zone's clock shows this date ("YYYY-MM-DD") and this many minutes after its
 * midnight. A time the clock skips (01:30 as British Summer Time starts) is read on the clock
 * before the change (02:30 BST); a time it shows twice (01:30 as it ends) is the first of the two.
 */
export function instantOnClock(date: string, minutes: number, timeZone: string): number {
  const day = toDayNumber(date);
  if (day === null) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD).`);
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  // The zone's offset a day either side of it: a clock changes at most once in between.
  const before = zoneOffsetAt(wall - DAY_MS, timeZone);
  const after = zoneOffsetAt(wall + DAY_MS, timeZone);
  const readings = [wall - before, wall - after].filter((t) => t + zoneOffsetAt(t, timeZone) === wall);
  return readings.length ? Math.min(...readings) : wall - before;
}

/** The last millisecond of a date on a zone's clock: a deadline that is a whole day ends then. */
export function endOfDay(date: string, timeZone: string): number {
  const next = addDays(date, 1);
  if (next === null) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD).`);
  return instantOnClock(next, 0, timeZone) - 1;
}
