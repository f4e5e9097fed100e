/**
 * Error messages in the GOV.UK style: they say what to do ("Enter the person's date of birth"),
 * never "Field is required". An author's `messages` replace these defaults one by one.
 */
import type { Question } from '../types.ts';
import { formatNhsNumber } from '../values/formats.ts';

export type MessageKind = 'required' | 'invalid' | 'tooLong' | 'tooShort' | 'outOfRange' | 'tooFew' | 'tooMany';

/** The phrase for the answer in messages: the author's subject, or the label made into one. */
function subjectOf(question: Question): string {
  if (question.subject) return question.subject;
  const label = question.label.replace(/[?:.]\s*$/, '');
  // "Date of birth" reads "date of birth" mid-sentence; "NHS number" keeps its capitals.
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

export function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** The plural of a group's item name: the author's, or the name with an s. */
export function pluralOf(group: { itemName: string; itemNamePlural?: string }): string {
  return group.itemNamePlural ?? `${group.itemName}s`;
}

const ASKED_BY_SELECTING = new Set(['yesNo', 'radios', 'select', 'checkboxes']);

export interface MessageDetails {
  limit?: number;
  /** The answer, where the message depends on it (an NHS number of the right length or not). */
  value?: unknown;
  /** Missing parts of a date, in reading order. */
  missingParts?: string[];
}

export function messageFor(question: Question, kind: MessageKind, details: MessageDetails = {}): string {
  const own = question.messages?.[kind];
  if (own) return own;
  const subject = subjectOf(question);
  const Subject = capitalise(subject);
  const limit = details.limit ?? 0;
  switch (kind) {
    case 'required':
      if (question.type === 'declaration') return 'Select the box to confirm the declaration';
      if (question.type === 'group') return `Add at least one ${question.itemName}`;
      return `${ASKED_BY_SELECTING.has(question.type) ? 'Select' : 'Enter'} ${subject}`;
    case 'tooLong':
      return `${Subject} must be ${limit} characters or fewer`;
    case 'tooShort':
      return `${Subject} must be ${limit} characters or more`;
    case 'outOfRange':
      if (question.type !== 'number') return `${Subject} is out of range`;
      return `${Subject} must be between ${question.min} and ${question.max}${question.unit ? ` ${question.unit}` : ''}`;
    case 'tooFew':
      if (question.type === 'group') return `Add at least ${limit} ${pluralOf(question)}`;
      return `Select at least ${limit} for ${subject}`;
    case 'tooMany':
      if (question.type === 'group') return `You can add up to ${limit} ${pluralOf(question)}`;
      return `Select no more than ${limit} for ${subject}`;
    case 'invalid':
      return invalidMessage(question, subject, Subject, details);
  }
}

function invalidMessage(question: Question, subject: string, Subject: string, details: MessageDetails): string {
  switch (question.type) {
    case 'email':
      return `Enter ${subject} in the correct format, like name@example.com`;
    case 'phone':
      return `Enter ${subject} in the correct format, like 0151 934 3555 or 07700 900 982`;
    case 'postcode':
      return `Enter ${subject} in the correct format, like L20 3NJ`;
    case 'nhsNumber': {
      const digits = (typeof details.value === 'string' ? details.value : '').replace(/[\s-]/g, '');
      return /^\d{10}$/.test(digits)
        ? `${Subject} ${formatNhsNumber(digits)} is not a valid NHS number: check each digit`
        : `${Subject} must be 10 digits, like 943 476 5919`;
    }
    case 'number':
      return `${Subject} must be ${question.integer ? 'a whole number' : 'a number'}`;
    case 'date':
    case 'computedDate':
      return dateMessage(Subject, details.missingParts);
    case 'time':
      return `Enter ${subject} as a time on the 24-hour clock, like 14:30`;
    case 'declaration':
      return 'Select the box to confirm the declaration';
    case 'checkboxes':
      return `Select ${subject} from the options given`;
    default:
      return ASKED_BY_SELECTING.has(question.type) ? `Select ${subject} from the options given` : `Check ${subject}`;
  }
}

/** The parts of an address: the label of each box, and the words messages use for it. */
/** What is wrong with a date typed in the three boxes of a GOV.UK date input named `Subject`. */
export function dateMessage(Subject: string, missingParts: readonly string[] = []): string {
  return missingParts.length
    ? `${Subject} must include a ${missingParts.join(' and ')}`
    : `${Subject} must be a real date`;
}

export const ADDRESS_PARTS = {
  line1: { label: 'Address line 1', phrase: 'the building and street' },
  line2: { label: 'Address line 2 (optional)', phrase: 'address line 2' },
  town: { label: 'Town or city', phrase: 'the town or city' },
  county: { label: 'County (optional)', phrase: 'the county' },
  postcode: { label: 'Postcode', phrase: 'the postcode' },
} as const;

export type AddressPart = keyof typeof ADDRESS_PARTS;
export const REQUIRED_ADDRESS_PARTS: AddressPart[] = ['line1', 'town', 'postcode'];

export function addressPartMessage(
  question: Question,
  part: AddressPart,
  kind: 'required' | 'invalid' | 'tooLong',
  limit = 0,
): string {
  const phrase = `${ADDRESS_PARTS[part].phrase} of ${subjectOf(question)}`;
  if (kind === 'required') return `Enter ${phrase}`;
  if (kind === 'tooLong') return `${capitalise(phrase)} must be ${limit} characters or fewer`;
  return `Enter a real postcode for ${subjectOf(question)}, like L20 3NJ`;
}
