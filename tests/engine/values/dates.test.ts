/**
 * "Today" is the council's date, whatever zone the machine running the engine is set to: these
 * hold on a server on UTC, a laptop in Los Angeles and a browser on Kiritimati (UTC+14) alike.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DEFAULT_TIME_ZONE,
  isTimeZone,
  longDate,
  timeOfDay,
  todayIn,
  wallClockIn,
} from '../../../engine/values/dates.ts';
import { compileForm } from '../../../engine/index.ts';
import { everyType } from '../../fixtures/every-type.ts';

const at = (iso: string) => new Date(iso);

const today = suite('todayIn');

today('should count today in Europe/London unless told, in summer time and in winter', () => {
  assert.is(DEFAULT_TIME_ZONE, 'Europe/London');
  // British Summer Time: midnight in London is 23:00 UTC the day before.
  assert.is(todayIn(at('2026-07-01T22:59:00Z')), '2026-07-01');
  assert.is(todayIn(at('2026-07-01T23:01:00Z')), '2026-07-02');
  // Greenwich Mean Time: London and UTC agree.
  assert.is(todayIn(at('2026-12-01T23:59:00Z')), '2026-12-01');
  assert.is(todayIn(at('2026-12-02T00:01:00Z')), '2026-12-02');
});

today('should turn the date at midnight across the clock changes of spring and autumn', () => {
  // 29 March 2026: the clocks go forward at 01:00 GMT.
  assert.is(todayIn(at('2026-03-28T23:59:00Z')), '2026-03-28');
  assert.is(todayIn(at('2026-03-29T00:00:00Z')), '2026-03-29');
  assert.equal(wallClockIn(at('2026-03-29T00:59:00Z')), { date: '2026-03-29', time: '00:59' });
  assert.equal(wallClockIn(at('2026-03-29T01:00:00Z')), { date: '2026-03-29', time: '02:00' });
  assert.equal(wallClockIn(at('2026-03-29T22:59:00Z')), { date: '2026-03-29', time: '23:59' });
  assert.equal(wallClockIn(at('2026-03-29T23:00:00Z')), { date: '2026-03-30', time: '00:00' });
  // 25 October 2026: the clocks go back at 02:00 BST, and 01:00 to 02:00 comes twice.
  assert.equal(wallClockIn(at('2026-10-24T22:59:00Z')), { date: '2026-10-24', time: '23:59' });
  assert.equal(wallClockIn(at('2026-10-24T23:00:00Z')), { date: '2026-10-25', time: '00:00' });
  assert.equal(wallClockIn(at('2026-10-25T00:30:00Z')), { date: '2026-10-25', time: '01:30' });
  assert.equal(wallClockIn(at('2026-10-25T01:30:00Z')), { date: '2026-10-25', time: '01:30' });
  assert.equal(wallClockIn(at('2026-10-25T23:59:00Z')), { date: '2026-10-25', time: '23:59' });
  assert.equal(wallClockIn(at('2026-10-26T00:00:00Z')), { date: '2026-10-26', time: '00:00' });
});

today("should count today in the zone it is given, ahead of UTC or behind it, across a year's end", () => {
  const instant = at('2026-12-31T20:30:00Z');
  assert.is(todayIn(instant, 'Europe/London'), '2026-12-31');
  assert.is(todayIn(instant, 'UTC'), '2026-12-31');
  assert.is(todayIn(instant, 'Pacific/Kiritimati'), '2027-01-01');
  assert.is(todayIn(instant, 'Pacific/Auckland'), '2027-01-01');
  assert.is(todayIn(at('2027-01-01T05:00:00Z'), 'America/Los_Angeles'), '2026-12-31');
  assert.is(todayIn(at('2027-01-01T05:00:00Z'), 'Europe/London'), '2027-01-01');
  // Samoa skipped 30 December 2011, moving across the date line.
  assert.is(todayIn(at('2011-12-30T09:59:00Z'), 'Pacific/Apia'), '2011-12-29');
  assert.is(todayIn(at('2011-12-30T10:00:00Z'), 'Pacific/Apia'), '2011-12-31');
});

today('should give midnight as 00:00, never 24:00', () => {
  assert.equal(wallClockIn(at('2026-12-02T00:00:00Z'), 'Europe/London'), { date: '2026-12-02', time: '00:00' });
  assert.equal(wallClockIn(at('2026-07-01T23:00:00Z'), 'Europe/London'), { date: '2026-07-02', time: '00:00' });
});

today.run();

const moments = suite('longDate and timeOfDay');

moments("should write an instant as GOV.UK does, on the council's clock: 12:01am after midnight, never 0:01", () => {
  const at = (iso: string) => Date.parse(iso);
  assert.is(timeOfDay(at('2026-07-01T23:01:00Z'), 'Europe/London'), '12:01am');
  assert.is(longDate(at('2026-07-01T23:01:00Z'), 'Europe/London'), '2 July 2026');
  assert.is(timeOfDay(at('2026-12-01T09:05:00Z'), 'Europe/London'), '9:05am');
  assert.is(timeOfDay(at('2026-12-01T12:30:00Z'), 'Europe/London'), '12:30pm');
  assert.is(timeOfDay(at('2026-12-01T23:59:00Z'), 'Europe/London'), '11:59pm');
});

moments.run();

const zones = suite('isTimeZone');

zones('should know IANA time zones, by area and place, and UTC', () => {
  for (const zone of ['Europe/London', 'Europe/Dublin', 'America/Argentina/Buenos_Aires', 'Etc/GMT-14', 'UTC'])
    assert.ok(isTimeZone(zone), zone);
});

zones('should refuse names that are not zones, and abbreviations the runtime would read its own way', () => {
  // "BST" is Bangladesh Standard Time to the runtime, not British Summer Time.
  for (const zone of ['London', 'Europe/Londn', 'Mars/Olympus', 'BST', 'GMT', 'EST', '+01:00', '', ' Europe/London'])
    assert.not.ok(isTimeZone(zone), zone);
});

zones.run();

const form = suite("A form's today in the council's time zone");

/** The page with "The date granted must be today or in the past", and the errors on it for this date at this instant. */
function grantedOnErrors(answer: string, now: string, timeZone?: string): string[] {
  const compiled = compileForm(everyType, { now: () => at(now), timeZone });
  return compiled
    .pageErrors('urgent', { isProfessional: 'yes', difficulties: ['stairs'], grantedOn: answer })
    .filter((error) => error.path === 'grantedOn')
    .map((error) => error.message);
}

