/**
 * The two versions' answers schemas published for integrators (integrator-schema.ts) compared, as
 * a case system reading each delivery's `answers` meets the difference. Each delivery names its
 * form version, and forms saved on the older version are still sent on it for a while, so the
 * case system receives both shapes at once: what it relies on in one must hold in the other.
 */
import type { FormDefinition } from '../types.ts';
import type { JsonSchema } from '../compile/answers-schema.ts';
import { integratorAnswersSchema } from '../compile/integrator-schema.ts';
import type { IntegratorImpact, SchemaChange } from './diff-types.ts';

const STRICT =
  'a case system that refuses values it does not know (a fixed list, a database enum, a strict validator on the older schema) must learn it';

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return `always ${JSON.stringify(schema.const)}`;
  return Array.isArray(schema.type) ? schema.type.join(' or ') : String(schema.type ?? 'any');
}

/** Upper limits: a higher one lets in answers the older schema refused. Lower limits the other way. */
const UPPER: Record<string, string> = { maxLength: 'longest (characters)', maximum: 'largest', maxItems: 'most items' };
const LOWER: Record<string, string> = {
  minLength: 'shortest (characters)',
  minimum: 'smallest',
  minItems: 'fewest items',
};

function limitChanges(field: string, from: JsonSchema, to: JsonSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const [key, name] of [...Object.entries(UPPER), ...Object.entries(LOWER)]) {
    const [was, now] = [from[key] as number | undefined, to[key] as number | undefined];
    if (was === now) continue;
    const upper = key in UPPER;
    // No limit at all is the widest one.
    const wider = now === undefined ? true : was === undefined ? false : upper ? now > was : now < was;
    const said = `${name}: ${was ?? 'no limit'} → ${now ?? 'no limit'}`;
    changes.push(
      wider
        ? {
            severity: 'risky',
            kind: 'limit-widened',
            field,
            words: `"${field}" ${said}: answers can now be ${upper ? 'larger or longer' : 'smaller or shorter'} than before; check that the case system keeps them (a column's size, a range it checks)`,
          }
        : {
            severity: 'safe',
            kind: 'limit-narrowed',
            field,
            words: `"${field}" ${said}: every new answer also fits the older limit`,
          },
    );
  }
  return changes;
}

/** Every difference in one field's schema, and in the fields inside it. */
function fieldChanges(field: string, from: JsonSchema, to: JsonSchema): SchemaChange[] {
  if (typeOf(from) !== typeOf(to))
    return [
      {
        severity: 'breaking',
        kind: 'type-changed',
        field,
        words: `"${field}" changes type: ${typeOf(from)} → ${typeOf(to)}; the case system must read each version's answers by their own type`,
      },
    ];
  const changes: SchemaChange[] = [];
  const [oldValues, newValues] = [(from.enum ?? []) as unknown[], (to.enum ?? []) as unknown[]];
  for (const value of oldValues.filter((v) => !newValues.includes(v)))
    changes.push({
      severity: 'breaking',
      kind: 'value-removed',
      field,
      words: `"${field}" can no longer be ${JSON.stringify(value)}: answers on the newer version never hold it, though those still sent on the older one may; a case system that relies on it (a rule, a report, a mapping to its own codes) must allow for its going`,
    });
  for (const value of newValues.filter((v) => !oldValues.includes(v)))
    changes.push({
      severity: 'risky',
      kind: 'value-added',
      field,
      words: `"${field}" can now be ${JSON.stringify(value)}: ${STRICT}`,
    });
  changes.push(...limitChanges(field, from, to));
  if (from.pattern !== to.pattern)
    changes.push({
      severity: 'risky',
      kind: 'pattern-changed',
      field,
      words: `"${field}" follows another pattern: check that the case system reads answers of the new shape`,
    });
  if (JSON.stringify(from.allOf) !== JSON.stringify(to.allOf))
    changes.push({
      severity: 'risky',
      kind: 'pattern-changed',
      field,
      words: `"${field}": which options may be chosen together changed`,
    });
  if (from.properties || to.properties) changes.push(...objectChanges(field, from, to));
  if (from.items && to.items)
    changes.push(...fieldChanges(`${field}[]`, from.items as JsonSchema, to.items as JsonSchema));
  if (from.title !== to.title || from.description !== to.description)
    changes.push({
      severity: 'safe',
      kind: 'words-changed',
      field,
      words: `"${field}": its ${from.title !== to.title ? (from.description !== to.description ? 'title and description' : 'title') : 'description'} changed (words only)`,
    });
  return changes;
}

/** The fields of an object (the answers, an item of a group, an address) compared; `parent` prefixes their paths. */
function objectChanges(parent: string, from: JsonSchema, to: JsonSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const path = (key: string) => (parent ? `${parent}.${key}` : key);
  const [oldFields, newFields] = [
    (from.properties ?? {}) as Record<string, JsonSchema>,
    (to.properties ?? {}) as Record<string, JsonSchema>,
  ];
  const [oldRequired, newRequired] = [(from.required ?? []) as string[], (to.required ?? []) as string[]];
  for (const key of Object.keys(oldFields))
    if (!(key in newFields))
      changes.push({
        severity: 'breaking',
        kind: 'field-removed',
        field: path(key),
        words: `"${path(key)}" is gone: answers on the newer version never hold it; a case system that reads it must do without it for them`,
      });
  for (const [key, schema] of Object.entries(newFields)) {
    const field = path(key);
    const old = oldFields[key];
    if (!old) {
      changes.push({
        severity: 'safe',
        kind: 'field-added',
        field,
        words: newRequired.includes(key)
          ? `"${field}" is new, in every answer on the newer version and in none on the older one: a case system that reads only the fields it knows needs nothing until it wants this one`
          : `"${field}" is new and optional: a case system that reads only the fields it knows needs nothing until it wants this one`,
      });
      continue;
    }
    if (!oldRequired.includes(key) && newRequired.includes(key))
      changes.push({
        severity: 'breaking',
        kind: 'newly-required',
        field,
        words: `"${field}" is now in every answer on the newer version, but answers on the older version (still sent from forms saved on it) may lack it: a case system that counts on it must tell the versions apart by formVersion`,
      });
    if (oldRequired.includes(key) && !newRequired.includes(key))
      changes.push({
        severity: 'breaking',
        kind: 'no-longer-required',
        field,
        words: `"${field}" is no longer in every answer: on the newer version it may be absent, so a case system that counts on it being there must allow for its absence`,
      });
    changes.push(...fieldChanges(field, old, schema));
  }
  return changes;
}

const ORDER = { breaking: 0, risky: 1, safe: 2 } as const;

/** What the change from one version to the other means for an integrator, from the two answers schemas. */
export function integratorImpact(from: FormDefinition, to: FormDefinition): IntegratorImpact {
  const [oldSchema, newSchema] = [integratorAnswersSchema(from), integratorAnswersSchema(to)];
  const changes = objectChanges('', oldSchema, newSchema).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return {
    schemas: { from: String(oldSchema.$id), to: String(newSchema.$id) },
    breaking: changes.some((change) => change.severity === 'breaking'),
    changes,
  };
}
