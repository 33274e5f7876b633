import { spreadsheetCsv } from "../../utils/csv.ts";
import type { MessageKey } from "../i18n/en.ts";
import { i18nFor, type Locale } from "../i18n/i18n.ts";
import { HORIZONS, STATUSES } from "./schema.ts";

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
  "csv.steps.recommendation",
  "csv.steps.recommendationTitle",
  "csv.steps.step",
  "csv.steps.owner",
  "csv.steps.horizon",
  "csv.steps.startsOn",
  "csv.steps.dueOn",
  "csv.steps.status",
  "csv.steps.resources",
  "csv.steps.fundingSource",
  "csv.steps.resourceNote",
] as const satisfies MessageKey[];

/** The action steps as a spreadsheet file (app/utils/csv.ts), in the reader's language. */
export function actionStepsCsv(steps: CsvStep[], locale: Locale) {
  const { t } = i18nFor(locale);
  const said = (
    prefix: "actionStep.horizon" | "status",
    value: string,
    known: readonly string[],
  ) => (known.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value);
  const rows = steps.map((s) => [
    String(s.recommendationNumber),
    s.recommendationTitle,
    s.description,
    s.ownerName ?? s.ownerGroup,
    said("actionStep.horizon", s.horizon, HORIZONS),
    s.startsOn ?? "",
    s.dueOn ?? "",
    said("status", s.status, STATUSES),
    s.resources,
    s.fundingSource,
    s.resourceNote,
  ]);
  return spreadsheetCsv(
    HEADER.map((key) => t(key)),
    rows,
  );
}
