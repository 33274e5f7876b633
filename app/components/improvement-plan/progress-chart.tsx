import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { planFormats } from "../../modules/improvement-plan/format.ts";
import {
  CHART_SIZES,
  type ChartSize,
  chartOf,
  type MeasureFacts,
} from "../../modules/improvement-plan/progress.ts";
import { Button, CsrfInput } from "../forms.tsx";
import { StaffText } from "../staff-text.tsx";
import { Heading, Table, Td, Text, TextLink, Th } from "../ui/index.ts";

export type ShownMeasure = Omit<MeasureFacts, "readings"> & {
  id: string;
  name: string;
  unit: string;
  progress: number | null;
  readings: {
    id: string;
    value: number;
    takenOn: string;
    note: string;
    evidenceUrl: string;
  }[];
};

/**
 * A measure's progress as a line chart drawn on the server (no chart library): the baseline
 * and target as dashed lines, each reading a point. The svg is one image with a label saying
 * the progress; the table below it is the same data for anyone who cannot see the chart.
 */
export function ProgressChart({ measure }: { measure: ShownMeasure }) {
  const { t, language } = usePageT();
  const f = useMemo(() => planFormats(language), [language]);
  const latest = measure.readings.at(-1);
  const value = (v: number) => t("plans.measure.value", { value: f.number(v), unit: measure.unit });
  const label = latest
    ? t("plans.chart.label", {
        name: measure.name,
        baseline: value(measure.baseline),
        baselineOn: f.date(measure.baselineOn),
        target: value(measure.target),
        targetOn: f.date(measure.targetOn),
        latest: value(latest.value),
        latestOn: f.date(latest.takenOn),
        percent: f.percent(measure.progress ?? 0),
      })
    : t("plans.chart.labelEmpty", {
        name: measure.name,
        baseline: value(measure.baseline),
        baselineOn: f.date(measure.baselineOn),
        target: value(measure.target),
        targetOn: f.date(measure.targetOn),
      });
  return (
    <figure className="space-y-3">
      {/* One drawing per screen width; the hidden one is out of the accessibility tree too. */}
      <Drawing measure={measure} size={CHART_SIZES.narrow} label={label} className="sm:hidden" />
      <Drawing
        measure={measure}
        size={CHART_SIZES.wide}
        label={label}
        className="hidden sm:block"
      />
      <figcaption className="text-small text-muted">
        {measure.progress === null
          ? t("plans.measure.noReadings")
          : t("plans.measure.progress", { percent: f.percent(measure.progress) })}
      </figcaption>
    </figure>
  );
}

function Drawing({
  measure,
  size: CHART,
  label,
  className,
}: {
  measure: ShownMeasure;
  size: ChartSize;
  label: string;
  className: string;
}) {
  const { t, language } = usePageT();
  const f = useMemo(() => planFormats(language), [language]);
  const chart = chartOf(measure, CHART);
  const line = chart.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      className={`h-auto w-full max-w-3xl rounded-md border border-line bg-surface ${className}`}
    >
      {chart.ticks.map((tick) => (
        <g key={tick.y}>
          <line
            x1={chart.plot.left}
            x2={chart.plot.right}
            y1={tick.y}
            y2={tick.y}
            className="stroke-slate-200"
          />
          <text
            x={chart.plot.left - 6}
            y={tick.y + 4}
            textAnchor="end"
            className="fill-slate-700 text-[11px]"
          >
            {f.number(Number(tick.value.toPrecision(6)))}
          </text>
        </g>
      ))}
      <line
        x1={chart.plot.left}
        x2={chart.plot.left}
        y1={chart.plot.top}
        y2={chart.plot.bottom}
        className="stroke-slate-500"
      />
      <line
        x1={chart.plot.left}
        x2={chart.plot.right}
        y1={chart.plot.bottom}
        y2={chart.plot.bottom}
        className="stroke-slate-500"
      />
      <text x={chart.start.x} y={CHART.height - 14} className="fill-slate-700 text-[12px]">
        {f.monthYear(chart.start.date)}
      </text>
      <text
        x={chart.end.x}
        y={CHART.height - 14}
        textAnchor="end"
        className="fill-slate-700 text-[12px]"
      >
        {f.monthYear(chart.end.date)}
      </text>
      <line
        x1={chart.plot.left}
        x2={chart.plot.right}
        y1={chart.baselineY}
        y2={chart.baselineY}
        strokeDasharray="6 4"
        strokeWidth={2}
        className="stroke-slate-600"
      />
      <text
        x={chart.plot.right - 4}
        y={chart.baselineY - 6}
        textAnchor="end"
        className="fill-slate-800 text-[12px] font-semibold"
      >
        {t("plans.chart.baseline", { value: f.number(measure.baseline) })}
      </text>
      <line
        x1={chart.plot.left}
        x2={chart.plot.right}
        y1={chart.targetY}
        y2={chart.targetY}
        strokeDasharray="2 3"
        strokeWidth={2}
        className="stroke-emerald-700"
      />
      <text
        x={chart.plot.right - 4}
        y={chart.targetY - 6}
        textAnchor="end"
        className="fill-emerald-800 text-[12px] font-semibold"
      >
        {t("plans.chart.target", { value: f.number(measure.target) })}
      </text>
      {chart.points.length > 1 ? (
        <polyline points={line} fill="none" strokeWidth={3} className="stroke-brand-700" />
      ) : null}
      {chart.points.map((p) => (
        <circle
          key={`${p.takenOn}-${p.x}-${p.y}`}
          cx={p.x}
          cy={p.y}
          r={5}
          className="fill-brand-700 stroke-white"
          strokeWidth={2}
        />
      ))}
    </svg>
  );
}

