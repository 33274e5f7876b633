import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
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
        <h1 className="text-2xl font-bold">{t("plans.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("plans.intro")}</p>
      </div>
      {plans.length === 0 ? (
        <p className="rounded-md border border-slate-300 bg-white p-4">{t("plans.none")}</p>
      ) : (
        <ul className="space-y-3">
          {plans.map((plan) => (
            <li key={plan.id} className="rounded-lg border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link className="inline-block py-2.5 text-brand-700 underline" to={plan.id}>
                  <StaffText>{plan.name}</StaffText>
                </Link>
              </h2>
              <p className="text-sm text-slate-700">
                {[
                  t(`plans.level.${plan.level}` as MessageKey),
                  t("plans.years", { start: plan.startYear, end: plan.endYear }),
                  t("plans.goalsCount", { count: plan.goals }),
                ].join(" · ")}
              </p>
              {plan.districtName ? (
                <p className="text-sm text-slate-700">
                  <StaffIn
                    said={t("plans.underDistrict", { name: STAFF })}
                    staff={plan.districtName}
                  />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Form
          method="post"
          className="max-w-xl space-y-3 rounded-lg border border-slate-300 bg-white p-4"
          {...getFormProps(form)}
        >
          <CsrfInput />
          <h2 className="text-lg font-semibold">{t("plans.create")}</h2>
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
          <Button className="min-h-11">{t("plans.createButton")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
