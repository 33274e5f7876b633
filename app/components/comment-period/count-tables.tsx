import type { ReactNode } from "react";
import { MIN_CELL } from "../../modules/comment-period/counts.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { StaffText } from "../staff-text.tsx";
import { Table, Td, Th } from "../ui/index.ts";

/** A count in the page's language; a suppressed one reads "<5". */
function useCellText() {
  const { language } = usePageT();
  const format = new Intl.NumberFormat(language === "es" ? "es-US" : "en-US");
  return (count: number | null) => (count === null ? `<${MIN_CELL}` : format.format(count));
}

/** A label as written (a stakeholder group, a region staff configured): marked as staff text. */
const asWritten = (label: string): ReactNode => <StaffText>{label}</StaffText>;

/**
 * Counts by one thing (section, stakeholder group, region); suppressed cells read "<5".
 * `heading` names the rows' column; `label` shows a row's label (as written, by default).
 */
export function CountTable({
  caption,
  heading,
  rows,
  label = asWritten,
}: {
  caption: string;
  heading: string;
  rows: { label: string; count: number | null }[];
  label?: (label: string) => ReactNode;
}) {
  const { t } = usePageT();
  const cellText = useCellText();
  return (
    <Table fit className="text-small">
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr>
          <Th dense>{heading}</Th>
          <Th dense className="text-right">
            {t("staffAnalysis.commentsColumn")}
          </Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <Td dense colSpan={2}>
              {t("staffAnalysis.noneYet")}
            </Td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.label}>
              <Th dense scope="row">
                {label(row.label)}
              </Th>
              <Td dense className="text-right tabular-nums">
                {cellText(row.count)}
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

/** Themes by stakeholder group; `label` shows a row's label (a theme's name, as written). */
export function CrossCountTable({
  caption,
  table,
  label = asWritten,
}: {
  caption: string;
  table: { columns: string[]; rows: { label: string; counts: (number | null)[] }[] };
  label?: (label: string) => ReactNode;
}) {
  const { t } = usePageT();
  const cellText = useCellText();
  return (
    <div className="overflow-x-auto">
      <Table fit className="text-small">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr>
            <Th dense>{t("staffAnalysis.themeColumn")}</Th>
            {table.columns.map((column) => (
              <Th key={column} dense className="text-right">
                <StaffText>{column}</StaffText>
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label}>
              <Th dense scope="row">
                {label(row.label)}
              </Th>
              {row.counts.map((count, i) => (
                <Td key={table.columns[i]} dense className="text-right tabular-nums">
                  {cellText(count)}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
