import { useTranslation } from "react-i18next";
import type { BreakdownRow, Breakdowns as Tables } from "../../modules/session/breakdowns.ts";
import { MIN_CELL } from "../../modules/session/breakdowns.ts";
import { BarChart, Card, summaryClass, Table, Td, Text, Th } from "../ui/index.ts";

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
    <Card as="details">
      <summary className={summaryClass("title")}>{t("breakdowns.heading")}</summary>
      {table ? (
        <>
          <Text tone="muted" size="small" className="mt-2">
            {table.people < MIN_CELL
              ? t("breakdowns.fewPeople", { min: MIN_CELL })
              : t("breakdowns.people", { count: table.people })}{" "}
            {t("breakdowns.taken", { when: when(table.takenAt), min: MIN_CELL })}
          </Text>
          <Text tone="muted" size="small" className="mt-1">
            {t("breakdowns.suppression", { min: MIN_CELL })}
          </Text>
          <div className="mt-3 grid gap-6 md:grid-cols-2">
            <BreakdownTable caption={t("breakdowns.byGroup")} rows={table.byGroup} />
            <BreakdownTable caption={t("breakdowns.byRegion")} rows={table.byRegion} />
          </div>
        </>
      ) : (
        <Text tone="muted" size="small" className="mt-2">
          {t("breakdowns.notYet")}
        </Text>
      )}
    </Card>
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
    <div className="space-y-3">
      {/* People per group, drawn; the table under it says the same for screen readers. */}
      <BarChart
        bars={rows.map((row) => ({
          key: row.label,
          label: row.label,
          value: row.suppressed ? null : row.people,
        }))}
      />
      <Table className="text-small">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr>
            {headings.map((h) => (
              <Th key={h} scope="col">
                {h}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <Td colSpan={4}>{t("breakdowns.nobody")}</Td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.label}>
                <Th scope="row">{row.label}</Th>
                {row.suppressed ? (
                  <Td colSpan={3} className="text-muted">
                    {t("breakdowns.hidden")}
                  </Td>
                ) : (
                  <>
                    <Td>{row.people}</Td>
                    <Td>{row.ratings}</Td>
                    <Td>{row.averageStars === null ? "—" : stars.format(row.averageStars)}</Td>
                  </>
                )}
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </div>
  );
}
