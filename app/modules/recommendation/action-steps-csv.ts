import { spreadsheetCsv } from "../../utils/csv.ts";
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

/** The action steps as a spreadsheet file (app/utils/csv.ts). */
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
  return spreadsheetCsv(HEADER, rows);
}
