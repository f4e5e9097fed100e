import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { PAGE_STYLE, compileForm, createForm, validatorsFromModule, type Answers } from '../../engine/index.ts';
import { formats } from '../../engine/values/formats.ts';
import { buildAll, type BuildResult } from '../../scripts/lib/build-all.ts';
import { buildBrowser } from '../../scripts/lib/build-browser.ts';
import { loadForms, ANSWERS_TODAY } from '../fixtures/forms.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const opts = { today: ANSWERS_TODAY };
let outDir = '';
let built: BuildResult;

const build = suite('npm run build');

build.before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'asc-forms-build-'));
  built = await buildAll(join(root, 'forms'), outDir);
});
build.after(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const publicFile = (url: string) => join(outDir, 'public', url);

build('should write validators, an answers schema and a type for every form version', () => {
  const versions = readdirSync(join(root, 'forms'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(root, 'forms', entry.name))
        .filter((name) => /^v\d+\.json$/.test(name))
        .map((name) => `${entry.name}@${name.slice(1, -'.json'.length)}`),
    )
    .sort();
  assert.equal(Object.keys(built.manifest.validators).sort(), versions);
  assert.equal(
    [...new Set(built.integrators.map((b) => b.id))].sort(),
    [...new Set(versions.map((v) => v.split('@')[0]))].sort(),
  );
});

build(
  "should write each form version's flow for its authors, as a picture and in words, under public/flows",
  async () => {
    const versions = readdirSync(join(root, 'forms'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        readdirSync(join(root, 'forms', entry.name))
          .filter((name) => /^v\d+\.json$/.test(name))
          .map((name) => `${entry.name}-${name.slice(0, -'.json'.length)}`),
      );
    const written = (await readdir(publicFile('flows'))).filter((name) => /\.(svg|md)$/.test(name)).sort();
    assert.equal(written, versions.flatMap((v) => [`${v}.md`, `${v}.svg`]).sort());
    assert.is(built.flows.length, versions.length);
    const svg = await readFile(publicFile('flows/dols-form-1-v2.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img"/);
    assert.match(svg, '<g class="page" data-page="urgent-authorisation">');
    const markdown = await readFile(publicFile('flows/dols-form-1-v2.md'), 'utf8');
    assert.match(markdown, /^# The pages of DoLS Form 1: standard request and urgent authorisation, version 2\n/);
    // Compressed beside it, as every file the portal serves.
    await readFile(publicFile('flows/dols-form-1-v2.svg.br'));
  },
);

build(
  "should write an index.html that loads the built script, with no inline script and only the page's own style",
  async () => {
    const page = await readFile(join(outDir, 'public/index.html'), 'utf8');
    assert.ok(page.includes(`<script type="module" src="${built.manifest.app.js}"></script>`));
    assert.not.match(page, /<script>|style="|<link rel="stylesheet"/);
    assert.equal(page.match(/<style>[^<]*<\/style>/g), [`<style>${PAGE_STYLE}</style>`], "one style: the page's own");
    await readFile(publicFile(built.manifest.app.js));
  },
);

build(
  'should give the portal, the embed and the staff pages each one file of what they load at once, the rest loaded as it is needed',
  async () => {
    const staticImports = (code: string) =>
      [...code.matchAll(/(?:^|[;}\s])(?:import|from)\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
    const page = await readFile(join(outDir, 'public/index.html'), 'utf8');
    const portal = await readFile(publicFile(built.manifest.app.js), 'utf8');
    assert.equal(staticImports(portal), [], 'the portal script imports no other file before it runs');
    assert.is([...page.matchAll(/<script type="module"/g)].length, 1);
    assert.match(portal, /import\("\.\/[^"]+"\)/, 'the account screens and the like come when needed');
    const embed = await readFile(join(outDir, 'public/embed/asc-form.js'), 'utf8');
    const embedImports = staticImports(embed);
    assert.is(embedImports.length, 1, '/embed/asc-form.js names one file');
    const embedChunk = await readFile(publicFile(new URL(embedImports[0]!, 'http://x/embed/').pathname), 'utf8');
    assert.equal(staticImports(embedChunk), [], 'which imports no other before it runs');
    assert.equal(staticImports(await readFile(publicFile(built.manifest.staff), 'utf8')), []);
    // What a form shows only once it checks answers, and the captcha's solver, come after the first page.
    for (const [what, words] of [
      ['check your answers', 'You cannot submit this form yet'],
      ['the confirmation', 'What happens next'],
      ["the captcha's solver", 'PBKDF2'],
    ])
      for (const [name, code] of [
        ['portal', portal],
        ['embed', embedChunk],
      ])
        assert.not.ok(code!.includes(words!), `${name}: ${what} is not in the file loaded at once`);
  },
);

build(
  'should build the pages of a folder holding the portal and no form yet, as the authors\u2019 preview starts',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'asc-forms-no-form-'));
    try {
      const portal = JSON.parse(await readFile(join(root, 'forms/portal.json'), 'utf8'));
      const manifest = await buildBrowser([], portal, dir);
      assert.equal(manifest.validators, {});
      assert.match(await readFile(join(dir, 'public/index.html'), 'utf8'), manifest.app.js);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

build('should describe every component in a custom elements manifest: attributes, events and parts', async () => {
  const manifest = JSON.parse(await readFile(join(outDir, 'public/custom-elements.json'), 'utf8'));
  const elements = Object.fromEntries(
    manifest.modules
      .flatMap((m: { declarations: Array<{ tagName?: string }> }) => m.declarations)
      .filter((d: { tagName?: string }) => d.tagName)
      .map((d: { tagName: string }) => [d.tagName, d]),
  );
  assert.equal(Object.keys(elements).sort(), ['asc-account', 'asc-captcha', 'asc-form', 'asc-portal']);
  assert.equal(
    elements['asc-captcha'].attributes.map((a: { name: string }) => a.name),
    ['api-base'],
  );
  assert.equal(
    elements['asc-captcha'].events.map((e: { name: string }) => e.name),
    ['asc-captcha-verified'],
  );
  const form = elements['asc-form'];
  assert.equal(
    form.attributes.map((a: { name: string }) => a.name),
    ['form-id', 'version', 'api-base', 'page-id', 'signed-in', 'captcha', 'session'],
  );
  for (const event of [
    'asc-page-change',
    'asc-validation-failed',
    'asc-save-request',
    'asc-submit-request',
    'asc-close',
    'asc-cancel',
  ]) {
    assert.ok(
      form.events.some((e: { name: string }) => e.name === event),
      event,
    );
  }
  assert.ok(form.cssParts.some((p: { name: string }) => p.name === 'error-summary'));
  // What the form's controllers share is kept off the element: its public members are the documented ones.
  assert.equal(
    form.members
      .filter((m: { privacy?: string; static?: boolean }) => (m.privacy ?? 'public') === 'public' && !m.static)
      .map((m: { name: string }) => m.name),
    [
      'formId',
      'version',
      'apiBase',
      'pageId',
      'signedIn',
      'account',
      'captcha',
      'session',
      'currentAnswers',
      'hasUnsavedChanges',
      'savedDraftId',
      'isSubmitted',
      'openDraft',
      'saveForLater',
    ],
  );
});

build(
  'should type every event in the custom elements manifest by its detail, and give every CSS custom property the default the styles give it',
  async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'public/custom-elements.json'), 'utf8'));
    const elements: Array<{
      tagName: string;
      events?: Array<{ name: string; type?: { text: string } }>;
      cssProperties?: Array<{ name: string; default?: string }>;
    }> = manifest.modules.flatMap((m: { declarations: Array<{ tagName?: string }> }) =>
      m.declarations.filter((d) => d.tagName),
    );
    // What each event carries, as renderer/shared/events.ts types it for the components' own code.
    const eventMaps = await readFile(join(root, 'renderer/shared/events.ts'), 'utf8');
    const eventTypes = new Map(
      [...eventMaps.matchAll(/'(asc-[a-z-]+)': (CustomEvent<\w+>);/g)].map((m) => [m[1]!, m[2]!]),
    );
    const events = elements.flatMap((e) => (e.events ?? []).map((event) => ({ ...event, tagName: e.tagName })));
    assert.ok(events.length >= 13, 'every element that sends events lists them');
    for (const event of events) {
      assert.ok(eventTypes.has(event.name), `${event.name} is in AscEventMap`);
      assert.is(event.type?.text, eventTypes.get(event.name), `${event.tagName}: ${event.name}`);
    }

    const rendererDir = join(root, 'renderer');
    const sources = (await readdir(rendererDir, { recursive: true })).filter((file) => file.endsWith('.ts'));
    const styles = (await Promise.all(sources.map((file) => readFile(join(rendererDir, file), 'utf8')))).join('\n');
    // A property the styles set (on :host), with what it refers to filled in; else the fallback they read it with.
    const defaultOf = (name: string): string | undefined => {
      const distinct = (pattern: string) => [
        ...new Set([...styles.matchAll(new RegExp(pattern, 'g'))].map((m) => m[1]!.trim())),
      ];
      const set = distinct(`(?<![\\w-])${name}:\\s*([^;]+);`);
      const fallbacks = distinct(`var\\(${name},\\s*([^()]*)\\)`);
      const [value, ...others] = set.length > 0 ? set : fallbacks;
      assert.is(others.length, 0, `${name} has one default, not ${[value, ...others].join(' and ')}`);
      return value?.replace(/var\((--[\w-]+)\)/g, (_, inner: string) => defaultOf(inner) ?? '');
    };
    const properties = elements.flatMap((e) => (e.cssProperties ?? []).map((p) => ({ ...p, tagName: e.tagName })));
    assert.ok(properties.length >= 3, 'the documented custom properties are listed');
    for (const property of properties) {
      const inStyles = defaultOf(property.name);
      assert.ok(inStyles, `${property.name}: the styles use it`);
      assert.is(property.default, inStyles, `${property.tagName}: ${property.name}`);
    }
  },
);

build('should name every script by its content, so browsers may cache it for good', async () => {
  const files = await readdir(join(outDir, 'public/assets'), { recursive: true });
  for (const file of files.filter((f) => f.endsWith('.js'))) assert.match(file, /-[A-Z0-9]{8}\.js$/, file);
});

build('should need no eval anywhere in what the browser loads', async () => {
  for (const file of (await readdir(join(outDir, 'public/assets'), { recursive: true })).filter((f) =>
    f.endsWith('.js'),
  )) {
    const source = await readFile(join(outDir, 'public/assets', file), 'utf8');
    assert.not.match(source, /new Function|\beval\(/, file);
    // ajv's runtime helpers keep their own source as a string ('require("ajv/...")'): only a call counts.
    assert.not.match(source, /(?<!["'])\brequire\(/, file);
  }
});

for (const { definition, answers } of loadForms()) {
  build(
    `${definition.id}: the browser's precompiled validators should judge exactly as the compiled form does`,
    async () => {
      const module = await import(
        pathToFileURL(publicFile(built.manifest.validators[`${definition.id}@${definition.version}`]!)).href
      );
      const precompiled = createForm(definition, validatorsFromModule(definition, module));
      const compiled = compileForm(definition);
      const broken: Answers = Object.fromEntries(
        Object.entries(answers).map(([id, value]) => [id, typeof value === 'string' ? `${value}!`.repeat(400) : value]),
      );
      for (const sample of [answers, {}, broken]) {
        for (const page of definition.pages)
          assert.equal(
            precompiled.pageErrors(page.id, sample, opts),
            compiled.pageErrors(page.id, sample, opts),
            page.id,
          );
      }
      assert.ok(precompiled.canSubmit(answers, opts));
    },
  );

  build(
    `${definition.id}: the integrators' answers schema should accept the complete answers and refuse unknown fields`,
    async () => {
      const schema = JSON.parse(
        await readFile(
          built.integrators.find((b) => b.id === definition.id && b.version === definition.version)!.answersSchema,
          'utf8',
        ),
      );
      const ajv = new Ajv2020({ allErrors: true });
      for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
      const validate = ajv.compile(schema);
      const submitted = compileForm(definition).prepare(answers, opts);
      assert.ok(validate(submitted), JSON.stringify(validate.errors));
      assert.not.ok(validate({ ...submitted, role: 'admin' }));
      assert.ok(schema.required.length > 0);
    },
  );

  build(`${definition.id}: the answers type should name every question`, async () => {
    const type = await readFile(
      built.integrators.find((b) => b.id === definition.id && b.version === definition.version)!.answersType,
      'utf8',
    );
    for (const question of definition.pages.flatMap((page) => page.questions ?? [])) {
      if ('label' in question && 'id' in question)
        assert.ok(type.includes(`  ${question.id}?:`) || type.includes(`  ${question.id}:`), question.id);
    }
  });
}

build.run();
