/**
 * The opening of a definition, which the portal's page carries for a form's first page: that page
 * whole, the later pages without their words. It must keep and drop the same answers, and show the
 * same pages, as the whole definition does, or a save made before the rest arrives would lose answers.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createForm, openingDefinition, type Answers } from '../../../engine/index.ts';
import { ANSWERS_TODAY, loadForms } from '../../fixtures/forms.ts';

const opening = suite('The opening of a definition');
const today = () => new Date(`${ANSWERS_TODAY}T12:00:00Z`);

for (const { definition, answers } of loadForms()) {
  const whole = createForm(definition, { pages: {} }, { now: today });
  const opened = createForm(openingDefinition(definition), { pages: {} }, { now: today });

  opening(`${definition.id}: its first page whole, and of every later page only its outline`, () => {
    const cut = openingDefinition(definition);
    assert.equal(cut.pages[0], definition.pages[0]);
    assert.equal(
      cut.pages.map((p) => p.id),
      definition.pages.map((p) => p.id),
    );
    const later = JSON.stringify(cut.pages.slice(1));
    for (const word of ['"title"', '"hint"', '"content"', '"messages"', '"options"', '"rules"', '"required"'])
      assert.not.ok(later.includes(word), `no ${word} after the first page`);
    assert.not.match(later, /"label":"[^"]/, 'no label with words in it after the first page');
    const firstAndRest = JSON.stringify(definition.pages[0]).length + later.length;
    assert.ok(firstAndRest < JSON.stringify(definition).length * 0.5, 'less than half the size');
  });

  opening(`${definition.id}: the same answers kept and the same pages shown as with the whole definition`, () => {
    // Every answer, and every answer with one question's answer taken out (so other routes open).
    const sets: Answers[] = [answers, {}];
    for (const id of Object.keys(answers)) {
      const fewer = { ...answers };
      delete fewer[id];
      sets.push(fewer);
    }
    for (const set of sets) {
      assert.equal(opened.prepare(set), whole.prepare(set));
      assert.equal(
        opened.visiblePages(set).map((p) => p.id),
        whole.visiblePages(set).map((p) => p.id),
      );
    }
  });
}

opening.run();
