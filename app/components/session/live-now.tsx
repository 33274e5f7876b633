import { useTranslation } from "react-i18next";
import { formatSessionTime } from "../../modules/session/time.ts";
import { StaffText } from "../staff-text.tsx";
import { ButtonLink, Heading, Text } from "../ui/index.ts";

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
      className="rounded-lg border-2 border-action bg-info-soft p-4"
    >
      <Heading level={2} size="subheading" id="live-now">
        {t("liveNow.heading")}
      </Heading>
      <ul className="mt-2 space-y-3">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <p className="font-medium">
                <StaffText>{s.title}</StaffText>
              </p>
              <Text tone="muted" size="small">
                {showWorkGroup ? (
                  <>
                    <StaffText>{s.workGroupName}</StaffText>
                    {" · "}
                  </>
                ) : null}
                {formatSessionTime(s.startsAt, s.timeZone, i18n.language)}
              </Text>
            </div>
            <ButtonLink href={s.boardPath} variant="primary">
              {t("liveNow.go")}
              <span className="sr-only">{` ${t("liveNow.in", { session: s.title })}`}</span>
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
