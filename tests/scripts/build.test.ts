import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileForm, createForm, validatorsFromModule, createAnswersAjv, type Answers } from '../../engine/index.ts';
import { buildForms, type BuiltForm } from '../../scripts/lib/build-forms.ts';
import { loadForms, ANSWERS_TODAY } from '../fixtures/forms.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const opts = { today: ANSWERS_TODAY };
let outDir = '';
let built: BuiltForm[] = [];

const build = suite('npm run build');

build.before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'asc-forms-build-'));
  built = await buildForms(join(root, 'forms'), outDir);
});
build.after(async () => { await rm(outDir, { recursive: true, force: true }); });

build('should write validators, an answers schema and a type for every form version', () => {
  assert.equal(built.map((b) => b.id).sort(), loadForms().map((f) => f.definition.id).sort());
  assert.ok(built.length >= 4);
});

for (const { definition, answers } of loadForms()) {
  build(`${definition.id}: the browser's precompiled validators should judge exactly as the compiled form does`, async () => {
    const paths = built.find((b) => b.id === definition.id)!;
    const module = await import(pathToFileURL(paths.validators).href);
    const precompiled = createForm(definition, validatorsFromModule(definition, module));
    const compiled = compileForm(definition);
    const broken: Answers = Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, typeof value === 'string' ? `${value}!`.repeat(400) : value]));
    for (const sample of [answers, {}, broken]) {
      for (const page of definition.pages) assert.equal(precompiled.pageErrors(page.id, sample, opts), compiled.pageErrors(page.id, sample, opts), page.id);
    }
    assert.ok(precompiled.canSubmit(answers, opts));
  });

  build(`${definition.id}: the validators module should need no eval and no require at run time`, async () => {
    const source = await readFile(built.find((b) => b.id === definition.id)!.validators, 'utf8');
    assert.not.match(source, /new Function|\beval\(/);
    // ajv's runtime helpers keep their own source as a string ('require("ajv/...")'): only a call counts.
    assert.not.match(source, /(?<!["'])\brequire\(/);
  });

  build(`${definition.id}: the integrators' answers schema should accept the complete answers and refuse unknown fields`, async () => {
    const schema = JSON.parse(await readFile(built.find((b) => b.id === definition.id)!.answersSchema, 'utf8'));
    const validate = createAnswersAjv().compile(schema);
    const submitted = compileForm(definition).prepare(answers, opts);
    assert.ok(validate(submitted), JSON.stringify(validate.errors));
    assert.not.ok(validate({ ...submitted, role: 'admin' }));
    assert.ok(schema.required.length > 0);
  });

  build(`${definition.id}: the answers type should name every question`, async () => {
    const type = await readFile(built.find((b) => b.id === definition.id)!.answersType, 'utf8');
    for (const question of definition.pages.flatMap((page) => page.questions ?? [])) {
      if ('label' in question && 'id' in question) assert.ok(type.includes(`  ${question.id}?:`) || type.includes(`  ${question.id}:`), question.id);
    }
  });
}

build.run();
