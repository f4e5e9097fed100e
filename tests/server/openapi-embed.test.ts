/**
 * The definition's schema in /api/openapi.json: the words it gives each allowed value for authors'
 * editors reach integrators too, under the name OpenAPI tools read (x-enumDescriptions, by value),
 * and the editors' own keyword, which OpenAPI does not know, is not left in the document.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import definitionSchema from '../../engine/definition/definition.schema.json' with { type: 'json' };
import { embedSchemas } from '../../server/routes/openapi/embed.ts';

const embed = suite('the definition schema embedded in the OpenAPI document');

embed('should give each allowed value its words by value, as x-enumDescriptions', () => {
  const schemas = embedSchemas([{ name: 'FormDefinition', schema: definitionSchema }]);
  assert.not.match(JSON.stringify(schemas), /markdownEnumDescriptions/);
  const words = (schema: unknown) => (schema as { 'x-enumDescriptions': Record<string, string> })['x-enumDescriptions'];
  const status = words((schemas.FormDefinition as { properties: Record<string, unknown> }).properties.status);
  assert.equal(Object.keys(status), ['draft', 'published', 'retired']);
  assert.match(status.retired!, /no new form may start on it/);
  assert.equal(Object.keys(words(schemas.FormDefinitionWidth)), ['2', '3', '4', '5', '10', '20', '30']);
});

embed.run();
