/**
 * The triage clock on the council's four forms, with their complete answer sets and portal.json's
 * own rules: which referral is urgent, and when each must be dealt with. The clock is fixed; every
 * time here is London's.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  compareTriage,
  compileForm,
  triageAt,
  triageFactsOf,
  triageOf,
  workingCalendarOf,
  type Answers,
  type PortalContent,
  type Triage,
} from '../../../engine/index.ts';
import { instantOnClock } from '../../../engine/values/zoned-time.ts';
import { wallClockIn } from '../../../engine/values/dates.ts';
import { loadForms } from '../../fixtures/forms.ts';
import portalJson from '../../../forms/portal.json' with { type: 'json' };

const portal = portalJson as unknown as PortalContent;
const calendar = workingCalendarOf(portal);
const fixtures = new Map(loadForms().map((fixture) => [fixture.definition.id, fixture]));

function london(wall: string): number {
  const [date, time] = wall.split(' ') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return instantOnClock(date, h * 60 + m, 'Europe/London');
}

const onLondonClock = (ms: number) => {
  const { date, time } = wallClockIn(new Date(ms), 'Europe/London');
  return `${date} ${time}`;
};

/** The triage of a form's answer set (changed as given) received and read at these London times. */
function triage(formId: string, received: string, now: string, change: Answers = {}): Triage {
  const fixture = fixtures.get(formId)!;
  return triageOf(compileForm(fixture.definition), {
    answers: { ...fixture.answers, ...change },
    receivedAt: london(received),
    now: london(now),
    rules: portal.triage?.[formId],
    calendar,
  });
}

/** The deadlines as the triage team reads them: label, London time, and whether it is a whole day. */
const readable = (result: Triage) =>
  result.deadlines.map((d) => [d.label, onLondonClock(d.at), d.kind] as [string, string, string]);

const dols1 = suite('DoLS Form 1: urgent authorisation and standard request');

dols1(
  'should be urgent while the urgent authorisation is in force, with its end, the extension and the 21 days',
  () => {
    const result = triage('dols-form-1', '2026-11-24 10:30', '2026-11-25 09:00');
    assert.is(result.urgent, true);
    // Granted 23 November at 16:45 for 7 days, with 7 more asked for: it ends at the time it was granted.
    assert.equal(readable(result), [
      ['Urgent authorisation ends', '2026-11-30 16:45', 'instant'],
      ['Urgent authorisation ends if extended', '2026-12-07 16:45', 'instant'],
      ['Standard request to be decided by', '2026-12-15 23:59', 'endOfDay'],
    ]);
    assert.is(result.next!.label, 'Urgent authorisation ends');
    assert.is(result.overdue, false);
  },
);

dols1('should work out the end from the days given, as the form does', () => {
  const result = triage('dols-form-1', '2026-11-24 10:30', '2026-11-25 09:00', { urgentDays: 3, extensionDays: 2 });
  assert.equal(readable(result).slice(0, 2), [
    ['Urgent authorisation ends', '2026-11-26 16:45', 'instant'],
    ['Urgent authorisation ends if extended', '2026-11-28 16:45', 'instant'],
  ]);
});

dols1('should stay urgent through the extension asked for, and stop being urgent once it has ended', () => {
  const during = triage('dols-form-1', '2026-11-24 10:30', '2026-12-03 09:00');
  assert.is(during.urgent, true);
  assert.is(during.next!.label, 'Urgent authorisation ends if extended');
  const after = triage('dols-form-1', '2026-11-24 10:30', '2026-12-07 16:46');
  assert.is(after.urgent, false);
  assert.is(after.next!.label, 'Standard request to be decided by');
  assert.is(after.overdue, false);
});

dols1('should not be urgent once an authorisation with no extension asked for has ended', () => {
  const change = { extensionRequested: 'no' };
  const result = triage('dols-form-1', '2026-11-24 10:30', '2026-12-01 09:00', change);
  assert.equal(
    readable(result).map(([label]) => label),
    ['Urgent authorisation ends', 'Standard request to be decided by'],
  );
  assert.is(result.urgent, false);
  assert.is(triage('dols-form-1', '2026-11-24 10:30', '2026-11-30 16:44', change).urgent, true);
});

dols1('should be overdue once the 21 days have passed, pointing at the earliest deadline', () => {
  const result = triage('dols-form-1', '2026-11-24 10:30', '2026-12-16 00:00');
  assert.is(result.overdue, true);
  assert.is(result.urgent, false);
  assert.is(result.next!.label, 'Urgent authorisation ends');
  // The last moment of the 21st day is not yet overdue.
  assert.is(triage('dols-form-1', '2026-11-24 10:30', '2026-12-15 23:59').overdue, false);
});

dols1('should give a standard request alone only its 21 days, leaving the urgent answers it hides aside', () => {
  // Even a worked-out date sent along with them (the form works its own out, or drops it).
  const change = { requestType: 'standard-only', urgentExpiryDate: '2026-11-30' };
  const result = triage('dols-form-1', '2026-11-24 10:30', '2026-11-25 09:00', change);
  assert.is(result.urgent, false);
  assert.equal(readable(result), [['Standard request to be decided by', '2026-12-15 23:59', 'endOfDay']]);
});

