import { type HistorySubject, subjectLabels } from "../modules/history/history.ts";

type Entry = {
  id: string;
  subjectKind: HistorySubject;
  summary: string;
  at: string;
  undone: boolean;
  actor: string;
};

/** Who changed what and when, newest first (shown to facilitators). */
export function HistoryList({ entries, heading }: { entries: Entry[]; heading: string }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-xl font-semibold">
        {heading}
      </h2>
      {entries.length === 0 ? (
        <p className="text-slate-700">No changes yet.</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {entries.map((e) => (
            <li key={e.id} className="p-2 text-sm">
              <time dateTime={e.at} className="text-slate-700">
                {new Date(e.at).toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>{" "}
              · <strong>{e.actor}</strong> · {subjectLabels[e.subjectKind]}: {e.summary}
              {e.undone ? <span className="text-slate-700"> (undone)</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