const FUTURE = ['The date granted must be today or in the past'];

form("should accept London's today and refuse London's tomorrow, just after midnight in London in summer", () => {
  // 00:01 BST on 2 July is 23:01 UTC on 1 July, and still 1 July in Los Angeles.
  assert.equal(grantedOnErrors('2026-07-02', '2026-07-01T23:01:00Z'), []);
  assert.equal(grantedOnErrors('2026-07-03', '2026-07-01T23:01:00Z'), FUTURE);
  assert.equal(grantedOnErrors('2026-07-01', '2026-07-01T22:59:00Z'), []);
  assert.equal(grantedOnErrors('2026-07-02', '2026-07-01T22:59:00Z'), FUTURE);
});

form("should count today in the time zone the form is given, the council's", () => {
  // 11:30 on 1 July in London is 00:30 on 2 July on Kiritimati.
  const now = '2026-07-01T10:30:00Z';
  assert.equal(grantedOnErrors('2026-07-02', now, 'Pacific/Kiritimati'), []);
  assert.equal(grantedOnErrors('2026-07-02', now, 'Europe/London'), FUTURE);
  assert.equal(grantedOnErrors('2026-07-02', now), FUTURE);
  assert.is(compileForm(everyType, { timeZone: 'Pacific/Kiritimati' }).timeZone, 'Pacific/Kiritimati');
});

form.run();
