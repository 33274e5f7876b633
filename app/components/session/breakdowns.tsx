import { useTranslation } from "react-i18next";
import type { BreakdownRow, Breakdowns as Tables } from "../../modules/session/breakdowns.ts";
import { MIN_CELL } from "../../modules/session/breakdowns.ts";

type Props = { table: (Tables & { takenAt: string }) | null };

/**
 * Who took part, by stakeholder group and region, as taken when contributions closed; small
 * groups suppressed so nobody is singled out (modules/session/breakdowns.ts says why).
 */
export function Breakdowns({ table }: Props) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer text-lg font-semibold">{t("breakdowns.heading")}</summary>
      {table ? (
        <>
          <p className="mt-2 text-sm text-slate-700">
            {table.people < MIN_CELL
              ? t("breakdowns.fewPeople", { min: MIN_CELL })
              : t("breakdowns.people", { count: table.people })}{" "}
            {t("breakdowns.taken", { when: when(table.takenAt), min: MIN_CELL })}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {t("breakdowns.suppression", { min: MIN_CELL })}
          </p>
          <div className="mt-3 grid gap-6 md:grid-cols-2">
            <BreakdownTable caption={t("breakdowns.byGroup")} rows={table.byGroup} />
            <BreakdownTable caption={t("breakdowns.byRegion")} rows={table.byRegion} />
          </div>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("breakdowns.notYet")}</p>
      )}
    </details>
  );
}

function BreakdownTable({ caption, rows }: { caption: string; rows: BreakdownRow[] }) {
  const { t, i18n } = useTranslation();
  const stars = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const headings = [
    t("breakdowns.group"),
    t("breakdowns.peopleColumn"),
    t("breakdowns.ratings"),
    t("breakdowns.average"),
  ];
  return (
    <table className="min-w-full border-collapse text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr>
          {headings.map((h) => (
            <th key={h} scope="col" className="border border-slate-300 p-2 text-left">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4} className="border border-slate-300 p-2">
              {t("breakdowns.nobody")}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="border border-slate-300 p-2 text-left font-medium">
                {row.label}
              </th>
              {row.suppressed ? (
                <td colSpan={3} className="border border-slate-300 p-2 text-slate-700">
                  {t("breakdowns.hidden")}
                </td>
              ) : (
                <>
                  <td className="border border-slate-300 p-2">{row.people}</td>
                  <td className="border border-slate-300 p-2">{row.ratings}</td>
                  <td className="border border-slate-300 p-2">
                    {row.averageStars === null ? "—" : stars.format(row.averageStars)}
                  </td>
                </>
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