/** The readings of a measure, oldest first, each with its progress toward the target. */
export function ReadingsTable({
  measure,
  canEdit = false,
}: {
  measure: ShownMeasure;
  canEdit?: boolean;
}) {
  const { t, language } = usePageT();
  const f = useMemo(() => planFormats(language), [language]);
  if (measure.readings.length === 0) {
    return <Text tone="muted">{t("plans.measure.noReadings")}</Text>;
  }
  const span = measure.target - measure.baseline;
  const captionId = `readings-${measure.id}`;
  return (
    <div>
      {/* The table's name sits above its scrolling box, so a phone shows it whole. */}
      <Heading level={4} id={captionId} className="mb-1">
        {t("plans.readings")}: <StaffText>{measure.name}</StaffText>
      </Heading>
      {/* On a phone the table scrolls sideways inside its box; the box takes focus so that
          keyboard users can scroll it too (WCAG 2.1.1). relative: the buttons' screen-reader
          words (absolutely placed) scroll with the table instead of widening the page. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <section className="relative overflow-x-auto" aria-labelledby={captionId} tabIndex={0}>
        <Table aria-labelledby={captionId}>
          <thead>
            <tr>
              <Th scope="col">{t("plans.reading.date")}</Th>
              <Th scope="col" className="text-right">
                {t("plans.reading.value")}
              </Th>
              <Th scope="col" className="text-right">
                {t("plans.reading.progress")}
              </Th>
              <Th scope="col">{t("plans.reading.note")}</Th>
              <Th scope="col">{t("plans.reading.evidence")}</Th>
              {canEdit ? (
                <Th scope="col">
                  <span className="sr-only">{t("plans.reading.actions")}</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {measure.readings.map((r) => (
              <tr key={r.id}>
                <Th scope="row" className="font-normal whitespace-nowrap">
                  {f.shortDate(r.takenOn)}
                </Th>
                <Td className="text-right tabular-nums whitespace-nowrap">
                  {f.number(r.value)} <StaffText>{measure.unit}</StaffText>
                </Td>
                <Td className="text-right tabular-nums">
                  {f.percent((r.value - measure.baseline) / span)}
                </Td>
                <Td>
                  {/* Wide enough that a note reads as a line or two, not a word a line. */}
                  <div className="min-w-44">{r.note ? <StaffText>{r.note}</StaffText> : null}</div>
                </Td>
                <Td>
                  {r.evidenceUrl ? (
                    <TextLink standalone href={r.evidenceUrl} rel="noreferrer noopener">
                      {t("plans.reading.evidenceLink")}
                      <span className="sr-only">
                        {" "}
                        {t("plans.reading.evidenceFor", { date: f.date(r.takenOn) })}
                      </span>
                    </TextLink>
                  ) : (
                    <Text as="span" tone="muted">
                      {t("plans.reading.none")}
                    </Text>
                  )}
                </Td>
                {canEdit ? (
                  <Td>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="readingId" value={r.id} />
                      <Button
                        name="intent"
                        value="delete-reading"
                        variant="danger"
                        className="whitespace-nowrap"
                      >
                        {t("plans.reading.remove")}
                        <span className="sr-only">
                          {" "}
                          {t("plans.reading.which", { date: f.date(r.takenOn) })}
                        </span>
                      </Button>
                    </Form>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </div>
  );
}
