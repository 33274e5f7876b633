import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, FormError, TextareaField, useZodForm } from "../components/forms.tsx";
import { CompareForm } from "../components/improvement-plan/compare-form.tsx";
import { PlanHeader } from "../components/improvement-plan/plan-header.tsx";
import { StaffText } from "../components/staff-text.tsx";
import { Card, cardClass, cx, Heading, Notice, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { planFormats } from "../modules/improvement-plan/format.ts";
import { getReviewHub } from "../modules/improvement-plan/review.server.ts";
import { reviseSchema } from "../modules/improvement-plan/review-schema.ts";
import { revisePlan } from "../modules/improvement-plan/versions.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "planReview.hubTitle", { name: data.plan.name })
      : titleIn(matches, "planReview.hubTitleShort"),
  },
];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const hub = await getReviewHub(context, access, params.planId ?? "");
  return json({ ...hub, slug: access.workGroup.slug });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "plan:edit");
  const form = await readForm(context, request);
  const submission = parseSubmission(form, reviseSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { number } = await revisePlan(
    context,
    user,
    access,
    params.planId ?? "",
    submission.value.note,
  );
  return json({ ...submission.reply({ resetForm: true }), revised: number });
}

/** Review and revise: the plan's horizon, each school year's review, and its versions. */
export default function PlanReviewHub() {
  const { plan, years, goals, versions, canEdit, slug } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const [form, fields] = useZodForm(reviseSchema, last);
  const { t, i18n } = useTranslation();
  const formats = planFormats(i18n.language);
  const planPath = `/work-groups/${slug}/plans/${plan.id}`;
  const revised = last && "revised" in last ? last.revised : null;
  return (
    <div className="space-y-8">
      <PlanHeader
        plan={plan}
        backTo={planPath}
        heading={t("planReview.hubHeading")}
        intro={t("planReview.hubIntro")}
      />

      <section aria-labelledby="reviews-heading" className="space-y-3">
        <Heading level={2} id="reviews-heading">
          {t("planReview.reviews")}
        </Heading>
        <Text tone="muted">{t("planReview.reviewsHint")}</Text>
        <ol className="grid gap-3 md:grid-cols-2">
          {years.map((y) => (
            <Card as="li" key={y.year}>
              <Heading level={3}>
                {y.upcoming ? (
                  t("planReview.schoolYear", { start: y.year, end: y.year + 1 })
                ) : (
                  <TextLink standalone to={`${planPath}/review/${y.year}`}>
                    {t("planReview.reviewOf", {
                      year: t("planReview.schoolYear", { start: y.year, end: y.year + 1 }),
                    })}
                  </TextLink>
                )}
              </Heading>
              <p className="text-ink">
                {y.completedAt
                  ? t("planReview.status.completed", {
                      date: formats.date(y.completedAt.slice(0, 10)),
                    })
                  : y.upcoming
                    ? t("planReview.status.upcoming")
                    : y.reviewed > 0
                      ? t("planReview.status.inProgress", { reviewed: y.reviewed, total: goals })
                      : t("planReview.status.notStarted")}
                {y.hasReport ? ` · ${t("planReview.status.hasReport")}` : ""}
              </p>
            </Card>
          ))}
        </ol>
      </section>

      <section aria-labelledby="versions-heading" className="space-y-3">
        <Heading level={2} id="versions-heading">
          {t("planReview.versions")}
        </Heading>
        <Text tone="muted">{t("planReview.versionsHint")}</Text>
        {revised ? (
          <Notice as="p" tone="success" role="status">
            {t("planReview.revised", { number: revised })}
          </Notice>
        ) : null}
        {canEdit ? (
          <Form method="post" className={cx(cardClass(), "space-y-3")} {...getFormProps(form)}>
            <CsrfInput />
            <Heading level={3}>{t("planReview.revise")}</Heading>
            <FormError errors={form.errors} id={form.errorId} />
            <TextareaField
              label={t("planReview.noteLabel")}
              hint={t("planReview.noteHint")}
              field={fields.note}
              rows={3}
            />
            <Button>
              {t("planReview.reviseButton", { number: (versions[0]?.number ?? 0) + 1 })}
            </Button>
          </Form>
        ) : null}
        {versions.length === 0 ? (
          <Card as="p">{t("planReview.noVersions")}</Card>
        ) : (
          <>
            <ol className="space-y-2">
              {versions.map((v) => (
                <Card as="li" key={v.number}>
                  <p className="font-semibold">
                    {t("planReview.versionMeta", {
                      number: v.number,
                      date: formats.date(v.createdAt.slice(0, 10)),
                      name: v.byName ?? t("planReview.someone"),
                    })}
                  </p>
                  <p className="whitespace-pre-line">
                    <StaffText>{v.note}</StaffText>
                  </p>
                </Card>
              ))}
            </ol>
            <CompareForm
              // A new version changes the choice offered: a fresh form, not the old selection.
              key={versions[0]!.number}
              versions={versions.map((v) => v.number)}
              from={versions[1]?.number ?? versions[0]!.number}
              to={versions.length > 1 ? versions[0]!.number : "current"}
              action={`${planPath}/versions/compare`}
            />
          </>
        )}
      </section>

      <section aria-labelledby="downloads-heading" className="space-y-3">
        <Heading level={2} id="downloads-heading">
          {t("planReview.downloads")}
        </Heading>
        <ul className="space-y-1">
          <li>
            <TextLink standalone href={`${planPath}/plan.docx`}>
              {t("planReview.downloadPlan")}
            </TextLink>
          </li>
          <li>
            <TextLink standalone href={`${planPath}/steps.csv`}>
              {t("planReview.downloadSteps")}
            </TextLink>
          </li>
          <li>
            <TextLink standalone href={`${planPath}/readings.csv`}>
              {t("planReview.downloadReadings")}
            </TextLink>
          </li>
        </ul>
      </section>
    </div>
  );
}
