/**
 * The council's closing outcomes as the staff screens and the exports read them: which are offered
 * when closing, and the words for a code a referral was closed with.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { offeredOutcomes, outcomeLabel, type Outcome } from '../../../engine/index.ts';
import portalJson from '../../../forms/portal.json' with { type: 'json' };

const outcomes: Outcome[] = [
  { code: 'signposted', label: 'Signposted to community support' },
  { code: 'no-further-action', label: 'No further action: advice given', retired: true },
  { code: 'passed-to-team', label: 'Passed to the locality team', retired: false },
];

const offered = suite('offeredOutcomes');

offered('should offer every outcome not retired, in the council’s order', () => {
  assert.equal(
    offeredOutcomes(outcomes).map((o) => o.code),
    ['signposted', 'passed-to-team'],
  );
});

offered('should offer Sefton’s three outcomes, with the codes referrals were closed with before', () => {
  assert.equal(
    offeredOutcomes(portalJson.outcomes).map((o) => [o.code, o.label]),
    [
      ['no-further-action', 'No further action: information and advice given'],
      ['passed-to-team', 'Passed to a team'],
      ['not-for-adult-social-care', 'Not for adult social care'],
    ],
  );
});

offered.run();

const label = suite('outcomeLabel');

label('should name a code by its label, a retired one too', () => {
  assert.is(outcomeLabel(outcomes, 'signposted'), 'Signposted to community support');
  assert.is(outcomeLabel(outcomes, 'no-further-action'), 'No further action: advice given');
});

label('should show a code the council no longer lists as it is', () => {
  assert.is(outcomeLabel(outcomes, 'not-for-adult-social-care'), 'not-for-adult-social-care');
});

label.run();
