/**
 * A form's flow as a picture for its authors (an SVG document as a string): the pages from top to
 * bottom, each a box with its title, id and progress; a page shown only when a condition holds
 * stands to the right of the main line, its condition over it; the account gate is a yellow bar
 * across. Every box's full facts are in its <title> (a tooltip), and the whole flow in the <desc>.
 * No script and no style sheet: presentation attributes only, so a strict Content-Security-Policy
 * shows it as drawn. Colours are GOV.UK's, each text colour at least 7:1 on its background.
 */
import type { FlowModel, FlowPage } from './model.ts';
import { ACCOUNT_GATE, groupPhrase, pageFacts, questionsPhrase } from './text.ts';
import { wrap } from './wrap.ts';

const C = { black: '#0b0c0c', grey: '#505a5f', blue: '#1d70b8', lightBlue: '#d2e2f1', yellow: '#ffdd00' };
const GREEN = { border: '#00703c', fill: '#cce2d8' };
const FONT = 'font-family="Arial, Helvetica, sans-serif"';
const WIDTH = 1000;
const MARGIN = 32;
const MAIN = { x: MARGIN, width: 480 };
const SIDE = { x: 568, width: WIDTH - MARGIN - 568 };
const PAD = 14;
const GAP = 44;
const GATE_HEIGHT = 40;
/** How to read the arrows, where pages set aside follow one another with conditions of their own. */
export const LEGEND_NOTE =
  'Arrows lead to the next page; a page set aside is skipped when its condition does not hold.';

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Line {
  text: string;
  size: number;
  bold?: boolean;
  colour?: string;
}

interface Box {
  page: FlowPage;
  x: number;
  y: number;
  width: number;
  height: number;
  band: Line[];
  body: Line[];
}

const LEADING = 1.3;
const linesHeight = (lines: Line[]) => lines.reduce((sum, line) => sum + line.size * LEADING, 0);

function text(lines: Line[], x: number, top: number): string {
  let y = top;
  return lines
    .map((line) => {
      y += line.size * LEADING;
      const weight = line.bold ? ' font-weight="bold"' : '';
      const at = `x="${x}" y="${(y - line.size * 0.32).toFixed(1)}" font-size="${line.size}"`;
      return `<text ${at}${weight} fill="${line.colour ?? C.black}">${escapeXml(line.text)}</text>`;
    })
    .join('');
}

function boxLines(page: FlowPage, width: number): Pick<Box, 'band' | 'body'> {
  const inner = width - 2 * PAD;
  const band: Line[] = page.shownWhen
    ? [
        { text: 'Only when:', size: 16, bold: true },
        ...wrap(page.shownWhen.words, inner, 16, { most: 3 }).lines.map((t) => ({ text: t, size: 16 })),
      ]
    : [];
  const body: Line[] = [
    ...wrap(`${page.number}. ${page.title}`, inner, 19, { bold: true, most: 2 }).lines.map((t) => ({
      text: t,
      size: 19,
      bold: true,
    })),
    ...wrap(`${page.id} · ${page.progress}% complete`, inner, 16).lines.map((t) => ({
      text: t,
      size: 16,
      colour: C.grey,
    })),
    ...wrap(questionsPhrase(page), inner, 16).lines.map((t) => ({ text: t, size: 16 })),
    ...page.groups.flatMap((group) =>
      wrap(groupPhrase(group), inner, 16, { most: 2 }).lines.map((t) => ({ text: t, size: 16 })),
    ),
  ];
  return { band, body };
}

function boxSvg(box: Box): string {
  const { page, x, y, width, height } = box;
  const checking = page.kind === 'checkAnswers';
  const stroke = page.shownWhen ? C.blue : checking ? GREEN.border : C.black;
  const dash = page.shownWhen ? ' stroke-dasharray="9 5"' : '';
  const fill = checking ? GREEN.fill : '#ffffff';
  const bandHeight = box.band.length ? linesHeight(box.band) + PAD : 0;
  const parts = [
    `<title>${escapeXml(pageFacts(page).join(' '))}</title>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="3"${dash}/>`,
  ];
  if (bandHeight) {
    parts.push(
      `<rect x="${x + 1.5}" y="${y + 1.5}" width="${width - 3}" height="${bandHeight}" fill="${C.lightBlue}"/>`,
      text(box.band, x + PAD, y + PAD / 2),
    );
  }
  parts.push(text(box.body, x + PAD, y + bandHeight + PAD / 2));
  return `<g class="page" data-page="${escapeXml(page.id)}">${parts.join('')}</g>`;
}

const arrowPath = (path: string, marker: string) =>
  `<path d="${path}" fill="none" stroke="${C.black}" stroke-width="2" marker-end="url(#${marker})"/>`;

function gateSvg(y: number): string {
  const lockX = MARGIN + 14;
  const lockY = y + 12;
  return [
    '<g class="account-gate">',
    `<title>${escapeXml(ACCOUNT_GATE)}.</title>`,
    `<rect x="${MARGIN}" y="${y}" width="${WIDTH - 2 * MARGIN}" height="${GATE_HEIGHT}" rx="4" fill="${C.yellow}" stroke="${C.black}" stroke-width="2"/>`,
    `<path d="M${lockX + 3},${lockY + 7} v-3 a5,5 0 0 1 10,0 v3" fill="none" stroke="${C.black}" stroke-width="2.5"/>`,
    `<rect x="${lockX}" y="${lockY + 7}" width="16" height="12" rx="2" fill="${C.black}"/>`,
    text([{ text: ACCOUNT_GATE, size: 16, bold: true }], lockX + 28, y + 8),
    '</g>',
  ].join('');
}

