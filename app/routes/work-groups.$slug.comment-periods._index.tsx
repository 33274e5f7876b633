import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, TextareaField, useZodForm } from "../components/forms.tsx";
import { StaffText } from "../components/staff-text.tsx";
import { Heading, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  createCommentPeriod,
  listCommentPeriods,
  replaceDraft,
} from "../modules/comment-period/comment-period.server.ts";
import { newPeriodSchema } from "../modules/comment-period/schema.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated, useAppLocale, usePageT } from "../modules/i18n/use-locale.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { sayReply } from "../utils/http.server.ts";

export const handle = translated;

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "staffPeriod.listTitle") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  return json({
    slug: access.workGroup.slug,
    periods: await listCommentPeriods(context, access),
    canManage: can(access.role, "comment-period:manage"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment-period:manage");
  const submission = parseSubmission(await readForm(context, request), newPeriodSchema);
  if (submission.status !== "success")
    return json(sayReply(await signedInLocale(context, request), submission.reply()), {
      status: 400,
    });
  const { draft, draftEs, ...fields } = submission.value;
  const period = await createCommentPeriod(context, access, fields);
  await replaceDraft(context, access, period.id, draft, draftEs);
  return redirect(`/work-groups/${access.workGroup.slug}/comment-periods/${period.id}`);
}

/** The work group's comment periods, and a form to open a new draft for comment. */
export default function CommentPeriods() {
  const { slug, periods, canManage } = useLoaderData<typeof loader>();
  const { t } = usePageT();
  const locale = useAppLocale();
  const intl = locale === "es" ? "es-US" : "en-US";
  const [form, fields] = useZodForm(newPeriodSchema, useActionData<typeof action>(), {
    defaultValue: { timeZone: "America/Chicago" },
  });
  return (
    <div className="space-y-8">
      <section aria-labelledby="periods">
        <Heading level={1} id="periods">
          {t("staffPeriod.listTitle")}
        </Heading>
        {periods.length === 0 ? (
          <p className="mt-2">{t("staffPeriod.noneYet")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {periods.map((period) => (
              <li key={period.id}>
                <TextLink
                  to={`/work-groups/${slug}/comment-periods/${period.id}`}
                  className="font-medium"
                >
                  <StaffText es={period.titleEs}>{period.title}</StaffText>
                </TextLink>{" "}
                <Text as="span" tone="muted">
                  ·{" "}
                  {t("staffPeriod.listLine", {
                    state: t(`staffPeriod.state.${period.state}`).toLowerCase(),
                    comments: t("staffPeriod.comments", { count: period.comments }),
                    closes: formatSessionTime(period.closesAt, period.timeZone, intl),
                  })}
                  {period.publishedAt ? "" : ` · ${t("staffPeriod.notPublishedShort")}`}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canManage ? (
        <section aria-labelledby="new-period" className="max-w-2xl">
          <Heading level={2} id="new-period">
            {t("staffPeriod.newTitle")}
          </Heading>
          <Form method="post" className="mt-2 space-y-3" {...getFormProps(form)}>
            <CsrfInput />
            <Field label={t("staffPeriod.fields.title")} field={fields.title} />
            <Field
              label={t("staffPeriod.fields.titleEs")}
              field={fields.titleEs}
              hint={t("staffPeriod.fields.spanishHint")}
              lang="es"
            />
            <Field
              label={t("staffPeriod.fields.timeZone")}
              field={fields.timeZone}
              hint={t("staffPeriod.fields.timeZoneHint")}
            />
            <Field
              label={t("staffPeriod.fields.opensAt")}
              type="datetime-local"
              field={fields.opensAt}
            />
            <Field
              label={t("staffPeriod.fields.closesAt")}
              type="datetime-local"
              field={fields.closesAt}
              hint={t("staffPeriod.fields.closesAtHint")}
            />
            <TextareaField
              label={t("staffPeriod.fields.instructions")}
              field={fields.instructions}
            />
            <TextareaField
              label={t("staffPeriod.fields.instructionsEs")}
              field={fields.instructionsEs}
              hint={t("staffPeriod.fields.spanishHint")}
              lang="es"
            />
            <TextareaField
              label={t("staffPeriod.fields.moderationPolicy")}
              field={fields.moderationPolicy}
            />
            <TextareaField
              label={t("staffPeriod.fields.moderationPolicyEs")}
              field={fields.moderationPolicyEs}
              hint={t("staffPeriod.fields.spanishHint")}
              lang="es"
            />
            <TextareaField
              label={t("staffPeriod.fields.draft")}
              field={fields.draft}
              rows={10}
              hint={t("staffPeriod.fields.draftHint")}
            />
            <TextareaField
              label={t("staffPeriod.fields.draftEs")}
              field={fields.draftEs}
              rows={10}
              hint={t("staffPeriod.fields.draftEsHint")}
              lang="es"
            />
            <Button>{t("staffPeriod.create")}</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
