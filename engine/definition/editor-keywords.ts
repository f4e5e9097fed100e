/**
 * Keywords definition.schema.json carries for authors' editors only: validation ignores them, and
 * ajv (strict, so that a misspelt keyword in the schema is caught) is told of each with the shape
 * its value must have. VS Code shows `markdownEnumDescriptions[i]` beside the enum's i-th value
 * when it offers the values.
 */
import type { KeywordDefinition } from 'ajv';

export const EDITOR_KEYWORDS: KeywordDefinition[] = [
  {
    keyword: 'markdownEnumDescriptions',
    metaSchema: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
];