/** The SVG document of the flow, as text. */
export function flowSvg(flow: FlowModel): string {
  const header: Line[] = [
    ...wrap(flow.title, WIDTH - 2 * MARGIN, 24, { bold: true, most: 2 }).lines.map((t) => ({
      text: t,
      size: 24,
      bold: true,
    })),
    {
      text: `${flow.id}, version ${flow.version} (${flow.status}): ${flow.pages.length} pages in the order the referrer meets them`,
      size: 16,
      colour: C.grey,
    },
  ];
  let y = MARGIN + linesHeight(header) + 16;
  const legendY = y;
  y += 60 + GAP / 2;
  const boxes: Box[] = [];
  const gates: number[] = [];
  for (const page of flow.pages) {
    if (page.accountGate) {
      gates.push(y);
      y += GATE_HEIGHT + GAP / 2;
    }
    const column = page.shownWhen ? SIDE : MAIN;
    const lines = boxLines(page, column.width);
    const height = (lines.band.length ? linesHeight(lines.band) + PAD : 0) + linesHeight(lines.body) + PAD;
    boxes.push({ page, x: column.x, y, width: column.width, height, ...lines });
    y += height + GAP;
  }
  const mainX = MAIN.x + MAIN.width / 2;
  const sideX = SIDE.x + SIDE.width / 2;
  // Ids of the form version's own, so two flows on one page (a preview, a comparison) keep theirs apart.
  const ids = escapeXml(`flow-${flow.id}-v${flow.version}`);
  const arrow = (path: string) => arrowPath(path, `${ids}-arrow`);
  const arrows: string[] = [];
  const labels: string[] = [];
  let previousMain: Box | undefined;
  let run: Box[] = [];
  const closeRun = (next: Box | undefined) => {
    const from = previousMain;
    if (from && next) arrows.push(arrow(`M${mainX},${from.y + from.height} V${next.y - 3}`));
    if (from && next && run.length) {
      const same = run.every((box) => box.page.shownWhen!.words === run[0]!.page.shownWhen!.words);
      const at = from.y + from.height + 28;
      if (same) labels.push(text([{ text: 'otherwise', size: 16, bold: true }], mainX + 10, at - 20));
    }
    if (run.length) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      if (from) arrows.push(arrow(`M${from.x + from.width},${from.y + 28} H${sideX} V${first.y - 3}`));
      run.slice(1).forEach((box, i) => arrows.push(arrow(`M${sideX},${run[i]!.y + run[i]!.height} V${box.y - 3}`)));
      if (next) arrows.push(arrow(`M${sideX},${last.y + last.height} V${next.y + 28} H${next.x + next.width + 3}`));
    }
    run = [];
  };
  for (const box of boxes) {
    if (box.page.shownWhen) {
      run.push(box);
      continue;
    }
    closeRun(box);
    previousMain = box;
  }
  closeRun(undefined);
  const end = previousMain;
  const endY = end ? end.y + end.height + GAP : y;
  if (end) arrows.push(arrow(`M${mainX},${end.y + end.height} V${endY - 3}`));
  const sent = [
    `<rect x="${mainX - 90}" y="${endY}" width="180" height="40" rx="20" fill="${GREEN.border}"/>`,
    `<text x="${mainX}" y="${endY + 26}" font-size="18" font-weight="bold" fill="#ffffff" text-anchor="middle">Form sent</text>`,
  ].join('');
  const height = Math.ceil(endY + 40 + MARGIN);
  const description = flow.pages.map((page) => pageFacts(page).join(' ')).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${ids}-title ${ids}-desc" xml:lang="en" ${FONT}>`,
    `<title id="${ids}-title">The pages of ${escapeXml(flow.title)}, version ${flow.version}</title>`,
    `<desc id="${ids}-desc">${escapeXml(description)} Then the form is sent.</desc>`,
    `<defs><marker id="${ids}-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${C.black}"/></marker></defs>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(header, MARGIN, MARGIN - 8),
    legendSvg(legendY),
    ...arrows,
    ...labels,
    // Over the arrows: the way on passes through the gate.
    ...gates.map(gateSvg),
    ...boxes.map(boxSvg),
    sent,
    '</svg>',
    '',
  ].join('\n');
}

function legendSvg(y: number): string {
  const item = (x: number, swatch: string, words: string) =>
    `${swatch.replace(/X/g, String(x))}${text([{ text: words, size: 16 }], x + 34, y + 2)}`;
  return [
    '<g class="legend">',
    item(
      MARGIN,
      `<rect x="X" y="${y + 6}" width="24" height="18" fill="#ffffff" stroke="${C.black}" stroke-width="2"/>`,
      'Always shown',
    ),
    item(
      210,
      `<rect x="X" y="${y + 6}" width="24" height="18" fill="${C.lightBlue}" stroke="${C.blue}" stroke-width="2" stroke-dasharray="5 3"/>`,
      'Shown only when its condition holds',
    ),
    item(
      560,
      `<rect x="X" y="${y + 6}" width="24" height="18" fill="${C.yellow}" stroke="${C.black}" stroke-width="2"/>`,
      'Sign in needed',
    ),
    item(
      750,
      `<rect x="X" y="${y + 6}" width="24" height="18" fill="${GREEN.fill}" stroke="${GREEN.border}" stroke-width="2"/>`,
      'Check your answers',
    ),
    text([{ text: LEGEND_NOTE, size: 16, colour: C.grey }], MARGIN, y + 30),
    '</g>',
  ].join('');
}
