import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, useZodForm } from "../components/forms.tsx";
import { STAFF, StaffIn } from "../components/staff-text.tsx";
import { Card, cardClass, cx, Heading, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import {
  createRecommendation,
  listRecommendations,
  moveRecommendation,
} from "../modules/recommendation/recommendation.server.ts";
import { moveSchema, newRecommendationSchema } from "../modules/recommendation/schema.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { http } from "../utils/http.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "recommendations.title") },
];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  return json({
    slug: access.workGroup.slug,
    recommendations: await listRecommendations(context, access),
    canEdit: can(access.role, "recommendation:edit"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(
    context,
    request,
    params.slug,
    "recommendation:edit",
  );
  const form = await readForm(context, request);
  if (form.get("intent") === "move") {
    const move = moveSchema.safeParse({ direction: form.get("direction") });
    const id = String(form.get("recommendationId") ?? "");
    if (!move.success) throw http(400, "Choose up or down.");
    await moveRecommendation(context, user, access, id, move.data.direction);
    return json(null);
  }
  const submission = parseSubmission(form, newRecommendationSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createRecommendation(context, user, access, submission.value);
  return redirect(`/work-groups/${access.workGroup.slug}/recommendations/${created.id}`);
}

/** The work group's numbered recommendations, in order; editors reorder and add them. */
export default function Recommendations() {
  const { slug, recommendations, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(newRecommendationSchema, lastResult ?? undefined);
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <Heading level={1}>{t("recommendations.title")}</Heading>
        <TextLink to={`/work-groups/${slug}/action-plan`}>
          {t("recommendations.actionPlan")}
        </TextLink>
      </div>
      {recommendations.length === 0 ? (
        <Card as="p">{t("recommendations.none")}</Card>
      ) : (
        <ol className="space-y-3">
          {recommendations.map((r, index) => (
            <Card as="li" key={r.id} className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <Heading level={2} size="subheading">
                  <TextLink to={r.id}>
                    <StaffIn
                      said={t("recommendations.name", { number: r.number, title: STAFF })}
                      staff={r.title}
                    />
                  </TextLink>
                </Heading>
                <Text tone="muted" size="small">
                  {[
                    r.coverage.length
                      ? t("recommendations.addresses", {
                          elements: r.coverage
                            .map((key) => t(`knoster.${key}` as MessageKey))
                            .join(", "),
                        })
                      : t("recommendations.noCoverage"),
                    t("recommendations.themes", { count: r.themes }),
                    t("recommendation.progress", { done: r.done, total: r.steps }),
                  ].join(" · ")}
                </Text>
              </div>
              {canEdit ? (
                <Form method="post" className="flex gap-2">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="recommendationId" value={r.id} />
                  <Button name="direction" value="up" variant="secondary" disabled={index === 0}>
                    {t("recommendations.moveUp")}{" "}
                    <span className="sr-only">
                      {t("recommendations.numbered", { number: r.number })}
                    </span>
                  </Button>
                  <Button
                    name="direction"
                    value="down"
                    variant="secondary"
                    disabled={index === recommendations.length - 1}
                  >
                    {t("recommendations.moveDown")}{" "}
                    <span className="sr-only">
                      {t("recommendations.numbered", { number: r.number })}
                    </span>
                  </Button>
                </Form>
              ) : null}
            </Card>
          ))}
        </ol>
      )}
      {canEdit ? (
        <Form
          method="post"
          className={cx(cardClass(), "max-w-xl space-y-3")}
          {...getFormProps(form)}
        >
          <Heading level={2} size="subheading">
            {t("recommendations.add")}
          </Heading>
          <CsrfInput />
          <Field
            label={t("recommendations.titleLabel")}
            field={fields.title}
            hint={t("recommendations.titleHint")}
          />
          <Button pending={navigation.state === "submitting"}>
            {t("recommendations.addButton")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
