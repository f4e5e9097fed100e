/**
 * A form version's flow for its authors, on the real DoLS Form 1 version 2: the facts checked
 * here were read off forms/dols-form-1/v2.json.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { flowMarkdown, flowSvg, formFlow, type FormDefinition } from '../../../engine/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(`${root}forms/${file}`, 'utf8')) as FormDefinition;
const dols1 = read('dols-form-1/v2.json');
const flow = formFlow(dols1);
const page = (id: string) => flow.pages.find((p) => p.id === id)!;
const URGENT = '"What is requested" is "A standard authorisation, and an urgent authorisation has been granted"';

const model = suite('The flow of DoLS Form 1 version 2');

model('should list the 19 pages in order, ending with the check-your-answers page', () => {
  assert.equal(
    flow.pages.map((p) => p.id),
    dols1.pages.map((p) => p.id),
  );
  assert.is(flow.pages.length, 19);
  assert.equal(
    flow.pages.map((p) => p.number),
    Array.from({ length: 19 }, (_, i) => i + 1),
  );
  const last = flow.pages.at(-1)!;
  assert.equal([last.id, last.kind, last.progress], ['check-your-answers', 'checkAnswers', 100]);
  assert.ok(flow.pages.slice(0, -1).every((p) => p.kind === 'questions'));
});

model('should show the two urgent authorisation pages only for an urgent request, in the words of its options', () => {
  assert.equal(
    flow.pages.filter((p) => p.shownWhen).map((p) => p.id),
    ['urgent-authorisation', 'extension-request'],
  );
  for (const id of ['urgent-authorisation', 'extension-request']) {
    assert.is(page(id).shownWhen!.words, URGENT);
    assert.is(page(id).shownWhen!.byId, '"requestType" is "urgent-and-standard"');
  }
});

model('should need the referrer signed in from About you on, and not before', () => {
  assert.is(flow.accountFrom, 'about-you');
  assert.equal(
    flow.pages.filter((p) => p.accountGate).map((p) => p.id),
    ['about-you'],
  );
  assert.is(page('before-you-start').needsAccount, false);
  assert.ok(flow.pages.slice(1).every((p) => p.needsAccount));
});

model('should count and name the questions asked only sometimes on each page', () => {
  const person = page('the-person');
  assert.equal([person.questions, person.conditionalQuestions], [5, 2]);
  assert.equal(
    person.conditional.map((item) => [item.id, item.shownWhen!.words]),
    [
      ['personDateOfBirth', `"Do you know the person's date of birth?" is "Yes"`],
      ['personEstimatedAge', `"Do you know the person's date of birth?" is "No"`],
    ],
  );
  const extension = page('extension-request');
  assert.equal([extension.questions, extension.conditionalQuestions], [10, 9]);
  // An earlier answer in the words is read as the words shown until it is answered.
  assert.is(page('usual-address').conditional[0]!.label, "The person's usual address");
  assert.equal(
    flow.pages.filter((p) => p.conditionalQuestions === 0 && p.questions > 0).map((p) => p.id),
    [
      'about-you',
      'what-you-are-requesting',
      'care-home-or-hospital',
      'contact-for-this-request',
      'when-needed',
      'care-and-treatment',
      'other-information',
    ],
  );
  // When the standard authorisation is needed asks one question always, and says one of two things.
  assert.equal(
    page('when-needed').conditional.map((item) => [item.id, item.kind]),
    [
      ['standardOnlyTiming', 'text'],
      ['urgentTiming', 'text'],
    ],
  );
});

model('should say which text is shown only sometimes, with its condition, dates and all', () => {
  const warning = page('legal-matters').conditional.find((item) => item.id === 'existingStillInForceWarning')!;
  assert.is(warning.kind, 'text');
  assert.match(warning.label, /^Warning "The person's standard authorisation is still in force/);
  assert.is(
    warning.shownWhen!.words,
    `${URGENT} and "Is it for your care home or hospital?" is "Yes" and "Date the existing authorisation ends" is a date on or after today`,
  );
});

model('should describe the repeatable group of people to consult, and the box required only when it is empty', () => {
  const consultation = page('consultation');
  assert.equal(consultation.groups, [
    {
      id: 'consultees',
      label: 'People to consult',
      itemName: 'person',
      itemNamePlural: 'persons',
      minItems: 0,
      maxItems: 10,
      questions: 5,
      shownWhen: undefined,
    },
  ]);
  const imca = consultation.conditional.find((item) => item.id === 'imcaNeeded')!;
  assert.is(imca.shownWhen!.words, '"People to consult" is not answered');
  assert.is(imca.requiredWhen!.byId, '"consultees" is not answered');
});

model.run();

const text = suite('The flow as Markdown');
const markdown = flowMarkdown(flow);
const lines = markdown.split('\n');

text('should give each page a numbered line in order, with its id and progress', () => {
  const numbered = lines.filter((line) => /^\d+\. /.test(line));
  assert.is(numbered.length, 19);
  assert.is(numbered[0], '1. **Before you start** (`before-you-start`), 0% complete');
  assert.is(numbered[15], '16. **The urgent authorisation** (`urgent-authorisation`), 86% complete');
  assert.is(numbered[18], '19. **Check your answers before sending** (`check-your-answers`), 100% complete');
});

text('should say when each page is shown, where signing in starts, and what is asked only sometimes', () => {
  const from = (start: string) => lines.slice(lines.indexOf(start) + 1);
  const urgent = from('16. **The urgent authorisation** (`urgent-authorisation`), 86% complete');
  assert.is(urgent[0], `   - **Only when** ${URGENT} (\`"requestType" is "urgent-and-standard"\`); skipped otherwise`);
  assert.is(urgent[1], '   - 11 questions, 1 of them asked only sometimes');
  const aboutYou = from('2. **About you** (`about-you`), 13% complete');
  assert.match(aboutYou[0]!, /^ {3}- Signing in is needed from here on/);
  assert.ok(lines.includes('The referrer must be signed in from page 2, About you, on.'));
  assert.ok(
    lines.includes(
      `   - "Date of birth" is asked only when "Do you know the person's date of birth?" is "Yes" (\`personDateOfBirth\`; when \`"personDobKnown" is "yes"\`)`,
    ),
  );
  assert.ok(lines.includes('   - "People to consult" repeats: up to 10 persons, 5 questions each (`consultees`)'));
  assert.ok(lines.includes('   - Every answer, to check before the form is sent'));
});

text.run();

const picture = suite('The flow as SVG');
const svgText = flowSvg(flow);
const parse = (source: string) =>
  new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(source, 'image/svg+xml');
const svg = parse(svgText).documentElement!;
const all = (element: Element, name: string) => Array.from(element.getElementsByTagName(name));
const pageBoxes = all(svg, 'g').filter((g) => g.getAttribute('class') === 'page');
const box = (id: string) => pageBoxes.find((g) => g.getAttribute('data-page') === id)!;
const words = (element: Element) => all(element, 'text').map((t) => t.textContent);

picture('should be well-formed XML, an image with a title and a description that name it', () => {
  assert.is(svg.tagName, 'svg');
  assert.is(svg.namespaceURI, 'http://www.w3.org/2000/svg');
  assert.is(svg.getAttribute('role'), 'img');
  const [title, desc] = Array.from(svg.childNodes).filter((n): n is Element => n.nodeType === 1);
  assert.is(title!.tagName, 'title');
  assert.is(title!.textContent, 'The pages of DoLS Form 1: standard request and urgent authorisation, version 2');
  assert.is(desc!.tagName, 'desc');
  assert.match(
    desc!.textContent!,
    `16. The urgent authorisation (urgent-authorisation), 86% complete. Shown only when ${URGENT}.`,
  );
  assert.is(svg.getAttribute('aria-labelledby'), `${title!.getAttribute('id')} ${desc!.getAttribute('id')}`);
  // Its own ids, so that two flows in one page keep their titles and arrowheads apart.
  assert.is(title!.getAttribute('id'), 'flow-dols-form-1-v2-title');
  assert.ok(all(svg, 'path').some((path) => path.getAttribute('marker-end') === 'url(#flow-dols-form-1-v2-arrow)'));
});

picture('should draw one box a page, each with its title, id and progress, and its facts in a tooltip', () => {
  assert.equal(
    pageBoxes.map((g) => g.getAttribute('data-page')),
    dols1.pages.map((p) => p.id),
  );
  for (const g of pageBoxes) assert.is(all(g, 'rect').length >= 1 && g.firstChild?.nodeName, 'title');
  assert.equal(words(box('the-person')), [
    '4. About the person',
    'the-person · 24% complete',
    '5 questions, 2 of them asked only sometimes',
  ]);
  assert.match(box('consultation').getElementsByTagName('title')[0]!.textContent!, '"People to consult" repeats');
});

picture('should set a page shown only sometimes aside, under its condition, and mark the account gate', () => {
  const x = (id: string) => Number(box(id).getElementsByTagName('rect')[0]!.getAttribute('x'));
  assert.ok(x('urgent-authorisation') > x('other-information') + 200);
  assert.is(x('extension-request'), x('urgent-authorisation'));
  assert.ok(flow.pages.filter((p) => !p.shownWhen).every((p) => x(p.id) === x('before-you-start')));
  assert.equal(words(box('urgent-authorisation')).slice(0, 4), [
    'Only when:',
    '"What is requested" is "A standard',
    'authorisation, and an urgent authorisation has',
    'been granted"',
  ]);
  const gate = all(svg, 'g').filter((g) => g.getAttribute('class') === 'account-gate');
  assert.is(gate.length, 1);
  assert.match(words(gate[0]!)[0]!, /^Signing in is needed from here on/);
  assert.ok(words(svg).includes('otherwise'));
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

picture('should have no script or style, text of 16px or more, and colours of enough contrast', () => {
  assert.is(all(svg, 'script').length + all(svg, 'style').length + all(svg, 'foreignObject').length, 0);
  assert.not.match(svgText, /\son\w+=|style=|javascript:/i);
  const backgrounds = ['#ffffff', '#d2e2f1', '#cce2d8', '#ffdd00'];
  for (const t of all(svg, 'text')) {
    assert.ok(Number(t.getAttribute('font-size')) >= 16, t.textContent!);
    const fill = t.getAttribute('fill')!;
    const on = fill === '#ffffff' ? ['#00703c'] : backgrounds;
    for (const background of on) assert.ok(contrast(fill, background) >= 4.5, `${t.textContent} on ${background}`);
  }
});

picture('should cut a title too long for its box, and keep it whole in the tooltip', () => {
  const title =
    'A page whose title goes on and on, far longer than any box in the picture could hold on two lines of it';
  const long = { ...dols1, pages: dols1.pages.map((p, i) => (i === 2 ? { ...p, title } : p)) } as FormDefinition;
  const g = Array.from(parse(flowSvg(formFlow(long))).getElementsByTagName('g')).find(
    (e) => e.getAttribute('data-page') === 'what-you-are-requesting',
  )!;
  const [first, second] = words(g);
  assert.ok(first!.startsWith('3. A page whose title'));
  assert.ok(second!.endsWith('…'), second!);
  assert.match(g.getElementsByTagName('title')[0]!.textContent!, `3. ${title} (what-you-are-requesting)`);
});

picture('should write what it is given as text, never as markup', () => {
  const odd = { ...dols1, title: 'Forms <b>&</b> "quotes"' } as FormDefinition;
  const parsed = parse(flowSvg(formFlow(odd))).documentElement!;
  assert.is(parsed.getElementsByTagName('title')[0]!.textContent, 'The pages of Forms <b>&</b> "quotes", version 2');
  assert.is(parsed.getElementsByTagName('b').length, 0);
  assert.match(flowMarkdown(formFlow(odd)), '# The pages of Forms \\<b\\>&\\</b\\> "quotes", version 2');
});

picture.run();
