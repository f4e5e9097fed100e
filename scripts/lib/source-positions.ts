/**
 * Positions in an author's JSON file: a JSON pointer becomes the line and column of the place to
 * change, so an editor or CI log can jump straight to it.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedJson {
  value: unknown;
  /** Syntax errors, each with its position; empty when the text is valid JSON. */
  syntaxErrors: Array<Position & { message: string }>;
  positionOf(pointer: string): Position;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function parseJsonWithPositions(text: string): ParsedJson {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const starts = lineStarts(text);
  const at = (offset: number): Position => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
  // The parser often reports one slip twice at one place; the author needs to hear it once.
  const firstAtEachPlace = errors.filter(
    (error, i) => errors.findIndex((other) => other.offset === error.offset) === i,
  );
  const syntaxErrors = firstAtEachPlace.map((error) => ({
    ...at(error.offset),
    message: `JSON syntax: ${describeSyntaxError(printParseErrorCode(error.error))}`,
  }));
  let value: unknown;
  if (!syntaxErrors.length) value = JSON.parse(text);
  return {
    value,
    syntaxErrors,
    positionOf(pointer: string): Position {
      if (!tree) return { line: 1, column: 1 };
      const segments = pointer
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      // The nearest place that exists: a missing property is reported where it should be added.
      for (let length = segments.length; length >= 0; length--) {
        const node: Node | undefined = findNodeAtLocation(tree, segments.slice(0, length));
        if (!node) continue;
        // A property's value is reported at its key, and a question or page at its "id" line:
        // where the author's eye goes.
        const idProperty =
          node.type === 'object' ? node.children?.find((child) => child.children?.[0]?.value === 'id') : undefined;
        const target = idProperty ?? (node.parent?.type === 'property' ? node.parent : node);
        return at(target.offset);
      }
      return { line: 1, column: 1 };
    },
  };
}

function describeSyntaxError(code: string): string {
  const plain: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    CommaExpected: 'a comma is missing',
    ColonExpected: 'a colon is missing',
    PropertyNameExpected: 'a property name in double quotes is expected (is there a comma too many?)',
    ValueExpected: 'a value is expected (is there a comma too many?)',
    CloseBraceExpected: 'a closing } is missing',
    CloseBracketExpected: 'a closing ] is missing',
    EndOfFileExpected: 'text after the end of the definition',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'a string is not closed with "',
    UnexpectedEndOfComment: 'a comment is not closed',
    InvalidEscapeCharacter: 'an invalid escape after \\',
  };
  return plain[code] ?? code;
}
