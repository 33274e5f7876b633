import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe: an exported cell must never run code in whoever opens the file (OWASP,
 * "CSV injection").
 */
export function inertCell(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV that spreadsheets open correctly: RFC 4180 quoting (csv-stringify), CRLF line
 * ends, and a UTF-8 byte order mark so Excel reads accents and curly quotes.
 */
export function spreadsheetCsv(header: string[], rows: string[][]) {
  const body = stringify([header, ...rows.map((row) => row.map(inertCell))], {
    record_delimiter: "windows",
    quoted_match: /[",\r\n]/,
  });
  return `\uFEFF${body}`;
}

/** The download response of a CSV file; private, since exports are for the work group. */
export function csvResponse(csv: string, fileName: string) {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
