/**
 * A CSV file for a spreadsheet (RFC 4180): a header row, every cell quoted, lines ended CRLF,
 * UTF-8 with a byte-order mark so Excel reads names like "Zoë" right. A cell that begins with
 * = + - @, a tab or a carriage return gets a leading ' so no spreadsheet runs it as a formula
 * (OWASP's CSV injection advice): a referrer's answer is never a formula on a staff machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function toCsv(header: string[], rows: Array<Array<string | number | undefined>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
