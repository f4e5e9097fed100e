/**
 * A form's flow as Markdown: the same facts as the picture (`svg.ts`), one to a line, for screen
 * readers and for comparing two versions line by line. The phrases both say are here.
 */
import type { FlowCondition, FlowGroup, FlowItem, FlowModel, FlowPage } from './model.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "6 questions, 1 of them only sometimes", "No questions". */
export function questionsPhrase(page: FlowPage): string {
  if (page.kind === 'checkAnswers') return 'Every answer, to check before the form is sent';
  if (page.questions === 0) return 'No questions';
  const sometimes = page.conditionalQuestions;
  const asked = page.questions === 1 ? '1 question' : `${page.questions} questions`;
  if (sometimes === 0) return asked;
  return `${asked}, ${sometimes === 1 && page.questions === 1 ? 'asked' : `${sometimes} of them asked`} only sometimes`;
}

/** "People to consult" repeats: 1 to 10 people, 5 questions each. */
export function groupPhrase(group: FlowGroup): string {
  const items = group.maxItems === 1 ? group.itemName : group.itemNamePlural;
  const range = group.minItems > 0 ? `${group.minItems} to ${group.maxItems}` : `up to ${group.maxItems}`;
  return `"${group.label}" repeats: ${range} ${items}, ${plural(group.questions, 'question')} each`;
}

/** What the referrer must do at the account gate. */
export const ACCOUNT_GATE = 'Signing in is needed from here on: the referrer signs in or creates an account to go on';

/** The item and when it is shown or required, in plain words: "Date of birth" is asked only when …. */
export function itemPhrase(item: FlowItem): string {
  const what = item.kind === 'question' ? `"${item.label}"` : item.label;
  const inGroup = item.forEach ? ` (for each ${item.forEach})` : '';
  const when = [
    item.shownWhen && `${item.kind === 'question' ? 'asked' : 'shown'} only when ${item.shownWhen.words}`,
    item.requiredWhen && `required only when ${item.requiredWhen.words}`,
  ].filter(Boolean);
  return `${what}${inGroup} is ${when.join(', and ')}`;
}

/** The page's facts, one a sentence, in plain words: the page's tooltip in the picture. */
export function pageFacts(page: FlowPage): string[] {
  return [
    `${page.number}. ${page.title} (${page.id}), ${page.progress}% complete.`,
    ...(page.accountGate ? [`${ACCOUNT_GATE}.`] : []),
    page.shownWhen ? `Shown only when ${page.shownWhen.words}.` : 'Always shown.',
    `${questionsPhrase(page)}.`,
    ...page.groups.map((group) => `${groupPhrase(group)}.`),
    ...page.conditional.map((item) => `${itemPhrase(item)}.`),
  ];
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>]/g;
const escaped = (text: string) => text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

function itemLine(item: FlowItem): string {
  const byId = (condition: FlowCondition | undefined, word: string) =>
    condition && condition.byId !== condition.words && `${word} ${code(condition.byId)}`;
  const ids = [item.id && code(item.id), byId(item.shownWhen, 'when'), byId(item.requiredWhen, 'required when')];
  const said = ids.filter(Boolean);
  return `   - ${escaped(itemPhrase(item))}${said.length ? ` (${said.join('; ')})` : ''}`;
}

function pageLines(page: FlowPage): string[] {
  const lines = [`${page.number}. **${escaped(page.title)}** (${code(page.id)}), ${page.progress}% complete`];
  if (page.accountGate) lines.push(`   - ${ACCOUNT_GATE}`);
  lines.push(
    page.shownWhen
      ? `   - **Only when** ${escaped(page.shownWhen.words)} (${code(page.shownWhen.byId)}); skipped otherwise`
      : '   - Always shown',
  );
  lines.push(`   - ${questionsPhrase(page)}`);
  for (const group of page.groups) lines.push(`   - ${escaped(groupPhrase(group))} (${code(group.id)})`);
  return [...lines, ...page.conditional.map(itemLine)];
}

/** The Markdown, one fact a line: a change between versions shows as the lines that changed. */
export function flowMarkdown(flow: FlowModel): string {
  const sometimes = flow.pages.filter((page) => page.shownWhen).length;
  const gate = flow.pages.find((page) => page.accountGate);
  return [
    `# The pages of ${escaped(flow.title)}, version ${flow.version}`,
    '',
    `Form ${code(flow.id)}, version ${flow.version} (${flow.status}).`,
    `${plural(flow.pages.length, 'page')} in the order the referrer meets them; ${sometimes === 0 ? 'every one is always shown' : `${plural(sometimes, 'page is', 'pages are')} shown only when a condition holds`}.`,
    gate
      ? `The referrer must be signed in from page ${gate.number}, ${escaped(gate.title)}, on.`
      : 'No page needs the referrer to be signed in.',
    '',
    ...flow.pages.flatMap(pageLines),
    '',
    "Made from the form's definition by `npm run flow`: change the definition, not this file.",
    '',
  ].join('\n');
}
