import type { ReactNode } from "react";
import { MIN_CELL } from "../../modules/comment-period/counts.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { StaffText } from "../staff-text.tsx";

const th = "border-b border-slate-400 px-2 py-1 text-left font-semibold";
const td = "border-b border-slate-200 px-2 py-1";

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
    <table className="text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            {heading}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("staffAnalysis.commentsColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td className={td} colSpan={2}>
              {t("staffAnalysis.noneYet")}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {label(row.label)}
              </th>
              <td className={`${td} text-right tabular-nums`}>{cellText(row.count)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
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
      <table className="text-sm">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {t("staffAnalysis.themeColumn")}
            </th>
            {table.columns.map((column) => (
              <th key={column} scope="col" className={`${th} text-right`}>
                <StaffText>{column}</StaffText>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {label(row.label)}
              </th>
              {row.counts.map((count, i) => (
                <td key={table.columns[i]} className={`${td} text-right tabular-nums`}>
                  {cellText(count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
