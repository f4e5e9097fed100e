/**
 * The preview's jump to a page: the answers it computes for each page must show that page, in
 * every version of every real form (drafts have no answer sets of their own, so nothing here
 * leans on the fixtures' answers) and in the form of every question type.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answersToReach, compileForm, type FormDefinition } from '../../../engine/index.ts';
import { ANSWERS_TODAY, loadDefinition } from '../../fixtures/forms.ts';
import { everyType, TODAY } from '../../fixtures/every-type.ts';

const formsDir = fileURLToPath(new URL('../../../forms/', import.meta.url));
const versions: FormDefinition[] = readdirSync(formsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(`${formsDir}${entry.name}`)
      .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map((n) => loadDefinition(entry.name, Number(n))),
  );

const reach = suite('Answers that reach a page');

reach('the real forms should be there to check', () => {
  assert.ok(versions.length >= 8, `${versions.length} versions found`);
});

for (const [definition, today] of [...versions.map((d) => [d, ANSWERS_TODAY] as const), [everyType, TODAY] as const]) {
  reach(`every page of ${definition.id} v${definition.version} should be shown with the answers found for it`, () => {
    const form = compileForm(definition);
    let conditional = 0;
    for (const page of definition.pages) {
      const answers = answersToReach(definition, page.id, today);
      assert.ok(answers, `no answers found for ${page.id}`);
      assert.ok(
        form.isPageVisible(page.id, answers, { today }),
        `${page.id} is hidden with ${JSON.stringify(answers)}`,
      );
      if (!form.isPageVisible(page.id, {}, { today })) conditional++;
    }
    // Pages hidden without answers were reached by the answers found, not by chance.
    if (definition.pages.some((p) => p.showIf)) assert.ok(conditional > 0, 'some pages need answers to be shown');
  });
}

reach('a page no answers can show should have none', () => {
  const never = structuredClone(everyType);
  never.pages[1]!.showIf = {
    all: [
      { question: 'isProfessional', equals: 'yes' },
      { question: 'isProfessional', equals: 'no' },
    ],
  };
  assert.is(answersToReach(never, never.pages[1]!.id, TODAY), null);
});

reach.run();
