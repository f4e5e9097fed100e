/**
 * JSON Schemas of the engine (the form definition, the portal content) taken into the OpenAPI
 * document, so that it stands alone: each schema's root and each of its $defs become a schema of
 * components.schemas, and every $ref, within one schema or to another by its $id, is pointed there.
 * Tools that generate clients resolve "#/..." against the whole document, not against a $id.
 */

type Json = unknown;

/** A schema to embed: the name its root takes, and its $defs' names are prefixed with. */
export interface Embedded {
  name: string;
  schema: Record<string, unknown>;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The words for each value of an enum, which the definition's schema keeps for authors' editors. */
const ENUM_WORDS = 'markdownEnumDescriptions';

/** OpenAPI has no keyword for them: the document gives them by value, as x-enumDescriptions (which Redoc shows). */
function enumWords(schema: Record<string, Json>): [string, Json] {
  const values = schema.enum as Json[];
  const words = schema[ENUM_WORDS] as string[];
  return ['x-enumDescriptions', Object.fromEntries(values.map((value, i) => [String(value), words[i]]))];
}

/** components.schemas for every schema given, with references to each other rewritten to them. */
export function embedSchemas(embedded: Embedded[]): Record<string, Json> {
  const nameOfId = new Map(embedded.map(({ name, schema }) => [String(schema.$id), name]));
  const out: Record<string, Json> = {};
  for (const { name, schema } of embedded) {
    const target = (ref: string): string => {
      const [base, fragment = ''] = ref.split('#');
      const owner = base ? nameOfId.get(base) : name;
      if (!owner) throw new Error(`${name}: the $ref "${ref}" names a schema that is not embedded; embed it too.`);
      const def = /^\/\$defs\/([^/]+)(.*)$/.exec(fragment);
      if (def) return `#/components/schemas/${owner}${capitalised(def[1]!)}${def[2]}`;
      return `#/components/schemas/${owner}${fragment}`;
    };
    const rewrite = (value: Json): Json => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!value || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) =>
          key === ENUM_WORDS
            ? enumWords(value as Record<string, Json>)
            : [key, key === '$ref' && typeof inner === 'string' ? target(inner) : rewrite(inner)],
        ),
      );
    };
    const { $schema: _dialect, $id: _id, $defs = {}, ...root } = schema as Record<string, Record<string, Json>>;
    out[name] = rewrite(root);
    for (const [def, inner] of Object.entries($defs)) out[`${name}${capitalised(def)}`] = rewrite(inner);
  }
  return withoutUnused(
    out,
    embedded.map(({ name }) => name),
  );
}

/** The schemas reachable from the roots: a $def nothing refers to (kept for authors' editors) is left out. */
function withoutUnused(schemas: Record<string, Json>, roots: string[]): Record<string, Json> {
  const kept = new Set<string>();
  const visit = (name: string) => {
    if (kept.has(name) || !(name in schemas)) return;
    kept.add(name);
    for (const [, target] of JSON.stringify(schemas[name]).matchAll(/"\$ref":"#\/components\/schemas\/([^"/]+)/g))
      visit(target!);
  };
  for (const root of roots) visit(root);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name)));
}
