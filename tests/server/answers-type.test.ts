/**
 * Each form version's answers as a TypeScript type, served beside its answers schema for a case
 * system's code: one interface named after the form and version, whatever the title, no type named
 * after a label (so nothing is renumbered when a version adds a question), and a declaration that
 * compiles and takes the answers as the portal delivers them.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { compileForm } from '../../engine/index.ts';
import { ANSWERS_TODAY, loadForms } from '../fixtures/forms.ts';
import { builtApp } from '../support/built-app.ts';

const types = suite('answers types');

const typeAt = async (formId: string, version: number) =>
  fetch(`${(await builtApp()).baseUrl}/api/forms/${formId}/versions/${version}/answers.d.ts`);

/** The compiler's complaints about a program importing the declaration (types only, nothing emitted). */
async function compile(declaration: string, program: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-answers-type-'));
  try {
    await writeFile(join(dir, 'answers.d.ts'), declaration);
    await writeFile(join(dir, 'case-system.ts'), program);
    const compiled = ts.createProgram([join(dir, 'case-system.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
    });
    return ts
      .getPreEmitDiagnostics(compiled)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

types(
  'should serve each version as one interface named after the form id and version, with no type named after a label',
  async () => {
    for (const [formId, version, name] of [
      ['dols-form-1', 1, 'DolsForm1V1Answers'],
      ['dols-form-1', 2, 'DolsForm1V2Answers'],
      ['social-care-referral', 2, 'SocialCareReferralV2Answers'],
    ] as const) {
      const response = await typeAt(formId, version);
      assert.is(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/typescript; charset=utf-8/);
      const declaration = await response.text();
      const exported = [...declaration.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]);
      assert.equal(exported, [name], `${formId} v${version} should export ${name} alone`);
    }
    assert.is((await typeAt('social-care-referral', 7)).status, 404);
  },
);

types('should compile, and type the answers the portal delivers for each form', async () => {
  for (const { definition, answers } of loadForms()) {
    const name = `${definition.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}V${definition.version}Answers`;
    const delivered = compileForm(definition).prepare(answers, { today: ANSWERS_TODAY });
    const declaration = await (await typeAt(definition.id, definition.version)).text();
    const program = `import type { ${name} } from './answers';
export const delivered: ${name} = ${JSON.stringify(delivered)};
// @ts-expect-error the form asks no such question
export const unknown: ${name} = { ...delivered, notAQuestion: 'x' };
`;
    assert.equal(await compile(declaration, program), [], definition.id);
  }
});

types.run();
