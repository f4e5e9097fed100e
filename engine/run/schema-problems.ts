/** The answers schema's complaints (compiled by ajv, or precompiled for the browser), by answer path. */
import type { MessageKind } from './messages.ts';

/** An ajv validation function, compiled at run time or loaded from a standalone module. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface Problem {
  kind: MessageKind;
  limit?: number;
}

const KIND_OF_KEYWORD: Record<string, MessageKind> = {
  maxLength: 'tooLong',
  minLength: 'tooShort',
  minimum: 'outOfRange',
  maximum: 'outOfRange',
  minItems: 'tooFew',
  maxItems: 'tooMany',
};
// When a box breaks several limits, the person hears about the most basic one first.
const PRIORITY: MessageKind[] = ['required', 'invalid', 'tooShort', 'tooLong', 'outOfRange', 'tooFew', 'tooMany'];

/** The schema's complaints, by answer path ("consultees.0.name"), most basic first. */
export function schemaProblems(validator: SchemaValidator, data: unknown): Map<string, Problem[]> {
  const byPath = new Map<string, Problem[]>();
  if (validator(data)) return byPath;
  for (const error of validator.errors ?? []) {
    const path = error.instancePath.slice(1).split('/').join('.');
    const kind = KIND_OF_KEYWORD[error.keyword] ?? 'invalid';
    const limit = typeof error.params.limit === 'number' ? error.params.limit : undefined;
    const list = byPath.get(path) ?? [];
    list.push({ kind, limit });
    byPath.set(path, list);
  }
  for (const list of byPath.values()) list.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
  return byPath;
}
