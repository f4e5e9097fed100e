/**
 * definition.schema.json explains itself to a form author: an editor offering a property shows its
 * description, and offering a value of a list of allowed ones (a question's type, a status, an
 * autocomplete) shows that value's words. Every property, every part under $defs and every allowed
 * value has them.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import Ajv2020 from 'ajv/dist/2020.js';
import definitionSchema from '../../../engine/definition/definition.schema.json' with { type: 'json' };
import { EDITOR_KEYWORDS } from '../../../engine/definition/editor-keywords.ts';
import { definitionSchemaProblems } from '../../../engine/definition/schema-check.ts';
import { loadForms } from '../../fixtures/forms.ts';

const described = suite('definition.schema.json for authors');

type Node = Record<string, unknown>;
const isWords = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

/** Every schema object in the schema, with its JSON pointer. */
function* nodes(value: unknown, pointer = ''): Generator<[string, Node]> {
  if (Array.isArray(value)) {
    for (const [i, inner] of value.entries()) yield* nodes(inner, `${pointer}/${i}`);
    return;
  }
  if (!value || typeof value !== 'object') return;
  yield [pointer, value as Node];
  for (const [key, inner] of Object.entries(value)) yield* nodes(inner, `${pointer}/${key}`);
}

described('should describe every property, in the root, in $defs and in every branch', () => {
  const properties = [...nodes(definitionSchema)].flatMap(([pointer, node]) =>
    node.properties && typeof node.properties === 'object' && !pointer.endsWith('/properties')
      ? Object.entries(node.properties as Record<string, Node>).map(([name, property]) => ({
          at: `${pointer}/properties/${name}`,
          property,
        }))
      : [],
  );
  assert.ok(properties.length > 130, `found the properties (${properties.length})`);
  assert.equal(
    properties.filter(({ property }) => !isWords(property.description)).map(({ at }) => at),
    [],
    'these properties have no description',
  );
});

/** The parts under $defs that a property with a description of its own refers to. */
function partsReferredToWithWords(): Set<string> {
  const parts = new Set<string>();
  for (const [, node] of nodes(definitionSchema))
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/$defs/') && node.description !== undefined)
      parts.add(node.$ref.slice('#/$defs/'.length));
  return parts;
}

described("should show a property's own words, not those of the part it refers to", () => {
  // An editor (VS Code) reads a { "$ref", "description" } property with the part's own keywords
  // laid over it: a part with a description would hide the description of every property using it.
  const referred = partsReferredToWithWords();
  assert.ok(referred.has('shortText') && referred.has('condition'), 'found the parts referred to');
  assert.equal(
    [...referred].filter((name) => (definitionSchema.$defs as Record<string, Node>)[name]!.description !== undefined),
    [],
    'these parts have a description, which an editor would show in place of each property that refers to them',
  );
});

described('should describe every other part under $defs: a kind of question, of text, of condition', () => {
  const referred = partsReferredToWithWords();
  assert.equal(
    Object.entries(definitionSchema.$defs as Record<string, Node>)
      .filter(([name, def]) => !referred.has(name) && !isWords(def.description))
      .map(([name]) => `/$defs/${name}`),
    [],
  );
});

described('should give every allowed value of an enum its own words, in the same order', () => {
  const enums = [...nodes(definitionSchema)].filter(([, node]) => Array.isArray(node.enum));
  assert.ok(enums.length >= 5, `found the enums (${enums.length})`);
  for (const [pointer, node] of enums) {
    const values = node.enum as unknown[];
    const words = node.markdownEnumDescriptions as unknown[] | undefined;
    assert.ok(Array.isArray(words), `${pointer}: no markdownEnumDescriptions`);
    assert.is(words.length, values.length, `${pointer}: one description for each of ${JSON.stringify(values)}`);
    words.forEach((text, i) => assert.ok(isWords(text), `${pointer}: no words for ${JSON.stringify(values[i])}`));
  }
});

described('should describe each question type and text block where an editor offers it: its "type"', () => {
  const refs = (definitionSchema.$defs.pageItem.oneOf as Array<{ $ref: string }>).map(
    ({ $ref }) => $ref.split('/').pop()!,
  );
  const defs = definitionSchema.$defs as unknown as Record<
    string,
    { properties: { type: { const: string; description?: string } } }
  >;
  for (const name of refs) {
    const type = defs[name]!.properties.type;
    assert.ok(
      type.description?.startsWith(`${type.const}: `),
      `${name}: its "type" should say what "${type.const}" is, starting "${type.const}: "`,
    );
  }
});

described("should still check the forms: the editors' keyword is known to the checker, with its shape", () => {
  for (const { definition } of loadForms()) assert.equal(definitionSchemaProblems(definition), []);
  const ajv = new Ajv2020({ strict: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  assert.throws(
    () => ajv.compile({ enum: ['a', 'b'], markdownEnumDescriptions: 'A or B' }),
    /markdownEnumDescriptions/,
    'words that are not a list are refused when the schema is compiled',
  );
});

described.run();
