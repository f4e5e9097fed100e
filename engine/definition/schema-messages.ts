/**
 * ajv's complaints about an author's file in the author's words: one problem per fault, at the
 * pointer of the place to change, saying what to write there. Never a regular expression, never
 * ajv's grammar ("must be integer"): each keyword the schemas use has its sentence, and each
 * pattern a rule in words (schema-words.ts, which a test holds to every pattern of the schemas).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import definitionSchema from './definition.schema.json' with { type: 'json' };
import { allowedProperties, closest, listed, nameAt, PATTERN_WORDS, TYPE_WORDS } from './schema-words.ts';

export { PATTERN_WORDS };

const QUESTION_TYPES = definitionSchema.$defs.pageItem.oneOf.map((ref) =>
  ref.$ref
    .split('/')
    .pop()!
    .replace(/(Question|Block)$/, ''),
);

const ANSWER_OPERATORS = [
  'equals',
  'notEquals',
  'in',
  'includes',
  'answered',
  'before',
  'after',
  'onOrBefore',
  'onOrAfter',
];
const RULE_OPERATORS = ['before', 'after', 'notBefore', 'notAfter'];

// biome-ignore lint/suspicious/noExplicitAny: ajv's verbose errors carry the schema and data as they are
type Verbose = ErrorObject & { parentSchema?: any; data?: unknown };

function typeMessage(name: string, types: string[], data: unknown): string {
  const wanted = types.map((type) => TYPE_WORDS[type] ?? type).join(', or ');
  const quotedNumber = typeof data === 'string' && data.trim() !== '' && !Number.isNaN(Number(data));
  const quotedBoolean = data === 'true' || data === 'false';
  const unquote =
    (quotedNumber && (types.includes('integer') || types.includes('number'))) ||
    (quotedBoolean && types.includes('boolean'));
  const wholeWanted = types.includes('integer') && typeof data === 'number';
  return `${name} must be ${wanted}${
    unquote ? `: take the quotes off ${JSON.stringify(data)}` : wholeWanted ? `, not ${data}` : ''
  }.`;
}

/** A test of one answer or a date rule with no operator, or more than one. */
function operatorMessage(error: Verbose, at: string): string {
  const data = (error.data ?? {}) as Record<string, unknown>;
  const rule = error.parentSchema?.title === 'DateRule' || at.includes('/rules/');
  const operators = rule ? RULE_OPERATORS : ANSWER_OPERATORS;
  const present = Object.keys(data).filter((key) => operators.includes(key));
  if (rule)
    return present.length > 1
      ? `A date rule has one limit, and this one has ${present.length} (${listed(present, 'and')}): keep one, and make another rule for each of the others.`
      : `A date rule needs one of ${listed(operators)}, and a "message".`;
  const question = typeof data.question === 'string' ? ` of "${data.question}"` : '';
  if (present.length > 1)
    return `This test${question} has ${present.length} operators (${listed(present, 'and')}): keep one. To test more than one thing, put a test for each in "all" or "any".`;
  return `This test${question} needs one of ${listed(operators)}, such as { "question": "${typeof data.question === 'string' ? data.question : 'questionId'}", "equals": "yes" }.`;
}

/** One sentence for one of ajv's complaints, at the pointer of the place to change; null for none. */
export function describe(error: Verbose): { pointer: string; message: string } | null {
  const at = error.instancePath;
  const name = nameAt(at);
  // biome-ignore lint/suspicious/noExplicitAny: ajv types params per keyword, and each case below reads only its own keyword's
  const params = error.params as Record<string, any>;
  const length = (value: unknown) => (typeof value === 'string' ? [...value].length : 0);
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = params.additionalProperty ?? params.unevaluatedProperty;
      const meant = closest(property, allowedProperties(error.parentSchema));
      return {
        pointer: `${at}/${property}`,
        message: meant
          ? `"${property}" is not a property this can have: did you mean "${meant}"?`
          : `"${property}" is not a property this can have. Check its spelling, or remove it (docs/definition-reference.md lists what each part may have).`,
      };
    }
    case 'required':
      // A oneOf of "exactly one of these" says so once, rather than each branch asking for its own property.
      if (/\/(oneOf|anyOf)\/\d+\/required$/.test(error.schemaPath)) return null;
      return { pointer: at, message: `Add "${params.missingProperty}": it is required here.` };
    case 'discriminator':
      return params.error === 'tag'
        ? { pointer: at, message: `Add "type": one of ${QUESTION_TYPES.join(', ')}.` }
        : {
            pointer: `${at}/type`,
            message: `"${params.tagValue}" is not a type that can stand here. Use one of ${QUESTION_TYPES.join(', ')} (a group cannot hold another group).`,
          };
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const meant =
        typeof error.data === 'string'
          ? closest(
              error.data,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      return {
        pointer: at,
        message: `${name} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${meant ? `: did you mean "${meant}"?` : '.'}`,
      };
    }
    case 'const':
      return { pointer: at, message: `${name} must be ${JSON.stringify(params.allowedValue)}.` };
    case 'type':
      return { pointer: at, message: typeMessage(name, String(params.type).split(','), error.data) };
    case 'format':
      return {
        pointer: at,
        message:
          params.format === 'uri-reference'
            ? 'This link is not well-formed: check it for spaces or stray characters.'
            : `${name} is not a well-formed ${params.format}.`,
      };
    case 'pattern': {
      const rule = PATTERN_WORDS[params.pattern as string];
      const insecure = typeof error.data === 'string' && error.data.startsWith('http://');
      const description = error.parentSchema?.description;
      return {
        pointer: at,
        message: rule
          ? `${insecure ? 'Use https://, not http://: a link' : name} ${rule}.`
          : `${name} is not written as this place needs${description ? `: ${description}` : '. See its description in the schema.'}`,
      };
    }
    case 'minimum':
      return { pointer: at, message: `${name} must be at least ${params.limit}.` };
    case 'exclusiveMinimum':
      return { pointer: at, message: `${name} must be more than ${params.limit}.` };
    case 'maximum':
      return { pointer: at, message: `${name} must be at most ${params.limit}.` };
    case 'minLength':
      return {
        pointer: at,
        message:
          params.limit === 1
            ? `${name} must not be empty: write the words between the quotes.`
            : `${name} must be at least ${params.limit} characters long.`,
      };
    case 'maxLength':
      return {
        pointer: at,
        message: `${name} must be at most ${params.limit} characters long, and this is ${length(error.data)}: shorten it.`,
      };
    case 'minItems':
      return {
        pointer: at,
        message:
          at.endsWith('/in') && params.limit === 1
            ? '"in" must list at least one value: the answers that make this test hold.'
            : `${name} must list at least ${params.limit === 1 ? 'one item' : `${params.limit} items`}.`,
      };
    case 'maxItems':
      return {
        pointer: at,
        message: `${name} must list at most ${params.limit} items, and this lists ${Array.isArray(error.data) ? error.data.length : 'more'}.`,
      };
    case 'uniqueItems': {
      const list = Array.isArray(error.data) ? error.data : [];
      const [first, second] = [params.i as number, params.j as number].sort((a, b) => a - b) as [number, number];
      return {
        pointer: `${at}/${second}`,
        message: `${name} lists ${JSON.stringify(list[second])} twice (items ${first + 1} and ${second + 1}): list each once.`,
      };
    }
    case 'minProperties':
    case 'maxProperties':
      return { pointer: at, message: operatorMessage(error, at) };
    case 'propertyNames':
      return null; // the name's own fault (a pattern, an enum) is said at it
    case 'anyOf':
    case 'oneOf':
      return { pointer: at, message: unionMessage(error, at) };
    default:
      return { pointer: at, message: `${name} is not allowed here: see its description in the schema.` };
  }
}

