/**
 * Checking portal.json's outcomes: a list is there, each code is used once, and at least one
 * outcome is left to offer (a referral could not be closed otherwise). The schema's own problems
 * with the list (outcomeSchemaHint) are said in the same words.
 */
import type { DefinitionProblem } from '../errors.ts';
import type { Outcome } from '../contracts/portal.types.ts';
import { offeredOutcomes } from './outcomes.ts';

// The three the portal offered before councils listed their own: a council upgrading keeps them,
// so referrals already closed with them keep their words.
const EXAMPLE =
  '[{ "code": "no-further-action", "label": "No further action: information and advice given" }, { "code": "passed-to-team", "label": "Passed to a team" }, { "code": "not-for-adult-social-care", "label": "Not for adult social care" }]';
const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const MISSING = `Add "outcomes": the outcomes the triage team closes a referral with, each a code and a label, such as ${EXAMPLE}.`;
const EMPTY = `List at least one outcome to close a referral with, each a code and a label, such as ${EXAMPLE}.`;
const NONE_OFFERED =
  'Every outcome is retired, so a referral could not be closed: offer at least one, by taking "retired" off one or adding a new outcome.';
const BAD_CODE =
  'Write the code in small letters and digits, in words joined by hyphens, like "passed-to-team" (40 characters at most).';
const EMPTY_LABEL =
  'Write the outcome\'s label: the words staff choose it by and read on closed referrals and in exports, like "Passed to a team".';

const AT_CODE = /^\/outcomes\/\d+\/code$/;
const AT_LABEL = /^\/outcomes\/\d+\/label$/;

/**
 * The words for a schema problem with the outcomes, in place of the general ones; `pointer` is
 * where the problem is (for a missing property, where it would be).
 */
export function outcomeSchemaHint(keyword: string, pointer: string): string | undefined {
  if (pointer === '/outcomes') return keyword === 'required' ? MISSING : keyword === 'minItems' ? EMPTY : undefined;
  if (AT_CODE.test(pointer) && keyword === 'pattern') return BAD_CODE;
  if (AT_LABEL.test(pointer) && (keyword === 'minLength' || keyword === 'pattern')) return EMPTY_LABEL;
  return undefined;
}

/**
 * Every problem with the outcomes of portal content, as the schema leaves them to check; a list
 * that is not there at all is one too, for the server, which reads portal.json without its schema.
 */
export function outcomeProblems(content: { outcomes?: readonly Outcome[] }): DefinitionProblem[] {
  const { outcomes } = content;
  if (!Array.isArray(outcomes)) return [{ pointer: '/outcomes', code: 'no-outcomes', message: MISSING }];
  if (!outcomes.length) return [{ pointer: '/outcomes', code: 'no-outcomes', message: EMPTY }];
  const problems: DefinitionProblem[] = [];
  const first = new Map<string, number>();
  outcomes.forEach(({ code, label, retired }, i) => {
    // The server reads portal.json without its schema: what the schema would refuse, refused here too.
    if (typeof code !== 'string' || !CODE.test(code) || code.length > 40)
      problems.push({ pointer: `/outcomes/${i}/code`, code: 'bad-outcome-code', message: BAD_CODE });
    if (typeof label !== 'string' || !label.trim())
      problems.push({ pointer: `/outcomes/${i}/label`, code: 'empty-label', message: EMPTY_LABEL });
    if (retired !== undefined && typeof retired !== 'boolean')
      problems.push({
        pointer: `/outcomes/${i}/retired`,
        code: 'bad-retired',
        message: 'Write "retired": true to stop offering this outcome (or leave "retired" out to offer it).',
      });
    const earlier = first.get(code);
    if (earlier !== undefined)
      problems.push({
        pointer: `/outcomes/${i}/code`,
        code: 'duplicate-outcome',
        message: `The code "${code}" is already that of outcome ${earlier + 1} ("${outcomes[earlier]!.label}"): give each outcome its own code. A referral keeps the code it was closed with, so to replace an outcome, retire the old one and give the new one a new code.`,
      });
    else first.set(code, i);
  });
  if (!offeredOutcomes(outcomes).length)
    problems.push({ pointer: '/outcomes', code: 'no-outcome-offered', message: NONE_OFFERED });
  return problems;
}
