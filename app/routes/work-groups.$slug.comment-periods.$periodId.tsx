import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  TextareaField,
  useZodForm,
} from "../components/forms.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  extendCommentPeriod,
  getCommentPeriod,
  setCommentPeriodPublished,
  setShowComments,
} from "../modules/comment-period/comment-period.server.ts";
import { getCommentReview } from "../modules/comment-period/moderation.server.ts";
import { extensionSchema } from "../modules/comment-period/schema.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, http } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.period.title ?? "Comment period"} · Convene` },
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
      return json({ intent, reply: submission.reply(), message: null }, { status: 400 });
    const done = await attempt(() =>
      extendCommentPeriod(context, access, periodId, submission.value),
    );
    if (!done.ok)
      return json(
        {
          intent,
          reply: submission.reply({ formErrors: [done.message] }),
          message: null,
        },
        { status: done.status },
      );
    return json({
      intent,
      reply: submission.reply({ resetForm: true }),
      message: "Extended: the notice is on the public page.",
    });
  }
  throw http(400, "We did not understand that request.");
}

/** One comment period for staff: its state and window, and the comments to moderate. */
export default function CommentPeriodPage() {
  const { t } = useTranslation();
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
        <h1 className="text-2xl font-semibold">{period.title}</h1>
        <p className="mt-1">
          {period.state === "open" ? "Open" : period.state === "scheduled" ? "Scheduled" : "Closed"}
          : {formatSessionTime(period.opensAt, period.timeZone)} to{" "}
          {formatSessionTime(period.closesAt, period.timeZone)}. {period.sections.length} sections,{" "}
          {period.hearings.length} hearings and webinars.
        </p>
        <p>
          <Link to="hearings" relative="path" className="underline">
            Hearings and webinars
          </Link>
        </p>
        {period.publishedAt ? (
          <p>
            Public page:{" "}
            <Link to={publicPath} className="underline">
              {publicPath}
            </Link>
          </p>
        ) : (
          <p>Not published: the public cannot see it yet.</p>
        )}
        {result?.message ? (
          <p role="status" className="mt-2 rounded-md border border-green-300 bg-green-50 p-2">
            {result.message}
          </p>
        ) : null}
      </div>

      {canManage ? (
        <section aria-labelledby="publishing" className="flex flex-wrap gap-4">
          <h2 id="publishing" className="sr-only">
            Publishing
          </h2>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="on" value={period.publishedAt ? "no" : "yes"} />
            <Button variant={period.publishedAt ? "secondary" : "primary"}>
              {period.publishedAt ? "Withdraw from the public site" : "Publish on the public site"}
            </Button>
          </Form>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="show-comments" />
            <input type="hidden" name="on" value={period.showComments ? "no" : "yes"} />
            <Button variant="secondary">
              {period.showComments
                ? "Stop showing published comments"
                : "Show published comments publicly"}
            </Button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="volume">
        <h2 id="volume" className="text-xl font-semibold">
          What came in
        </h2>
        <p className="mt-1">
          {review.counts.total} comments: {review.counts.unique} unique and{" "}
          {review.counts.inCampaigns} in {review.campaignCount} campaigns of identical or
          near-identical text. {review.counts.pending} pending moderation, {review.counts.flagged}{" "}
          flagged.
        </p>
        <p className="mt-3 flex flex-wrap items-center gap-4">
          <Link
            to="comments?state=pending"
            relative="path"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
          >
            {t("staffPeriod.moderate")}
          </Link>
          <span>
            {t("staffPeriod.queueSummary", {
              pending: review.counts.pending,
              total: review.counts.total,
            })}
          </span>
        </p>
        <p className="mt-3 flex flex-wrap gap-4">
          <a
            href={`/work-groups/${slug}/comment-periods/${period.id}/export/csv`}
            className="underline"
          >
            Download all comments (CSV)
          </a>
          <a
            href={`/work-groups/${slug}/comment-periods/${period.id}/export/json`}
            className="underline"
          >
            Download all comments (JSON)
          </a>
          <Link to="analysis" relative="path" className="underline">
            Analysis and response: themes, counts, the response to comments
          </Link>
        </p>
        {review.campaigns.length ? (
          <ul className="mt-2 space-y-2">
            {review.campaigns.map((campaign) => (
              <li key={campaign.id} className="rounded-md border border-slate-300 p-2">
                <p className="font-medium">
                  <Link
                    to={`comments?campaign=${encodeURIComponent(campaign.id)}`}
                    relative="path"
                    className="underline"
                  >
                    {campaign.count} copies, for example {campaign.trackingNumber}
                  </Link>
                  :
                </p>
                <p className="line-clamp-3 whitespace-pre-line">{campaign.opening}</p>
              </li>
            ))}
          </ul>
        ) : null}
        {review.sharedAddresses.length ? (
          <div role="note" className="mt-2 rounded-md border border-amber-400 bg-amber-50 p-2">
            <p className="font-medium">One address behind several names:</p>
            <ul className="list-disc pl-6">
              {review.sharedAddresses.map((shared) => (
                <li key={shared.email}>
                  <Link
                    to={`comments?q=${encodeURIComponent(shared.email)}`}
                    relative="path"
                    className="underline"
                  >
                    {shared.email}
                  </Link>
                  : {shared.names} names
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {review.log.length ? (
          <details className="mt-3">
            <summary className="cursor-pointer font-medium">Moderation log (latest 50)</summary>
            <ul className="mt-1 space-y-1">
              {review.log.map((entry) => (
                <li key={entry.id}>
                  {new Date(entry.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC ·{" "}
                  {entry.moderator?.name ?? "someone"} moved {entry.comment.trackingNumber} from{" "}
                  {entry.fromState} to {entry.toState}
                  {entry.reason ? `: ${entry.reason}` : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {canManage ? (
        <section aria-labelledby="extend" className="max-w-xl">
          <h2 id="extend" className="text-xl font-semibold">
            Extend the period
          </h2>
          <Form method="post" className="mt-2 space-y-3" {...getFormProps(extendForm)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="extend" />
            <FormError errors={extendForm.errors} id={extendForm.errorId} />
            <Field
              label={`New close (${period.timeZone})`}
              type="datetime-local"
              field={extendFields.closesAt}
            />
            <TextareaField label="Public notice" field={extendFields.notice} />
            <Button>Extend and post the notice</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
