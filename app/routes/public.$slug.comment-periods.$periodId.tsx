import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { type ShouldRevalidateFunction, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentForm } from "../components/comment-period/comment-form.tsx";
import { PeriodStatus } from "../components/comment-period/period-status.tsx";
import { SectionBody } from "../components/comment-period/section-body.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { ButtonLink, Card, Heading, Notice, Text, TextLink } from "../components/ui/index.ts";
import { WrittenText } from "../components/written-text.tsx";
import { getPublicCommentPeriod } from "../modules/comment-period/comment-period.server.ts";
import { submitCommentForm } from "../modules/comment-period/intake.server.ts";
import { formatDate, formatInZone } from "../modules/i18n/i18n.ts";
import { type StaffTextShown, staffTextIn } from "../modules/i18n/staff-text.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { http } from "../utils/http.server.ts";
import { clientAddress } from "../utils/request.server.ts";

export async function loader({ params, context }: LoaderFunctionArgs) {
  return json(await getPublicCommentPeriod(context, params.slug ?? "", params.periodId ?? ""), {
    // The page carries a fresh form token: never shared from a cache.
    headers: { "Cache-Control": "private, no-store" },
  });
}

/**
 * The feedback form posts here. Without JavaScript this action answers with the page (and
 * the receipt); the page's script is answered by server/comment-intake-route.ts before
 * Remix. Both call submitCommentForm. No account and no cookie: the form's signed token
 * stands in for both (form-token.server.ts).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw http(400, "That request could not be read as a form.");
  }
  const answer = await submitCommentForm(context, {
    slug: params.slug ?? "",
    periodId: params.periodId ?? "",
    form,
    clientKey: clientAddress(request),
  });
  return json(answer.body, { status: answer.status, headers: answer.headers });
}

/** A submitted comment changes nothing else on the page: no need to reload it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod === "POST" ? false : defaultShouldRevalidate);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.period.title },
        {
          name: "description",
          content:
            `${data.period.title}: ${data.period.sections.map((s) => s.heading).join(", ")}`.slice(
              0,
              160,
            ),
        },
      ]
    : [];

/** A draft out for public comment: dates, how to comment, the draft, hearings and the form. */
export default function PublicCommentPeriod() {
  const { period, slug, choices, comments, token, response } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePublicLocale();
  const opens = formatInZone(locale, period.opensAt, period.timeZone);
  const closes = formatInZone(locale, period.closesAt, period.timeZone);
  const title = staffTextIn(locale, period.title, period.titleEs);
  const instructions = staffTextIn(locale, period.instructions, period.instructionsEs);
  const policy = staffTextIn(locale, period.moderationPolicy, period.moderationPolicyEs);
  const marked = (shown: StaffTextShown) => (shown.lang === locale ? undefined : shown.lang);
  // Spanish pages read the Spanish draft where staff gave it, section for section.
  const sections = period.sections.map((s) => {
    // A section's heading and text come from one draft: both Spanish, or both English.
    const spanish = locale === "es" && s.headingEs !== null;
    const shown = (text: string, lang: StaffTextShown["lang"]): StaffTextShown => ({ text, lang });
    return {
      number: s.number,
      heading: spanish ? shown(s.headingEs ?? "", "es") : shown(s.heading, "en"),
      body: spanish ? shown(s.bodyEs ?? "", "es") : shown(s.body, "en"),
    };
  });
  const sectionHeading = new Map(sections.map((s) => [String(s.number), s.heading.text]));
  return (
    <div className="space-y-8">
      <div>
        <Heading level={1} lang={marked(title)}>
          {title.text}
        </Heading>
        <p className="mt-2 text-subheading font-medium">
          <PeriodStatus period={period} />
        </p>
        <Text tone="muted">{t("period.dates", { opens, closes })}</Text>
        {period.state === "open" ? (
          // The invitation first: the form sits under the whole draft, far down a phone.
          <p className="mt-3">
            <ButtonLink href="#comment-form" variant="primary">
              {t("period.invite")}
            </ButtonLink>
          </p>
        ) : null}
        {response ? (
          <Notice as="p" tone="info" className="mt-2 font-medium">
            {t("period.responsePublished")}{" "}
            <TextLink to={`/public/${slug}/publications/${response.id}`}>{response.title}</TextLink>
          </Notice>
        ) : null}
      </div>

      {period.notices.length ? (
        <Notice as="section" tone="warning" aria-labelledby="notices">
          <Heading level={2} id="notices">
            {t("period.notices")}
          </Heading>
          <ul className="mt-2 space-y-2">
            {period.notices.map((notice) => (
              <li key={notice.id}>
                <span className="font-medium">{formatDate(locale, notice.createdAt)}: </span>
                {notice.text}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      {period.instructions ? (
        <section aria-labelledby="how-to">
          <Heading level={2} id="how-to">
            {t("period.howTo")}
          </Heading>
          <SectionBody body={instructions.text} lang={marked(instructions)} />
        </section>
      ) : null}

      <section aria-labelledby="hearings">
        <Heading level={2} id="hearings">
          {t("period.hearings")}
        </Heading>
        {period.hearings.length === 0 ? (
          <p className="mt-2">{t("period.noHearings")}</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {period.hearings.map((hearing) => (
              <Card as="li" compact key={hearing.id}>
                <p className="font-medium">
                  {t(`hearing.kind.${hearing.kind as "hearing"}`)}:{" "}
                  <StaffText es={hearing.titleEs}>{hearing.title}</StaffText>
                </p>
                <p>{formatInZone(locale, hearing.startsAt, hearing.timeZone)}</p>
                {hearing.place ? (
                  <p>
                    <StaffText es={hearing.placeEs}>{hearing.place}</StaffText>
                  </p>
                ) : null}
                {hearing.link ? (
                  <p>
                    <TextLink href={hearing.link}>
                      {t("hearing.join")}
                      <span className="sr-only">: {hearing.title}</span>
                    </TextLink>
                  </p>
                ) : null}
                <p className="mt-1 flex flex-wrap gap-x-4">
                  <TextLink
                    to={`/public/${slug}/comment-periods/${period.id}/hearings/${hearing.id}`}
                    className="font-medium"
                  >
                    {t("hearing.register")}
                    <span className="sr-only">: {hearing.title}</span>
                  </TextLink>
                  <TextLink
                    href={`/public/${slug}/comment-periods/${period.id}/hearings/${hearing.id}/calendar.ics`}
                  >
                    {t("hearing.calendar")}
                    <span className="sr-only">: {hearing.title}</span>
                  </TextLink>
                </p>
              </Card>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="draft">
        <Heading level={2} id="draft">
          {t("period.draft")}
        </Heading>
        <div className="mt-2 space-y-6">
          {sections.map((section) => (
            <section key={section.number} aria-labelledby={`section-${section.number}`}>
              <Heading level={3} id={`section-${section.number}`}>
                <StaffIn
                  said={t("period.sectionHeading", { number: section.number, heading: STAFF })}
                  staff={section.heading.text}
                  es={section.heading.lang === "es" ? section.heading.text : null}
                />
              </Heading>
              <SectionBody body={section.body.text} lang={marked(section.body)} />
            </section>
          ))}
        </div>
      </section>

      {period.moderationPolicy ? (
        <section aria-labelledby="policy">
          <Heading level={2} id="policy">
            {t("period.policy")}
          </Heading>
          <SectionBody body={policy.text} lang={marked(policy)} />
        </section>
      ) : null}

      <CommentForm
        period={{
          ...period,
          sections: sections.map((s) => ({ number: s.number, heading: s.heading.text })),
        }}
        choices={choices}
        token={token}
        opens={opens}
        closes={closes}
      />

      {period.showComments ? (
        <section aria-labelledby="comments">
          <Heading level={2} id="comments">
            {t("period.comments")}
          </Heading>
          {comments.length === 0 ? (
            <p className="mt-2">{t("period.noComments")}</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {comments.map((comment) => (
                <Card as="li" compact key={comment.id}>
                  <Text tone="muted" size="small">
                    {formatDate(locale, comment.receivedAt)} · {comment.stakeholderGroup} ·{" "}
                    {comment.sections
                      ? t("period.aboutSections", {
                          sections: comment.sections
                            .split(" ")
                            .map((n) => `${n} (${sectionHeading.get(n) ?? ""})`)
                            .join(", "),
                        })
                      : t("period.aboutGeneral")}
                  </Text>
                  <p className="mt-1 whitespace-pre-line">
                    <WrittenText text={comment.body} lang={comment.language} />
                  </p>
                  {comment.attachments.length ? (
                    <ul className="mt-1 text-small">
                      {comment.attachments.map((file) => (
                        <li key={file.position}>
                          <TextLink
                            standalone
                            href={`/public/${slug}/comment-periods/${period.id}/comments/${comment.trackingNumber}/files/${file.position}`}
                            download
                          >
                            {t("period.file", { name: file.name, type: file.type.toUpperCase() })}
                          </TextLink>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Card>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
