/**
 * docs/definition-reference.md says what definition.schema.json says: the committed page is what
 * `npm run docs` writes from the schema now, and it lists every property and allowed value with
 * the schema's own words for it.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import definitionSchema from '../../engine/definition/definition.schema.json' with { type: 'json' };
import { definitionReference, REFERENCE_COMMAND, REFERENCE_PATH } from '../../scripts/lib/definition-reference.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const reference = suite('docs/definition-reference.md');

reference(`should be what ${REFERENCE_COMMAND} writes from the schema now (run it if not)`, async () => {
  const committed = await readFile(`${root}${REFERENCE_PATH}`, 'utf8');
  assert.ok(
    committed === definitionReference(structuredClone(definitionSchema)),
    `${REFERENCE_PATH} is out of date with engine/definition/definition.schema.json: run \`${REFERENCE_COMMAND}\` and commit it`,
  );
});

reference("should give each property and allowed value with the schema's words for it", () => {
  const page = definitionReference(structuredClone(definitionSchema));
  const defs = definitionSchema.$defs;
  assert.match(
    page,
    `- \`maxLength\`: a whole number, 1 to 500. ${defs.textQuestion.properties.maxLength.description}`,
  );
  assert.match(page, `- \`min\` (required): a number. ${defs.numberQuestion.properties.min.description}`);
  assert.match(page, `- \`"retired"\`: ${definitionSchema.properties.status.markdownEnumDescriptions[2]}`);
  assert.match(page, `- \`"given-name"\`: ${defs.autocomplete.markdownEnumDescriptions[1]}`);
  assert.match(page, `- \`showIf\`: [a condition](#conditions). ${defs.questionBase.properties.showIf.description}`);
  // Each question type has its section, with its own properties.
  for (const type of ['text', 'yesNo', 'computedDate', 'group']) assert.match(page, `\n### ${type} question\n`);
  assert.match(page, /- `compute` \(required\): an object\. .*\n {2}- `date` \(required\)/);
});

reference('should change when a description in the schema changes', () => {
  const edited = structuredClone(definitionSchema);
  edited.$defs.textareaQuestion.properties.rows.description = 'How tall the box is.';
  const page = definitionReference(edited);
  assert.match(page, '- `rows`: a whole number, 2 to 20. How tall the box is.');
  assert.ok(page !== definitionReference(structuredClone(definitionSchema)));
});

reference.run();
