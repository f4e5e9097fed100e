/** Answers as a person reads them: for check-your-answers, print, emails and the staff view. */
import type { AddressAnswer, AnswerValue, ChildQuestion, ItemAnswers, Question } from './types.ts';
import { formatDate } from './dates.ts';
import { formatNhsNumber } from './formats.ts';
import { ADDRESS_PARTS } from './messages.ts';

/** What a summary shows in place of a sensitive answer (a key safe code, say). */
export const SENSITIVE_PLACEHOLDER = 'Given (not shown for security)';

function formatPhone(digits: string): string {
  // 01519343555 -> 0151 934 3555; 07700900982 -> 07700 900982; other shapes stay as typed.
  if (/^0\d{10}$/.test(digits)) {
    return digits.startsWith('07') || digits.startsWith('01') && !digits.startsWith('011') && digits[3] !== '1'
      ? `${digits.slice(0, 5)} ${digits.slice(5)}`
      : `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  }
  return digits;
}

function optionLabel(question: { options: Array<{ value: string; label: string }> }, value: string): string {
  return question.options.find((option) => option.value === value)?.label ?? value;
}

/** One answer as lines of text; no lines when it is not answered. Sensitive answers are hidden unless `showSensitive`. */
export function displayLines(question: Question | ChildQuestion, value: AnswerValue | undefined, showSensitive = false): string[] {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  if (question.sensitive && !showSensitive) return [SENSITIVE_PLACEHOLDER];
  switch (question.type) {
    case 'yesNo': return [value === 'yes' ? 'Yes' : value === 'no' ? 'No' : String(value)];
    case 'radios':
    case 'select': return [optionLabel(question, String(value))];
    case 'checkboxes': return (value as string[]).map((chosen) => optionLabel(question, chosen));
    case 'date':
    case 'computedDate': return [formatDate(String(value))];
    case 'nhsNumber': return [formatNhsNumber(String(value))];
    case 'phone': return [formatPhone(String(value))];
    case 'number': return [`${value}${question.unit ? ` ${question.unit}` : ''}`];
    case 'declaration': return ['Confirmed'];
    case 'address': {
      const address = value as AddressAnswer;
      return (Object.keys(ADDRESS_PARTS) as Array<keyof AddressAnswer>).map((part) => address[part] ?? '').filter(Boolean);
    }
    case 'textarea': return String(value).split('\n');
    case 'group': return [`${(value as ItemAnswers[]).length} added`];
    default: return [String(value)];
  }
}
