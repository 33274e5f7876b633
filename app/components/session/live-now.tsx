import { useTranslation } from "react-i18next";
import { formatSessionTime } from "../../modules/session/time.ts";
import { StaffText } from "../staff-text.tsx";

export type LiveSession = {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  workGroupName: string;
  boardPath: string;
};

/** Sessions happening now, first on the page, each with one button to the person's own board. */
export function LiveNow({
  sessions,
  showWorkGroup,
}: {
  sessions: LiveSession[];
  showWorkGroup: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (sessions.length === 0) return null;
  return (
    <section
      aria-labelledby="live-now"
      className="rounded-lg border-2 border-brand-700 bg-brand-50 p-4"
    >
      <h2 id="live-now" className="text-lg font-semibold">
        {t("liveNow.heading")}
      </h2>
      <ul className="mt-2 space-y-3">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <p className="font-medium">
                <StaffText>{s.title}</StaffText>
              </p>
              <p className="text-sm text-slate-700">
                {showWorkGroup ? (
                  <>
                    <StaffText>{s.workGroupName}</StaffText>
                    {" · "}
                  </>
                ) : null}
                {formatSessionTime(s.startsAt, s.timeZone, i18n.language)}
              </p>
            </div>
            <a
              href={s.boardPath}
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
            >
              {t("liveNow.go")}
              <span className="sr-only">{` ${t("liveNow.in", { session: s.title })}`}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
