import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BoardName } from "../components/session/board-name.tsx";
import { RatingLine, Results } from "../components/session/results.tsx";
import { StaffText } from "../components/staff-text.tsx";
import { Card, Heading, TextLink } from "../components/ui/index.ts";
import { sessionResults } from "../modules/board/ratings.server.ts";
import { themeSummaries } from "../modules/board/results.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { resultsVisible } from "../modules/session/phases.ts";
import { getSessionHeading } from "../modules/session/session.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

/** How many ideas per room the report back shows: what a whole group can take in at once. */
const TOP_IDEAS = 5;
/** And per theme. */
const TOP_PER_THEME = 3;

export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const session = await getSessionHeading(context, access, params.sessionId ?? "");
  const results = resultsVisible(session.phase) ? await sessionResults(context, session.id) : null;
  return json({
    title: session.title,
    backTo: `/work-groups/${access.workGroup.slug}/sessions/${session.id}`,
    results,
    themes: results ? themeSummaries(results, TOP_PER_THEME) : [],
  });
}

/**
 * The report back to the whole group: the themes with their best-rated ideas, then each room's
 * top-rated ideas (rated ones only: an unrated idea has no place), large enough for a projector.
 */
export default function ReportBack() {
  const { title, backTo, results, themes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8 text-heading">
      <Heading level={1}>
        {t("reportBack.heading")} <StaffText>{title}</StaffText>
      </Heading>
      {!results ? <p>{t("reportBack.notYet")}</p> : null}
      {themes.length > 0 ? (
        <section aria-labelledby="themes" className="space-y-4">
          <Heading level={2} size="title" id="themes">
            {t("reportBack.themes")}
          </Heading>
          <ol className="space-y-4">
            {themes.map((theme) => (
              <Card as="li" key={theme.id}>
                <Heading level={3} size="minor">
                  <StaffText>{theme.label}</StaffText>
                </Heading>
                <p className="text-body text-muted">
                  {t("reportBack.themeIdeas", { count: theme.ideaCount })}
                </p>
                {theme.top.length > 0 ? (
                  <ol className="mt-2 list-decimal space-y-2 pl-6">
                    {theme.top.map((idea) => (
                      <li key={idea.id} className="break-words">
                        <span className="whitespace-pre-wrap">{idea.text}</span>
                        <span className="block text-body text-muted">
                          <BoardName title={idea.board.title} wholeGroup={idea.board.wholeGroup} />
                        </span>
                        <RatingLine idea={{ ...idea, theme: null }} />
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="text-body">{t("reportBack.themeUnrated")}</p>
                )}
              </Card>
            ))}
          </ol>
        </section>
      ) : null}
      {results ? (
        <section aria-labelledby="rooms" className="space-y-4">
          <Heading level={2} size="title" id="rooms">
            {t("reportBack.rooms", { count: TOP_IDEAS })}
          </Heading>
          <Results boards={results} top={TOP_IDEAS} />
        </section>
      ) : null}
      <p className="text-body">
        <TextLink href={backTo}>{t("reportBack.back")}</TextLink>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: titleIn(matches, "reportBack.heading") },
];
