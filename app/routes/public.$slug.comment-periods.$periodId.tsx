import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, type ShouldRevalidateFunction, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentForm } from "../components/comment-period/comment-form.tsx";
import { PeriodStatus } from "../components/comment-period/period-status.tsx";
import { SectionBody } from "../components/comment-period/section-body.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
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
        <h1 className="text-3xl font-bold" lang={marked(title)}>
          {title.text}
        </h1>
        <p className="mt-2 text-lg font-medium">
          <PeriodStatus period={period} />
        </p>
        <p className="text-slate-700">{t("period.dates", { opens, closes })}</p>
        {period.state === "open" ? (
          // The invitation first: the form sits under the whole draft, far down a phone.
          <p className="mt-3">
            <a
              href="#comment-form"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
            >
              {t("period.invite")}
            </a>
          </p>
        ) : null}
        {response ? (
          <p className="mt-2 rounded-md border border-brand-700 bg-white p-3 font-medium">
            {t("period.responsePublished")}{" "}
            <Link to={`/public/${slug}/publications/${response.id}`} className="underline">
              {response.title}
            </Link>
          </p>
        ) : null}
      </div>

      {period.notices.length ? (
        <section
          aria-labelledby="notices"
          className="rounded-md border border-amber-400 bg-amber-50 p-4"
        >
          <h2 id="notices" className="text-xl font-semibold">
            {t("period.notices")}
          </h2>
          <ul className="mt-2 space-y-2">
            {period.notices.map((notice) => (
              <li key={notice.id}>
                <span className="font-medium">{formatDate(locale, notice.createdAt)}: </span>
                {notice.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {period.instructions ? (
        <section aria-labelledby="how-to">
          <h2 id="how-to" className="text-xl font-semibold">
            {t("period.howTo")}
          </h2>
          <SectionBody body={instructions.text} lang={marked(instructions)} />
        </section>
      ) : null}

      <section aria-labelledby="hearings">
        <h2 id="hearings" className="text-xl font-semibold">
          {t("period.hearings")}
        </h2>
        {period.hearings.length === 0 ? (
          <p className="mt-2">{t("period.noHearings")}</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {period.hearings.map((hearing) => (
              <li key={hearing.id} className="rounded-md border border-slate-300 p-3">
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
                    <a href={hearing.link} className="underline">
                      {t("hearing.join")}
                      <span className="sr-only">: {hearing.title}</span>
                    </a>
                  </p>
                ) : null}
                <p className="mt-1 flex flex-wrap gap-x-4">
                  <Link
                    to={`/public/${slug}/comment-periods/${period.id}/hearings/${hearing.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {t("hearing.register")}
                    <span className="sr-only">: {hearing.title}</span>
                  </Link>
                  <a
                    href={`/public/${slug}/comment-periods/${period.id}/hearings/${hearing.id}/calendar.ics`}
                    className="text-brand-700 underline"
                  >
                    {t("hearing.calendar")}
                    <span className="sr-only">: {hearing.title}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="draft">
        <h2 id="draft" className="text-xl font-semibold">
          {t("period.draft")}
        </h2>
        <div className="mt-2 space-y-6">
          {sections.map((section) => (
            <section key={section.number} aria-labelledby={`section-${section.number}`}>
              <h3 id={`section-${section.number}`} className="text-lg font-semibold">
                <StaffIn
                  said={t("period.sectionHeading", { number: section.number, heading: STAFF })}
                  staff={section.heading.text}
                  es={section.heading.lang === "es" ? section.heading.text : null}
                />
              </h3>
              <SectionBody body={section.body.text} lang={marked(section.body)} />
            </section>
          ))}
        </div>
      </section>

      {period.moderationPolicy ? (
        <section aria-labelledby="policy">
          <h2 id="policy" className="text-xl font-semibold">
            {t("period.policy")}
          </h2>
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
          <h2 id="comments" className="text-xl font-semibold">
            {t("period.comments")}
          </h2>
          {comments.length === 0 ? (
            <p className="mt-2">{t("period.noComments")}</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {comments.map((comment) => (
                <li key={comment.id} className="rounded-md border border-slate-300 p-3">
                  <p className="text-sm text-slate-700">
                    {formatDate(locale, comment.receivedAt)} · {comment.stakeholderGroup} ·{" "}
                    {comment.sections
                      ? t("period.aboutSections", {
                          sections: comment.sections
                            .split(" ")
                            .map((n) => `${n} (${sectionHeading.get(n) ?? ""})`)
                            .join(", "),
                        })
                      : t("period.aboutGeneral")}
                  </p>
                  <p className="mt-1 whitespace-pre-line">
                    <WrittenText text={comment.body} lang={comment.language} />
                  </p>
                  {comment.attachments.length ? (
                    <ul className="mt-1 text-sm">
                      {comment.attachments.map((file) => (
                        <li key={file.position}>
                          <a
                            href={`/public/${slug}/comment-periods/${period.id}/comments/${comment.trackingNumber}/files/${file.position}`}
                            download
                            className="inline-flex min-h-11 items-center underline"
                          >
                            {t("period.file", { name: file.name, type: file.type.toUpperCase() })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
