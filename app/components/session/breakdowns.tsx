import type { BreakdownRow } from "../../modules/session/breakdowns.ts";
import { MIN_CELL } from "../../modules/session/breakdowns.ts";

type Props = { byGroup: BreakdownRow[]; byRegion: BreakdownRow[] };

/** Who took part, by stakeholder group and region; small groups suppressed so nobody is singled out. */
export function Breakdowns({ byGroup, byRegion }: Props) {
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer text-lg font-semibold">
        Participation by stakeholder group and region
      </summary>
      <p className="mt-2 text-sm text-slate-700">
        {`Groups of fewer than ${MIN_CELL} people are not shown, so no one can be singled out.`}
      </p>
      <div className="mt-3 grid gap-6 md:grid-cols-2">
        <BreakdownTable caption="By stakeholder group" rows={byGroup} />
        <BreakdownTable caption="By region" rows={byRegion} />
      </div>
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
              Nobody has taken part yet.
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
                  {`Fewer than ${MIN_CELL} people`}
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
