import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  SelectField,
  useZodForm,
} from "../components/forms.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { Card, cardClass, cx, Heading, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { createPlan, listPlans } from "../modules/improvement-plan/improvement-plan.server.ts";
import { newPlanSchema, PLAN_LEVELS } from "../modules/improvement-plan/schema.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "plans.title") }];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  return json({ slug: access.workGroup.slug, ...(await listPlans(context, access)) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "plan:edit");
  const form = await readForm(context, request);
  const submission = parseSubmission(form, newPlanSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createPlan(context, user, access, submission.value);
  return redirect(`/work-groups/${access.workGroup.slug}/plans/${created.id}`);
}

/** The work group's improvement plans; the planning team starts new ones here. */
export default function Plans() {
  const { plans, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const thisYear = new Date().getUTCFullYear();
  const [form, fields] = useZodForm(newPlanSchema, lastResult ?? undefined, {
    defaultValue: {
      level: "district",
      startYear: String(thisYear),
      endYear: String(thisYear + 4),
    },
  });
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Heading level={1}>{t("plans.title")}</Heading>
        <Text tone="muted" className="max-w-3xl">
          {t("plans.intro")}
        </Text>
      </div>
      {plans.length === 0 ? (
        <Card as="p">{t("plans.none")}</Card>
      ) : (
        <ul className="space-y-3">
          {plans.map((plan) => (
            <Card as="li" key={plan.id}>
              <Heading level={2} size="subheading">
                <TextLink standalone to={plan.id}>
                  <StaffText>{plan.name}</StaffText>
                </TextLink>
              </Heading>
              <Text tone="muted" size="small">
                {[
                  t(`plans.level.${plan.level}` as MessageKey),
                  t("plans.years", { start: plan.startYear, end: plan.endYear }),
                  t("plans.goalsCount", { count: plan.goals }),
                ].join(" · ")}
              </Text>
              {plan.districtName ? (
                <Text tone="muted" size="small">
                  <StaffIn
                    said={t("plans.underDistrict", { name: STAFF })}
                    staff={plan.districtName}
                  />
                </Text>
              ) : null}
            </Card>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Form
          method="post"
          className={cx(cardClass(), "max-w-xl space-y-3")}
          {...getFormProps(form)}
        >
          <CsrfInput />
          <Heading level={2} size="subheading">
            {t("plans.create")}
          </Heading>
          <FormError errors={form.errors} id={form.errorId} />
          <SelectField
            label={t("plans.levelLabel")}
            field={fields.level}
            options={PLAN_LEVELS.map((level) => ({
              value: level,
              label: t(`plans.level.${level}` as MessageKey),
            }))}
          />
          <Field label={t("plans.nameLabel")} field={fields.name} hint={t("plans.nameHint")} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={t("plans.startYear")}
              field={fields.startYear}
              inputMode="numeric"
              hint={t("plans.yearsHint")}
            />
            <Field label={t("plans.endYear")} field={fields.endYear} inputMode="numeric" />
          </div>
          <Button>{t("plans.createButton")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
