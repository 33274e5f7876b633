import type { BreakdownRow, Breakdowns as Tables } from "../../modules/session/breakdowns.ts";
import { MIN_CELL } from "../../modules/session/breakdowns.ts";

type Props = { table: (Tables & { takenAt: string }) | null };

const when = (iso: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

/**
 * Who took part, by stakeholder group and region, as taken when contributions closed; small
 * groups suppressed so nobody is singled out (modules/session/breakdowns.ts says why).
 */
export function Breakdowns({ table }: Props) {
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer text-lg font-semibold">
        Participation by stakeholder group and region
      </summary>
      {table ? (
        <>
          <p className="mt-2 text-sm text-slate-700">
            {`${table.people < MIN_CELL ? `Fewer than ${MIN_CELL} people` : `${table.people} people`} took part. Taken ${when(table.takenAt)}, when ideas and ratings closed; it is taken again at a later close once at least ${MIN_CELL} more people have taken part.`}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {`Groups of fewer than ${MIN_CELL} people are not shown, nor any group that could be worked out from the others, so no one can be singled out.`}
          </p>
          <div className="mt-3 grid gap-6 md:grid-cols-2">
            <BreakdownTable caption="By stakeholder group" rows={table.byGroup} />
            <BreakdownTable caption="By region" rows={table.byRegion} />
          </div>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          Shown once rating closes. A table that changed with every new idea or rating would tell,
          by its change, which group the idea's author belongs to.
        </p>
      )}
    </details>
  );
}

function BreakdownTable({ caption, rows }: { caption: string; rows: BreakdownRow[] }) {
  return (
    <table className="min-w-full border-collapse text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr>
          {["Group", "People", "Ratings", "Average stars"].map((h) => (
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
              Nobody took part.
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
                  Not shown (a small group)
                </td>
              ) : (
                <>
                  <td className="border border-slate-300 p-2">{row.people}</td>
                  <td className="border border-slate-300 p-2">{row.ratings}</td>
                  <td className="border border-slate-300 p-2">
                    {row.averageStars === null ? "—" : row.averageStars.toFixed(1)}
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
