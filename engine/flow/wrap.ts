/**
 * Text broken into lines that fit a width, for the flow's picture: an SVG cannot wrap text by
 * itself, so the width of each character is estimated, generously, from Arial's and its common
 * stand-ins' widths (a little too much room is better than text over a box's edge).
 */

const NARROW = new Set([..."iljIf.,:;'!|()[]/ t-"]);
const WIDE = new Set([...'mwMW@%']);

/** The estimated width of the text, in pixels, at a font size. */
export function textWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const char of text) {
    if (NARROW.has(char)) ems += 0.3;
    else if (WIDE.has(char)) ems += 0.86;
    else if (char >= 'A' && char <= 'Z') ems += 0.69;
    else ems += 0.56;
  }
  return ems * size * (bold ? 1.06 : 1);
}

export interface Wrapped {
  lines: string[];
  /** Some of the text did not fit in the lines allowed, and the last line ends in "…". */
  cut: boolean;
}

/** Cuts one word to fit, with "…", for a word longer than the line. */
function cutToFit(text: string, width: number, size: number, bold: boolean): string {
  let kept = text;
  while (kept.length > 1 && textWidth(`${kept}…`, size, bold) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/** The text in at most `most` lines of at most `width` pixels, the last one cut with "…" if needs be. */
export function wrap(
  text: string,
  width: number,
  size: number,
  options: { bold?: boolean; most?: number } = {},
): Wrapped {
  const bold = options.bold ?? false;
  const most = options.most ?? 1;
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const [index, word] of words.entries()) {
    const tried = line ? `${line} ${word}` : word;
    if (textWidth(tried, size, bold) <= width) {
      line = tried;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    if (lines.length === most) {
      const rest = [lines.pop()!, ...words.slice(index)].join(' ');
      return { lines: [...lines, cutToFit(rest, width, size, bold)], cut: true };
    }
  }
  if (line) lines.push(line);
  const fitted = lines.map((l) => (textWidth(l, size, bold) > width ? cutToFit(l, width, size, bold) : l));
  return { lines: fitted, cut: fitted.some((l, i) => l !== lines[i]) };
}
