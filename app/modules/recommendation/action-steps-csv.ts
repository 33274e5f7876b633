import { stringify } from "csv-stringify/sync";
import { type Horizon, horizonLabels, type Status, statusLabels } from "./schema.ts";

export type CsvStep = {
  recommendationNumber: number;
  recommendationTitle: string;
  description: string;
  ownerName: string | null;
  ownerGroup: string;
  horizon: string;
  startsOn: string | null;
  dueOn: string | null;
  status: string;
  resources: string;
  fundingSource: string;
  resourceNote: string;
};

const HEADER = [
  "Recommendation",
  "Recommendation title",
  "Action step",
  "Owner",
  "Horizon",
  "Start date",
  "Due date",
  "Status",
  "Resources",
  "Funding source",
  "Resource note",
];

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe: an exported step must never run code in whoever opens the file (OWASP,
 * "CSV injection").
 */
export function inertCell(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The action steps as CSV that spreadsheets open correctly: RFC 4180 quoting (csv-stringify),
 * CRLF line ends, and a UTF-8 byte order mark so Excel reads accents and curly quotes.
 */
export function actionStepsCsv(steps: CsvStep[]) {
  const rows = steps.map((s) => [
    String(s.recommendationNumber),
    s.recommendationTitle,
    s.description,
    s.ownerName ?? s.ownerGroup,
    horizonLabels[s.horizon as Horizon] ?? s.horizon,
    s.startsOn ?? "",
    s.dueOn ?? "",
    statusLabels[s.status as Status] ?? s.status,
    s.resources,
    s.fundingSource,
    s.resourceNote,
  ]);
  const body = stringify([HEADER, ...rows.map((row) => row.map(inertCell))], {
    record_delimiter: "windows",
    quoted_match: /[",\r\n]/,
  });
  return `\uFEFF${body}`;
}
