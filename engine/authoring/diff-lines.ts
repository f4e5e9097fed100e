/** A form's diff (diff.ts) as plain lines, for an author or an integrator to read: what changed, then what it means. */
import type { ContentChange, FormDiff, PageChange, QuestionChange, QuestionPlace, SchemaChange } from './diff-types.ts';
import { quoted, typeWords } from './diff-words.ts';

const page = (title: string, id: string) => `${quoted(title)} (${id})`;

function placeWords(place: QuestionPlace): string {
  return `${place.groupId ? `group "${place.groupId}" on ` : ''}page ${page(place.pageTitle, place.pageId)}`;
}

function pageLines(change: PageChange): string[] {
  const name = page(change.title, change.id);
  const head =
    change.kind === 'added'
      ? `Added page ${name}, page ${change.toPosition}`
      : change.kind === 'removed'
        ? `Removed page ${name}, was page ${change.fromPosition}`
        : change.kind === 'moved'
          ? `Moved page ${name}: page ${change.fromPosition} → page ${change.toPosition}`
          : `Changed page ${name}`;
  return [`  ${head}`, ...change.changes.map((detail) => `    ${detail.words}`)];
}

function questionLines(change: QuestionChange): string[] {
  const name = `"${change.id}"`;
  switch (change.kind) {
    case 'added':
      return [
        `  Added question ${name} on ${placeWords(change.place)}: ${quoted(change.label)}, ${typeWords(change.type)}`,
        `    ${(change.asked ?? []).join('; ')}`,
      ];
    case 'removed':
      return [`  Removed question ${name} from ${placeWords(change.place)}: ${quoted(change.label)}`];
    case 'moved':
      return [
        `  Moved question ${name} from ${placeWords(change.movedFrom!)} to ${placeWords(change.place)}`,
        ...change.changes.map((detail) => `    ${detail.words}`),
      ];
    case 'changed':
      return [
        `  Changed question ${name} on ${placeWords(change.place)}`,
        ...change.changes.map((detail) => `    ${detail.words}`),
      ];
  }
}

function contentLines(change: ContentChange): string[] {
  const what = `${change.blockType}${change.id ? ` "${change.id}"` : ''}`;
  const where = `page ${page(change.pageTitle, change.pageId)}`;
  const head =
    change.kind === 'added'
      ? `Added ${what} on ${where}: ${quoted(change.text)}`
      : change.kind === 'removed'
        ? `Removed ${what} from ${where}: ${quoted(change.text)}`
        : change.kind === 'moved'
          ? `Moved ${what} from page ${page(change.movedFromPageTitle!, change.movedFromPageId!)} to ${where}: ${quoted(change.text)}`
          : `Changed ${what} on ${where}: ${quoted(change.text)}`;
  return [
    `  ${head}`,
    ...(change.wasText ? [`    was ${quoted(change.wasText)}`] : []),
    ...(change.shown ? [`    shown: ${change.shown.from} → ${change.shown.to}`] : []),
  ];
}

const SEVERITY_HEADS = {
  breaking: 'Breaking: the case system must change to read them',
  risky: 'Risky: a strict case system may refuse them',
  safe: 'Safe: nothing to change',
} as const;

function integratorLines(diff: FormDiff): string[] {
  const { changes, schemas } = diff.integrators;
  const lines = [`The case system (answers schema ${schemas.from} → ${schemas.to})`];
  if (!changes.length) return [...lines, '  The answers schema is the same: nothing changes for an integrator.'];
  lines.push(
    diff.integrators.breaking
      ? '  Some changes break an integrator: change the case system before this version is published.'
      : '  No change breaks an integrator.',
  );
  for (const severity of ['breaking', 'risky', 'safe'] as const) {
    const these = changes.filter((change) => change.severity === severity);
    if (!these.length) continue;
    lines.push(`  ${SEVERITY_HEADS[severity]} (${these.length}):`);
    const words = these.filter((change) => change.kind === 'words-changed');
    for (const change of these.filter((c) => c.kind !== 'words-changed')) lines.push(`    ${change.words}`);
    if (words.length) lines.push(`    the words of ${fields(words)} changed (their titles or descriptions only)`);
  }
  return lines;
}

const fields = (changes: SchemaChange[]) =>
  `${changes.length} field${changes.length === 1 ? '' : 's'}: ${changes.map((c) => `"${c.field}"`).join(', ')}`;

function section<T>(title: string, items: T[], render: (item: T) => string[]): string[] {
  return ['', title, ...(items.length ? items.flatMap(render) : ['  No changes.'])];
}

/** The diff as plain lines: the versions, what changed (the form, pages, questions, text), then what it means. */
export function diffLines(diff: FormDiff): string[] {
  const { from, to } = diff;
  return [
    `${diff.formId}: version ${from.version} (${from.status}) → version ${to.version} (${to.status}), ${quoted(to.title)}`,
    ...section('The form', diff.form, (change) => [`  ${change.words}`]),
    ...section('Pages', diff.pages, pageLines),
    ...section('Questions', diff.questions, questionLines),
    ...section('Text', diff.content, contentLines),
    '',
    `Forms saved on version ${from.version}`,
    ...diff.savedForms.lines.map((line) => `  ${line}`),
    '',
    ...integratorLines(diff),
  ];
}
