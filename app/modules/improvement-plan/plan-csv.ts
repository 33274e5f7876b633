import { spreadsheetCsv } from "../../utils/csv.ts";
import type { MessageKey } from "../i18n/en.ts";
import { i18nFor, type Locale } from "../i18n/i18n.ts";
import { STEP_HORIZONS } from "./schema.ts";

/*
 * A plan's action steps and readings as spreadsheet files (app/utils/csv.ts), headers in the
 * reader's language. Dates stay YYYY-MM-DD and numbers keep a decimal point, as the action plan's
 * file does: a spreadsheet reads those as dates and numbers in any language.
 */

export type CsvPlanStep = {
  goal: string;
  horizon: string;
  description: string;
  startsOn: string | null;
  ownerName: string | null;
  resources: string;
  completedOn: string | null;
};

export type CsvReading = {
  goal: string;
  measure: { name: string; unit: string; baseline: number; target: number; targetOn: string };
  takenOn: string;
  value: number;
  note: string;
  evidenceUrl: string;
};

const STEP_HEADER = [
  "csv.planSteps.goal",
  "csv.planSteps.step",
  "csv.planSteps.horizon",
  "csv.planSteps.startsOn",
  "csv.planSteps.owner",
  "csv.planSteps.resources",
  "csv.planSteps.completedOn",
] as const satisfies MessageKey[];

const READING_HEADER = [
  "csv.planReadings.goal",
  "csv.planReadings.measure",
  "csv.planReadings.unit",
  "csv.planReadings.takenOn",
  "csv.planReadings.value",
  "csv.planReadings.baseline",
  "csv.planReadings.target",
  "csv.planReadings.targetOn",
  "csv.planReadings.note",
  "csv.planReadings.evidence",
] as const satisfies MessageKey[];

export function planStepsCsv(steps: CsvPlanStep[], locale: Locale) {
  const { t } = i18nFor(locale);
  const horizon = (value: string) =>
    (STEP_HORIZONS as readonly string[]).includes(value)
      ? t(`plans.horizon.${value}` as MessageKey)
      : value;
  return spreadsheetCsv(
    STEP_HEADER.map((key) => t(key)),
    steps.map((s) => [
      s.goal,
      s.description,
      horizon(s.horizon),
      s.startsOn ?? "",
      s.ownerName ?? "",
      s.resources,
      s.completedOn ?? "",
    ]),
  );
}

export function planReadingsCsv(readings: CsvReading[], locale: Locale) {
  const { t } = i18nFor(locale);
  return spreadsheetCsv(
    READING_HEADER.map((key) => t(key)),
    readings.map((r) => [
      r.goal,
      r.measure.name,
      r.measure.unit,
      r.takenOn,
      String(r.value),
      String(r.measure.baseline),
      String(r.measure.target),
      r.measure.targetOn,
      r.note,
      r.evidenceUrl,
    ]),
  );
}
