import type { RequestCount, Speaker } from "../../modules/hearing/registration.ts";
import { formatSessionTime } from "../../modules/session/time.ts";

const count = new Intl.NumberFormat("en-US");
const asks = (n: number) => `${count.format(n)} ${n === 1 ? "asks" : "ask"} for`;

/**
 * What staff arrange before the event, with how many ask for each: interpreters by language,
 * then accommodations, then what people wrote in their own words (with their names, so staff
 * can follow up).
 */
export function HearingRequests({
  interpreters,
  accommodations,
  other,
}: {
  interpreters: RequestCount[];
  accommodations: RequestCount[];
  other: { id: string; name: string; text: string }[];
}) {
  const none = interpreters.length === 0 && accommodations.length === 0 && other.length === 0;
  return (
    <section aria-labelledby="to-arrange">
      <h2 id="to-arrange" className="text-xl font-semibold">
        Interpreters and accommodations
      </h2>
      <p className="mt-1 text-slate-700">
        What registrations still registered or waiting ask for, so you can arrange it. A team’s
        contact asks for the whole team.
      </p>
      {none ? (
        <p className="mt-2">Nobody has asked for an interpreter or an accommodation yet.</p>
      ) : (
        <>
          <ul className="mt-2 space-y-1">
            {interpreters.map((entry) => (
              <li key={`interpreter-${entry.what}`}>
                <span className="font-semibold">{asks(entry.count)}</span> an interpreter in{" "}
                {entry.what}
              </li>
            ))}
            {accommodations.map((entry) => (
              <li key={`accommodation-${entry.what}`}>
                <span className="font-semibold">{asks(entry.count)}</span> {entry.what}
              </li>
            ))}
          </ul>
          {other.length ? (
            <>
              <h3 className="mt-3 font-semibold">In their own words</h3>
              <ul className="mt-1 space-y-1">
                {other.map((entry) => (
                  <li key={entry.id}>
                    <span className="font-medium">{entry.name}:</span> {entry.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Who signed up to speak, numbered in the order they are called, with the download links. */
export function SpeakerList({
  speakers,
  exportPath,
  timeZone,
}: {
  speakers: Speaker[];
  exportPath: string;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="speakers">
      <h2 id="speakers" className="text-xl font-semibold">
        Speakers
      </h2>
      <p className="mt-1">
        In the order they registered, which is the order they are called; a cancelled registration
        leaves the list. Download it:{" "}
        <a href={`${exportPath}/csv`} className="underline">
          CSV
        </a>{" "}
        or{" "}
        <a href={`${exportPath}/json`} className="underline">
          JSON
        </a>
        .
      </p>
      {speakers.length === 0 ? (
        <p className="mt-2">Nobody has signed up to speak yet.</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {speakers.map((speaker) => (
            <li key={speaker.id} className="flex gap-3">
              <span className="w-8 shrink-0 text-right font-semibold tabular-nums">
                {count.format(speaker.number)}.
              </span>
              <div>
                <div>
                  <span className="font-medium">{speaker.name}</span>
                  {speaker.organization ? `, ${speaker.organization}` : ""}
                  {speaker.status === "waitlisted" ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-sm text-amber-900">
                      Waitlisted
                    </span>
                  ) : null}
                </div>
                {speaker.topic ? <div>On: {speaker.topic}</div> : null}
                <div className="text-sm text-slate-700">
                  Registered {formatSessionTime(speaker.createdAt, timeZone)}
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
