import {
  ACCOMMODATION_NAMES,
  LANGUAGE_NAMES,
  type RequestCount,
  type Speaker,
} from "../../modules/hearing/registration.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { formatSessionTime } from "../../modules/session/time.ts";
import { STAFF } from "../staff-text.tsx";
import { Heading, Tag, Text, TextLink } from "../ui/index.ts";

const intlOf = (language: string) => (language === "es" ? "es-US" : "en-US");

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * A language of the interpreter list in the page's language ("Spanish", "español"); one a
 * person wrote in stays as they wrote it.
 */
export function useLanguageName() {
  const { language } = usePageT();
  return (name: string) => {
    if (language === "en") return name;
    const code = Object.entries(LANGUAGE_NAMES).find(([, english]) => english === name)?.[0];
    if (!code) return name;
    let names = displayNames.get(language);
    if (!names) {
      names = new Intl.DisplayNames([intlOf(language)], { type: "language" });
      displayNames.set(language, names);
    }
    return names.of(code) ?? name;
  };
}

/** An accommodation of the list in the page's language ("captioning", "subtítulos"). */
export function useAccommodationName() {
  const { t } = usePageT();
  return (name: string) => {
    const code = Object.entries(ACCOMMODATION_NAMES).find(([, english]) => english === name)?.[0];
    return code ? t(`staffHearing.accommodation.${code}`) : name;
  };
}

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
  const { t } = usePageT();
  const languageName = useLanguageName();
  const accommodationName = useAccommodationName();
  const none = interpreters.length === 0 && accommodations.length === 0 && other.length === 0;
  // The count is bold: the message is split where it goes.
  const asking = (count: number, said: string) => {
    const [before = "", after = ""] = said.split(STAFF);
    return (
      <>
        {before}
        <span className="font-semibold">{t("staffHearing.asksFor", { count })}</span>
        {after}
      </>
    );
  };
  return (
    <section aria-labelledby="to-arrange">
      <Heading level={2} id="to-arrange">
        {t("staffHearing.toArrange")}
      </Heading>
      <Text tone="muted" className="mt-1">
        {t("staffHearing.toArrangeHint")}
      </Text>
      {none ? (
        <p className="mt-2">{t("staffHearing.nothingAsked")}</p>
      ) : (
        <>
          <ul className="mt-2 space-y-1">
            {interpreters.map((entry) => (
              <li key={`interpreter-${entry.what}`}>
                {asking(
                  entry.count,
                  t("staffHearing.asksInterpreter", {
                    asks: STAFF,
                    language: languageName(entry.what),
                  }),
                )}
              </li>
            ))}
            {accommodations.map((entry) => (
              <li key={`accommodation-${entry.what}`}>
                {asking(
                  entry.count,
                  t("staffHearing.asksAccommodation", {
                    asks: STAFF,
                    what: accommodationName(entry.what),
                  }),
                )}
              </li>
            ))}
          </ul>
          {other.length ? (
            <>
              <Heading level={3} size="minor" className="mt-3">
                {t("staffHearing.ownWords")}
              </Heading>
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
  const { t, language } = usePageT();
  const count = new Intl.NumberFormat(intlOf(language));
  return (
    <section aria-labelledby="speakers">
      <Heading level={2} id="speakers">
        {t("staffHearing.speakers")}
      </Heading>
      <p className="mt-1">
        {t("staffHearing.speakersHint")} <TextLink href={`${exportPath}/csv`}>CSV</TextLink>{" "}
        {t("staffHearing.or")} <TextLink href={`${exportPath}/json`}>JSON</TextLink>.
      </p>
      {speakers.length === 0 ? (
        <p className="mt-2">{t("staffHearing.noSpeakers")}</p>
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
                    <Tag tone="warning" className="ml-2">
                      {t("staffHearing.waitlisted")}
                    </Tag>
                  ) : null}
                </div>
                {speaker.topic ? (
                  <div>{t("staffHearing.speakerTopic", { topic: speaker.topic })}</div>
                ) : null}
                <Text as="div" tone="muted" size="small">
                  {t("staffHearing.registeredAt", {
                    when: formatSessionTime(speaker.createdAt, timeZone, intlOf(language)),
                  })}
                </Text>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
