/**
 * The check on the shape of answers sent to the server, saved for later or submitted (Node only:
 * compileForm makes it once per form version, and Form.check runs it first).
 * It refuses only what no person could have typed into the form: a question it does not ask
 * (at any depth), an option it does not offer, a value of the wrong kind, or a list longer than
 * allowed. Everything else a draft may hold is put right later, when Next and Submit check it.
 *
 * It runs on the answers as sent, before anything else looks at them, and stops at the first
 * problem: a body built to be expensive (a list of 40,000 wrong items) costs one refusal, not
 * 40,000 of them.
 */
import type { FormDefinition } from '../types.ts';
import { draftAnswersSchema } from './answers-schema.ts';
import { createAnswersAjv } from './answers-ajv.ts';
import { buildModel, groupChildren } from '../run/model.ts';
import type { SchemaValidator } from '../run/validate.ts';

export interface ShapeProblem {
  /** The answer's path, as in FieldError ("consultees.0.name"). */
  path: string;
  message: string;
}

const ajv = createAnswersAjv({ allowUnionTypes: true, allErrors: false });

function describe(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'additionalProperties':
      return 'the form does not ask this question';
    case 'enum':
      return 'it is not one of the options the question offers';
    case 'maxLength':
      return `it is longer than ${String(params.limit)} characters`;
    case 'maxItems':
      return `it has more than ${String(params.limit)} items`;
    case 'uniqueItems':
      return 'it lists the same option twice';
    default:
      return 'it is not the kind of answer this question takes';
  }
}

/** The check of one form version; `action` words its refusal ("cannot be saved", "cannot be sent"). */
export type ShapeCheck = (answers: unknown, action?: 'saved' | 'sent') => ShapeProblem[];

export function compileShapeCheck(definition: FormDefinition): ShapeCheck {
  const validate = ajv.compile(draftAnswersSchema(definition)) as SchemaValidator;
  const { questions } = buildModel(definition);
  // The question a path names, by its label, so the person (or the developer) knows which one.
  const nameOf = (segments: string[]): string => {
    const question = questions.get(segments[0] ?? '')?.question;
    if (!question) return `"${segments.join('.')}"`;
    const child =
      question.type === 'group' && segments[2] ? groupChildren(question).find((c) => c.id === segments[2]) : undefined;
    return child ? `"${child.label}" (${question.label}, item ${Number(segments[1]) + 1})` : `"${question.label}"`;
  };
  return (answers, action = 'saved') => {
    if (validate(answers)) return [];
    const error = validate.errors![0]!;
    const segments = error.instancePath.slice(1).split('/').filter(Boolean);
    // An unknown key is the sender's own text, of any length: it is echoed short.
    if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty).slice(0, 100));
    if (segments.length === 0)
      return [
        { path: '', message: `The answers cannot be ${action}: send them as an object of answers by question id.` },
      ];
    return [
      {
        path: segments.join('.'),
        message: `The answer to ${nameOf(segments)} cannot be ${action}: ${describe(error.keyword, error.params)}.`,
      },
    ];
  };
}
