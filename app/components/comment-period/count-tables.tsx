import { MIN_CELL } from "../../modules/comment-period/counts.ts";

const cellText = (count: number | null) => (count === null ? `<${MIN_CELL}` : String(count));

const th = "border-b border-slate-400 px-2 py-1 text-left font-semibold";
const td = "border-b border-slate-200 px-2 py-1";

/** Counts by one thing (section, stakeholder group, region); suppressed cells read "<5". */
export function CountTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { label: string; count: number | null }[];
}) {
  return (
    <table className="text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            {caption.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase())}
          </th>
          <th scope="col" className={`${th} text-right`}>
            Comments
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td className={td} colSpan={2}>
              None yet
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {row.label}
              </th>
              <td className={`${td} text-right tabular-nums`}>{cellText(row.count)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** Themes by stakeholder group. */
export function CrossCountTable({
  caption,
  table,
}: {
  caption: string;
  table: { columns: string[]; rows: { label: string; counts: (number | null)[] }[] };
}) {
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              Theme
            </th>
            {table.columns.map((column) => (
              <th key={column} scope="col" className={`${th} text-right`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {row.label}
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
