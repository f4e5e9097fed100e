/** Answers as a person reads them: for check-your-answers, print, emails and the staff view. */
import type { AddressAnswer, AnswerValue, ChildQuestion, Question } from '../types.ts';
import { formatDate } from '../values/dates.ts';
import { formatNhsNumber } from '../values/formats.ts';
import { ADDRESS_PARTS } from './messages.ts';

/** What a summary shows in place of a sensitive answer (a key safe code, say). */
export const SENSITIVE_PLACEHOLDER = 'Given (not shown for security)';

function formatPhone(digits: string): string {
  if (!/^0\d{10}$/.test(digits)) return digits;
  // As people write them: 020 7946 0000, 0151 934 3555 (and the other 01x1 cities), 07700 900982.
  if (digits.startsWith('02')) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  if (/^01(1\d|\d1)/.test(digits)) return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  return `${digits.slice(0, 5)} ${digits.slice(5)}`;
}

function optionLabel(question: { options: Array<{ value: string; label: string }> }, value: string): string {
  return question.options.find((option) => option.value === value)?.label ?? value;
}

/** A simple answer as text; anything else (a malformed answer from outside) shows as nothing rather than breaking the summary. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** One answer as lines of text; no lines when it is not answered. Sensitive answers are hidden unless `showSensitive`. */
export function displayLines(
  question: Question | ChildQuestion,
  value: AnswerValue | undefined,
  showSensitive = false,
): string[] {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  if (question.sensitive && !showSensitive) return [SENSITIVE_PLACEHOLDER];
  switch (question.type) {
    case 'yesNo':
      return [value === 'yes' ? 'Yes' : value === 'no' ? 'No' : asText(value)];
    case 'radios':
    case 'select':
      return [optionLabel(question, asText(value))];
    case 'checkboxes':
      return (Array.isArray(value) ? value : [value]).map((chosen) => optionLabel(question, asText(chosen)));
    case 'date':
    case 'computedDate':
      return [formatDate(asText(value))];
    case 'nhsNumber':
      return [formatNhsNumber(asText(value))];
    case 'phone':
      return [formatPhone(asText(value))];
    case 'number':
      return [`${value}${question.unit ? ` ${question.unit}` : ''}`];
    case 'declaration':
      return ['Confirmed'];
    case 'address': {
      const address = value as AddressAnswer;
      return (Object.keys(ADDRESS_PARTS) as Array<keyof AddressAnswer>)
        .map((part) => asText(address[part]))
        .filter(Boolean);
    }
    case 'textarea':
      return asText(value).split('\n');
    case 'group':
      return [`${Array.isArray(value) ? value.length : 0} added`];
    default:
      return [asText(value)];
  }
}
