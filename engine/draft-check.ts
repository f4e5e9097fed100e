/**
 * The check on answers saved for later (Node only: the server makes it once per form version).
 * It refuses only what no person could have typed into the form: a question it does not ask, an
 * option it does not offer, a value of the wrong kind, or text far past any limit. Everything
 * else a draft may hold is put right later, when Next and Submit check it.
 */
import type { FormDefinition } from './types.ts';
import { draftAnswersSchema } from './answers-schema.ts';
import { createAnswersAjv } from './compile.ts';
import type { SchemaValidator } from './validate.ts';

export interface DraftProblem {
  /** The answer's path, as in FieldError ("consultees.0.name"). */
  path: string;
  message: string;
}

const ajv = createAnswersAjv({ allowUnionTypes: true });

function describe(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'additionalProperties': return 'the form does not ask this question';
    case 'enum': return 'it is not one of the options the question offers';
    case 'maxLength': return `it is longer than ${String(params.limit)} characters`;
    case 'maxItems': return `it has more than ${String(params.limit)} items`;
    case 'uniqueItems': return 'it lists the same option twice';
    default: return 'it is not the kind of answer this question takes';
  }
}

export function compileDraftCheck(definition: FormDefinition): (answers: unknown) => DraftProblem[] {
  const validate = ajv.compile(draftAnswersSchema(definition)) as SchemaValidator;
  return (answers) => {
    if (validate(answers)) return [];
    const seen = new Set<string>();
    return (validate.errors ?? []).flatMap((error) => {
      const segments = error.instancePath.slice(1).split('/').filter(Boolean);
      if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
      const path = segments.join('.');
      if (seen.has(path)) return [];
      seen.add(path);
      return [{ path, message: `The answer "${path || '(answers)'}" cannot be saved: ${describe(error.keyword, error.params)}.` }];
    });
  };
}
