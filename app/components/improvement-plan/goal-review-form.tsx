import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { goalReviewSchema, REVIEW_OUTCOMES } from "../../modules/improvement-plan/review-schema.ts";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  SelectField,
  TextareaField,
  useZodForm,
} from "../forms.tsx";

/** One goal's outcome in the yearly review, with its evidence: saved goal by goal. */
export function GoalReviewForm({
  goalId,
  goalTitle,
  saved,
  lastResult,
}: {
  goalId: string;
  goalTitle: string;
  saved: { outcome: string; evidence: string; evidenceUrl: string } | null;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = usePageT();
  const [form, fields] = useZodForm(goalReviewSchema, lastResult, {
    defaultValue: {
      goalId,
      outcome: saved?.outcome ?? "",
      evidence: saved?.evidence ?? "",
      evidenceUrl: saved?.evidenceUrl ?? "",
    },
  });
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="review-goal" />
      <input type="hidden" name="goalId" value={goalId} />
      <FormError errors={form.errors} id={form.errorId} />
      <FormError errors={fields.goalId.errors} />
      <SelectField
        label={t("planReview.outcomeLabel")}
        field={fields.outcome}
        placeholder={t("planReview.chooseOutcome")}
        options={REVIEW_OUTCOMES.map((o) => ({
          value: o,
          label: t(`planReview.outcome.${o}` as MessageKey),
        }))}
      />
      <TextareaField
        label={t("planReview.evidence")}
        hint={t("planReview.evidenceHint")}
        field={fields.evidence}
        rows={4}
      />
      <Field
        label={t("planReview.evidenceUrl")}
        hint={t("plans.reading.evidenceUrlHint")}
        field={fields.evidenceUrl}
        type="url"
      />
      <Button>
        {t("planReview.saveGoal")} <span className="sr-only">{goalTitle}</span>
      </Button>
    </Form>
  );
}