/** A value matching none of several shapes, where no one shape is evidently meant. */
function unionMessage(error: Verbose, at: string): string {
  const schema = error.parentSchema ?? {};
  const branches = (schema[error.keyword] ?? []) as Array<Record<string, unknown>>;
  const requiredOnly = branches.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required));
  if (requiredOnly) {
    const choices = branches.map((b) => (b.required as string[])[0]!);
    const data = (error.data ?? {}) as Record<string, unknown>;
    const present = choices.filter((key) => key in data);
    if (at.endsWith('/prefill'))
      return 'A prefill needs exactly one of "account", "question" or "now" (and may add "when").';
    if (schema.title === 'DateRule') return operatorMessage(error, at);
    return present.length > 1
      ? `Give only one of ${listed(choices)}: this has ${listed(present, 'and')}.`
      : `Add one of ${listed(choices)}.`;
  }
  switch (schema.title) {
    case 'Condition':
      return 'This condition is not one the engine knows: use {"all": [...]}, {"any": [...]}, {"not": {...}} or {"question": "id", "equals": ...}.';
    case 'DateRef':
      return error.data && typeof error.data === 'object' && 'today' in error.data && 'question' in error.data
        ? 'Compare with today or with another question\'s answer, not both: keep "today": true or "question".'
        : 'Say what date to compare with: { "today": true } or { "question": "questionId" }, with "offsetDays" or "offsetYears" to move it.';
    case 'RichText':
      return `${nameAt(at)} must be text in double quotes, or a list of pieces of text: ["See ", { "text": "our page", "href": "https://…" }].`;
    case 'InlineText':
      return `${nameAt(at)} must be text in double quotes, or a piece such as { "text": "our page", "href": "https://…" }.`;
    default:
      return `${nameAt(at)} does not have any of the forms allowed here${schema.description ? `: ${schema.description}` : ' (see the schema)'}.`;
  }
}

/**
 * The one shape of several an author evidently meant, by the key that tells them apart (the
 * operator of a condition, "today" or "question" in a date): the $ref to check the value against
 * alone, or null when nothing tells.
 */
export function meantShape(error: Verbose, baseId: string): string | null {
  const data = error.data;
  const title = error.parentSchema?.title;
  const isObject = !!data && typeof data === 'object' && !Array.isArray(data);
  const ref = (path: string) => `${baseId}#${path}`;
  switch (title) {
    case 'Condition': {
      if (!isObject) return null;
      const keys = Object.keys(data);
      for (const [key, def] of [
        ['all', 'allCondition'],
        ['any', 'anyCondition'],
        ['not', 'notCondition'],
        ['signedIn', 'signedInCondition'],
      ] as const)
        if (keys.includes(key)) return ref(`/$defs/${def}`);
      return keys.some((key) => key === 'question' || ANSWER_OPERATORS.includes(key))
        ? ref('/$defs/answerCondition')
        : null;
    }
    case 'DateRef': {
      if (!isObject || ('today' in data && 'question' in data)) return null;
      if ('today' in data) return ref('/$defs/dateRef/oneOf/0');
      return 'question' in data ? ref('/$defs/dateRef/oneOf/1') : null;
    }
    case 'RichText':
      return typeof data === 'string'
        ? ref('/$defs/richText/anyOf/0')
        : Array.isArray(data)
          ? ref('/$defs/richText/anyOf/1')
          : null;
    case 'InlineText':
      return typeof data === 'string' ? ref('/$defs/inline/anyOf/0') : isObject ? ref('/$defs/inline/anyOf/1') : null;
    default:
      return null;
  }
}