dols1.run();

const dols2 = suite('DoLS Form 2: further standard authorisation');

dols2('should be due when the current authorisation ends, at the end of that day, and never urgent', () => {
  const result = triage('dols-form-2', '2026-11-24 10:30', '2026-11-25 09:00');
  assert.equal(readable(result), [['Current authorisation ends', '2026-12-18 23:59', 'endOfDay']]);
  assert.is(result.deadlines[0]!.at, Date.parse('2026-12-18T23:59:59.999Z'));
  assert.is(result.urgent, false);
  assert.is(triage('dols-form-2', '2026-11-24 10:30', '2026-12-19 00:00').overdue, true);
});

dols2.run();

const referrals = suite('Referrals: screening due in working hours');

referrals('should screen an urgent social care referral within 4 working hours, and say it is urgent', () => {
  const result = triage('social-care-referral', '2026-11-24 10:30', '2026-11-24 11:00');
  assert.is(result.urgent, true);
  assert.equal(readable(result), [['Screening due', '2026-11-24 14:30', 'instant']]);
  assert.is(triage('social-care-referral', '2026-11-24 10:30', '2026-11-24 14:31').overdue, true);
});

referrals('should carry an urgent referral sent on a Friday afternoon over to Monday', () => {
  const result = triage('social-care-referral', '2026-11-27 15:00', '2026-11-28 10:00');
  assert.equal(readable(result), [['Screening due', '2026-11-30 12:00', 'instant']]);
  assert.is(result.overdue, false);
});

referrals('should give less urgent social care referrals longer, by the answer to how urgent it is', () => {
  const soon = triage('social-care-referral', '2026-11-24 10:30', '2026-11-24 11:00', { urgency: 'soon' });
  assert.is(soon.urgent, false);
  assert.equal(readable(soon), [['Screening due', '2026-11-26 09:30', 'instant']]);
  const routine = triage('social-care-referral', '2026-11-24 10:30', '2026-11-24 11:00', { urgency: 'routine' });
  assert.equal(readable(routine), [['Screening due', '2026-12-01 09:30', 'instant']]);
});

referrals('should count an occupational therapy referral sent on Christmas Eve past every bank holiday', () => {
  // 40 hours: 3.5 on Thursday 24 December; Christmas, the Boxing Day substitute and New Year's Day closed.
  const result = triage('occupational-therapy-referral', '2026-12-24 14:00', '2026-12-29 09:00');
  assert.equal(readable(result), [['Screening due', '2027-01-05 11:30', 'instant']]);
  assert.is(result.urgent, false);
});

referrals.run();

const order = suite('triageOf without rules, and compareTriage');

order('should give a form with no rules no deadlines and no urgency', () => {
  const fixture = fixtures.get('dols-form-2')!;
  const result = triageOf(compileForm(fixture.definition), {
    answers: fixture.answers,
    receivedAt: london('2026-11-24 10:30'),
    now: london('2026-11-25 09:00'),
    rules: undefined,
    calendar,
  });
  assert.equal(result, { urgent: false, deadlines: [], next: null, overdue: false });
});

order('should put urgent forms first, then overdue ones, then by the next deadline, and none last', () => {
  const now = '2026-11-25 09:00';
  const urgent = triage('social-care-referral', '2026-11-24 16:00', now);
  const overdue = triage('dols-form-2', '2026-11-01 10:00', now, { currentAuthorisationEnds: '2026-11-20' });
  const soon = triage('social-care-referral', '2026-11-24 10:30', now, { urgency: 'soon' });
  const later = triage('dols-form-2', '2026-11-24 10:30', now);
  const none: Triage = { urgent: false, deadlines: [], next: null, overdue: false };
  assert.equal([none, later, soon, overdue, urgent].sort(compareTriage), [urgent, overdue, soon, later, none]);
});

order('should work out the same facts whenever asked, and read urgency and deadlines from them at any moment', () => {
  const fixture = fixtures.get('dols-form-1')!;
  const form = compileForm(fixture.definition);
  const input = {
    answers: fixture.answers,
    receivedAt: london('2026-11-24 10:30'),
    rules: portal.triage?.['dols-form-1'],
    calendar,
  };
  const facts = triageFactsOf(form, input);
  assert.is(facts.urgentWhen, true);
  assert.equal(
    facts.deadlines.map((d) => [d.label, d.endsUrgency]),
    [
      ['Urgent authorisation ends', true],
      ['Urgent authorisation ends if extended', true],
      ['Standard request to be decided by', false],
    ],
  );
  for (const now of ['2026-11-25 09:00', '2026-12-08 09:00', '2026-12-16 09:00'])
    assert.equal(triageAt(facts, london(now)), triageOf(form, { ...input, now: london(now) }), now);
  assert.is(triageAt(facts, london('2026-12-07 16:44')).urgent, true, 'the extension has a minute to run');
  assert.is(triageAt(facts, london('2026-12-07 16:46')).urgent, false);
  assert.is(triageAt(facts, london('2026-12-16 09:00')).overdue, true);
});

order.run();
