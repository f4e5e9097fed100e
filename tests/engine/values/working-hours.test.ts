/**
 * Working hours on the council's clock, with Sefton's week and bank holidays from portal.json: the
 * portal is not watched after 17:30 (16:00 on Fridays), at weekends or on bank holidays, so hours
 * counted from a referral carry over to the next opening. Every time here is London's.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addWorkingHours, isWorkingTime, weekdayOf } from '../../../engine/values/working-hours.ts';
import { endOfDay, instantOnClock } from '../../../engine/values/zoned-time.ts';
import { wallClockIn } from '../../../engine/values/dates.ts';
import { workingCalendarOf, type PortalContent } from '../../../engine/index.ts';
import portalJson from '../../../forms/portal.json' with { type: 'json' };

const sefton = workingCalendarOf(portalJson as unknown as PortalContent);
const ZONE = 'Europe/London';

/** The instant London's clock shows "YYYY-MM-DD HH:MM". */
function london(wall: string): number {
  const [date, time] = wall.split(' ') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return instantOnClock(date, h * 60 + m, ZONE);
}

/** What London's clock shows at an instant, "YYYY-MM-DD HH:MM". */
function onLondonClock(ms: number): string {
  const { date, time } = wallClockIn(new Date(ms), ZONE);
  return `${date} ${time}`;
}

const plus = (wall: string, hours: number) => onLondonClock(addWorkingHours(london(wall), hours, sefton));

const clock = suite('the council clock (instants of dates and times in London)');

clock('should read a time on the clock as GMT in winter and BST in summer', () => {
  assert.is(new Date(london('2026-12-01 09:00')).toISOString(), '2026-12-01T09:00:00.000Z');
  assert.is(new Date(london('2026-07-01 09:00')).toISOString(), '2026-07-01T08:00:00.000Z');
});

clock('should read a time the clock skips as the time before the change, and one shown twice as the first', () => {
  // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 never shows.
  assert.is(new Date(london('2026-03-29 01:30')).toISOString(), '2026-03-29T01:30:00.000Z');
  // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 shows twice.
  assert.is(new Date(london('2026-10-25 01:30')).toISOString(), '2026-10-25T00:30:00.000Z');
});

clock('should end a whole day at its last millisecond on the clock, 23 or 25 hours long as it may be', () => {
  assert.is(new Date(endOfDay('2026-07-01', ZONE)).toISOString(), '2026-07-01T22:59:59.999Z');
  assert.is(new Date(endOfDay('2026-10-25', ZONE)).toISOString(), '2026-10-25T23:59:59.999Z');
  assert.is(new Date(endOfDay('2026-03-29', ZONE)).toISOString(), '2026-03-29T22:59:59.999Z');
});

clock.run();

const hours = suite('addWorkingHours (Sefton: 09:00 to 17:30, Fridays to 16:00)');

hours('should count hours within one working day', () => {
  assert.is(weekdayOf('2026-11-24'), 'tuesday');
  assert.is(plus('2026-11-24 10:30', 4), '2026-11-24 14:30');
  assert.is(plus('2026-11-24 13:30', 4), '2026-11-24 17:30');
});

hours(
  'should carry a Friday afternoon over the weekend: 15:00 with 16:00 closing leaves three hours for Monday',
  () => {
    assert.is(weekdayOf('2026-11-27'), 'friday');
    assert.is(plus('2026-11-27 15:00', 4), '2026-11-30 12:00');
    assert.is(plus('2026-11-27 15:00', 1), '2026-11-27 16:00');
  },
);

hours('should start counting at the next opening for a referral sent in the evening or at the weekend', () => {
  assert.is(plus('2026-11-26 18:00', 1), '2026-11-27 10:00');
  assert.is(plus('2026-11-28 10:00', 2), '2026-11-30 11:00');
  assert.is(plus('2026-11-30 07:15', 0.5), '2026-11-30 09:30');
});

hours('should skip bank holidays, and the substitute days when Christmas and Boxing Day fall at a weekend', () => {
  // 2027: Christmas is a Saturday and Boxing Day a Sunday, so Monday 27 and Tuesday 28 are holidays.
  assert.is(plus('2027-12-24 15:00', 4), '2027-12-29 12:00');
  // 2026: Christmas is a Friday and Boxing Day a Saturday, so Monday 28 is the substitute.
  assert.is(plus('2026-12-24 18:00', 1), '2026-12-29 10:00');
  // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
  assert.is(plus('2026-04-02 17:00', 1), '2026-04-07 09:30');
});

hours('should keep office hours on the clock across the changes to and from British Summer Time', () => {
  // The clocks go forward on Sunday 29 March 2026: Monday still opens at 09:00 on the clock.
  assert.is(plus('2026-03-27 15:00', 4), '2026-03-30 12:00');
  assert.is(addWorkingHours(london('2026-03-27 15:00'), 4, sefton), Date.parse('2026-03-30T11:00:00Z'));
  // And back on Sunday 25 October 2026.
  assert.is(plus('2026-10-23 15:00', 4), '2026-10-26 12:00');
  assert.is(addWorkingHours(london('2026-10-23 15:00'), 4, sefton), Date.parse('2026-10-26T12:00:00Z'));
});

hours('should refuse a week with no office hours, and a negative number of hours', () => {
  assert.throws(() => addWorkingHours(0, 1, { ...sefton, week: {} }), /no office hours/);
  assert.throws(() => addWorkingHours(0, -1, sefton), /not a number of working hours/);
});

hours.run();

const properties = suite('addWorkingHours, for any start and any hours');

// Any minute from 2026 to the end of 2028, the years whose bank holidays portal.json lists.
const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-01T00:00:00Z') });
const workingHours = fc.integer({ min: 1, max: 200 * 4 }).map((quarters) => quarters / 4);

properties('should never land outside office hours', () => {
  fc.assert(fc.property(instant, workingHours, (start, h) => isWorkingTime(addWorkingHours(start, h, sefton), sefton)));
});

properties('should be later for a later start, and for more hours', () => {
  fc.assert(
    fc.property(instant, instant, workingHours, (a, b, h) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      return addWorkingHours(early, h, sefton) <= addWorkingHours(late, h, sefton);
    }),
  );
  fc.assert(
    fc.property(instant, workingHours, workingHours, (start, a, b) => {
      const [fewer, more] = a <= b ? [a, b] : [b, a];
      return addWorkingHours(start, fewer, sefton) <= addWorkingHours(start, more, sefton);
    }),
  );
});

properties('should come to the same time counted in two parts as in one', () => {
  fc.assert(
    fc.property(
      instant,
      workingHours,
      workingHours,
      (start, a, b) =>
        addWorkingHours(addWorkingHours(start, a, sefton), b, sefton) === addWorkingHours(start, a + b, sefton),
    ),
  );
});

properties.run();
