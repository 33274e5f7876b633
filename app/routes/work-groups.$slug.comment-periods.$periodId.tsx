import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  TextareaField,
  useZodForm,
} from "../components/forms.tsx";
import { StaffText } from "../components/staff-text.tsx";
import {
  ButtonLink,
  Card,
  Heading,
  Notice,
  summaryClass,
  TextLink,
} from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  extendCommentPeriod,
  getCommentPeriod,
  setCommentPeriodPublished,
  setShowComments,
} from "../modules/comment-period/comment-period.server.ts";
import { getCommentReview } from "../modules/comment-period/moderation.server.ts";
import { extensionSchema } from "../modules/comment-period/schema.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated, useAppLocale, usePageT } from "../modules/i18n/use-locale.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, refuse, say, sayRefusal, sayReply } from "../utils/http.server.ts";

export const handle = translated;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data?.period.title
    ? { title: `${data.period.title} · Convene` }
    : { title: titleIn(matches, "staffPeriod.title") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const periodId = params.periodId ?? "";
  const [period, review] = await Promise.all([
    getCommentPeriod(context, access, periodId),
    getCommentReview(context, access, periodId),
  ]);
  return json({
    slug: access.workGroup.slug,
    period,
    review,
    canManage: can(access.role, "comment-period:manage"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const periodId = params.periodId ?? "";
  const form = await readForm(context, request);
  const locale = await signedInLocale(context, request);
  const intent = form.get("intent");
  if (intent === "publish" || intent === "show-comments") {
    const on = form.get("on") === "yes";
    if (intent === "publish") await setCommentPeriodPublished(context, access, periodId, on);
    else await setShowComments(context, access, periodId, on);
    return json({ intent, reply: null, message: null });
  }
  if (intent === "extend") {
    const submission = parseSubmission(form, extensionSchema);
    if (submission.status !== "success")
      return json(
        { intent, reply: sayReply(locale, submission.reply()), message: null },
        { status: 400 },
      );
    const done = await attempt(() =>
      extendCommentPeriod(context, access, periodId, submission.value),
    );
    if (!done.ok)
      return json(
        {
          intent,
          reply: submission.reply({ formErrors: [sayRefusal(locale, done)] }),
          message: null,
        },
        { status: done.status },
      );
    return json({
      intent,
      reply: submission.reply({ resetForm: true }),
      message: say(locale, "staffPeriod.extended"),
    });
  }
  throw refuse(400, "staffPeriod.errors.request");
}

/** One comment period for staff: its state and window, and the comments to moderate. */
export default function CommentPeriodPage() {
  const { t } = usePageT();
  const locale = useAppLocale();
  const intl = locale === "es" ? "es-US" : "en-US";
  const { slug, period, review, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [extendForm, extendFields] = useZodForm(
    extensionSchema,
    result?.intent === "extend" ? result.reply : null,
  );
  const publicPath = `/public/${slug}/comment-periods/${period.id}`;
  return (
    <div className="space-y-8">
      <div>
        <Heading level={1}>
          <StaffText es={period.titleEs}>{period.title}</StaffText>
        </Heading>
        <p className="mt-1">
          {t("staffPeriod.window", {
            state: t(`staffPeriod.state.${period.state}`),
            opens: formatSessionTime(period.opensAt, period.timeZone, intl),
            closes: formatSessionTime(period.closesAt, period.timeZone, intl),
          })}{" "}
          {t("staffPeriod.contents", {
            sections: t("staffPeriod.sections", { count: period.sections.length }),
            hearings: t("staffPeriod.hearingCount", { count: period.hearings.length }),
          })}
        </p>
        <p>
          <TextLink to="hearings" relative="path">
            {t("staffPeriod.hearings")}
          </TextLink>
        </p>
        {period.publishedAt ? (
          <p>
            {t("staffPeriod.publicPage")}{" "}
            <TextLink to={publicPath} className="break-all">
              {publicPath}
            </TextLink>
          </p>
        ) : (
          <p>{t("staffPeriod.notPublished")}</p>
        )}
        {result?.message ? (
          <Notice as="p" tone="success" role="status" className="mt-2">
            {result.message}
          </Notice>
        ) : null}
      </div>

      {canManage ? (
        <section aria-labelledby="publishing" className="flex flex-wrap gap-4">
          <h2 id="publishing" className="sr-only">
            {t("staffPeriod.publishing")}
          </h2>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="on" value={period.publishedAt ? "no" : "yes"} />
            <Button variant={period.publishedAt ? "secondary" : "primary"}>
              {period.publishedAt ? t("staffPeriod.withdraw") : t("staffPeriod.publish")}
            </Button>
          </Form>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="show-comments" />
            <input type="hidden" name="on" value={period.showComments ? "no" : "yes"} />
            <Button variant="secondary">
              {period.showComments ? t("staffPeriod.hideComments") : t("staffPeriod.showComments")}
            </Button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="volume">
        <Heading level={2} id="volume">
          {t("staffPeriod.volume")}
        </Heading>
        <p className="mt-1">
          {t("staffPeriod.volumeCounts", {
            comments: t("staffPeriod.comments", { count: review.counts.total }),
            unique: review.counts.unique,
            inCampaigns: review.counts.inCampaigns,
            campaigns: t("staffPeriod.campaigns", { count: review.campaignCount }),
            pending: review.counts.pending,
            flagged: review.counts.flagged,
          })}
        </p>
        <p className="mt-3 flex flex-wrap items-center gap-4">
          <ButtonLink
            variant="primary"
            to="comments?state=pending"
            relative="path"
            className="inline-flex items-center"
          >
            {t("staffPeriod.moderate")}
          </ButtonLink>
          <span>
            {t("staffPeriod.queueSummary", {
              pending: review.counts.pending,
              total: review.counts.total,
            })}
          </span>
        </p>
        <p className="mt-3 flex flex-wrap gap-4">
          <TextLink href={`/work-groups/${slug}/comment-periods/${period.id}/export/csv`}>
            {t("staffPeriod.downloadCsv")}
          </TextLink>
          <TextLink href={`/work-groups/${slug}/comment-periods/${period.id}/export/json`}>
            {t("staffPeriod.downloadJson")}
          </TextLink>
          <TextLink to="analysis" relative="path">
            {t("staffPeriod.analysisLink")}
          </TextLink>
        </p>
        {review.campaigns.length ? (
          <ul className="mt-2 space-y-2">
            {review.campaigns.map((campaign) => (
              <Card as="li" key={campaign.id} compact>
                <p className="font-medium">
                  <TextLink
                    to={`comments?campaign=${encodeURIComponent(campaign.id)}`}
                    relative="path"
                  >
                    {t("staffPeriod.campaignCopies", {
                      count: campaign.count,
                      tracking: campaign.trackingNumber,
                    })}
                  </TextLink>
                  :
                </p>
                <p className="line-clamp-3 whitespace-pre-line">{campaign.opening}</p>
              </Card>
            ))}
          </ul>
        ) : null}
        {review.sharedAddresses.length ? (
          <Notice tone="warning" role="note" className="mt-2">
            <p className="font-medium">{t("staffPeriod.sharedAddresses")}</p>
            <ul className="list-disc pl-6">
              {review.sharedAddresses.map((shared) => (
                <li key={shared.email}>
                  <TextLink to={`comments?q=${encodeURIComponent(shared.email)}`} relative="path">
                    {shared.email}
                  </TextLink>
                  : {t("staffPeriod.names", { count: shared.names })}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {review.log.length ? (
          <details className="mt-3">
            <summary className={summaryClass("label")}>
              {t("staffPeriod.log", { count: 50 })}
            </summary>
            <ul className="mt-1 space-y-1">
              {review.log.map((entry) => (
                <li key={entry.id}>
                  {new Date(entry.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC ·{" "}
                  {t("staffPeriod.logEntry", {
                    name: entry.moderator?.name ?? t("staffPeriod.someone"),
                    tracking: entry.comment.trackingNumber,
                    from: t(`moderation.states.${entry.fromState as "pending"}`).toLowerCase(),
                    to: t(`moderation.states.${entry.toState as "pending"}`).toLowerCase(),
                  })}
                  {entry.reason ? `: ${entry.reason}` : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {canManage ? (
        <section aria-labelledby="extend" className="max-w-xl">
          <Heading level={2} id="extend">
            {t("staffPeriod.extend")}
          </Heading>
          <Form method="post" className="mt-2 space-y-3" {...getFormProps(extendForm)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="extend" />
            <FormError errors={extendForm.errors} id={extendForm.errorId} />
            <Field
              label={t("staffPeriod.newClose", { zone: period.timeZone })}
              type="datetime-local"
              field={extendFields.closesAt}
            />
            <TextareaField label={t("staffPeriod.notice")} field={extendFields.notice} />
            <Button>{t("staffPeriod.extendButton")}</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
