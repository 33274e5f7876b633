import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  TextareaField,
  useZodForm,
} from "../components/forms.tsx";
import { HistoryList } from "../components/history-list.tsx";
import { ActionStepForm } from "../components/recommendation/action-step-form.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { columnLabel, KNOSTER_ELEMENTS } from "../modules/board/knoster.ts";
import { documentName } from "../modules/documents/document-name.ts";
import { isOverdue, today } from "../modules/recommendation/action-plan.ts";
import {
  addActionStep,
  deleteActionStep,
  deleteRecommendation,
  getRecommendationPage,
  linkTheme,
  updateActionStep,
  updateRecommendation,
} from "../modules/recommendation/recommendation.server.ts";
import {
  actionStepSchema,
  type Horizon,
  horizonLabels,
  recommendationSchema,
  type Status,
  statusLabels,
} from "../modules/recommendation/schema.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { Notes } from "../realtime/notes-editor.tsx";
import { parseSubmission } from "../utils/form-fields.ts";
import { http } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Recommendation ${data.recommendation.number}: ${data.recommendation.title} · Convene`
      : "Recommendation · Convene",
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const page = await getRecommendationPage(context, access, params.recommendationId ?? "");
  return json({ ...page, slug: access.workGroup.slug, userName: user.name, today: today() });
}

type Reply = { intent: string; stepId: string | null; result: SubmissionResult<string[]> | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(
    context,
    request,
    params.slug,
    "recommendation:edit",
  );
  const form = await readForm(context, request);
  const id = params.recommendationId ?? "";
  const intent = String(form.get("intent") ?? "");
  const stepId = typeof form.get("stepId") === "string" ? String(form.get("stepId")) : null;
  const reply = (result: Reply["result"], status = 200) =>
    json<Reply>({ intent, stepId, result }, { status });

  if (intent === "edit") {
    const submission = parseSubmission(form, recommendationSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    await updateRecommendation(context, user, access, id, submission.value);
    return reply(submission.reply());
  }
  if (intent === "add-step" || intent === "edit-step") {
    const submission = parseSubmission(form, actionStepSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    if (intent === "add-step") {
      await addActionStep(context, user, access, id, submission.value);
      return reply(submission.reply({ resetForm: true }));
    }
    await updateActionStep(context, user, access, stepId ?? "", submission.value);
    return reply(submission.reply());
  }
  if (intent === "delete-step") {
    await deleteActionStep(context, user, access, stepId ?? "");
    return reply(null);
  }
  if (intent === "link-theme" || intent === "unlink-theme") {
    const themeId = String(form.get("themeId") ?? "");
    if (!themeId) throw http(400, "Choose a theme.");
    await linkTheme(context, user, access, id, themeId, intent === "link-theme");
    return reply(null);
  }
  if (intent === "delete") {
    if (form.get("confirm") !== "yes") {
      throw http(400, "Tick the box to confirm that the recommendation and its steps go.");
    }
    await deleteRecommendation(context, user, access, id);
    return redirect(`/work-groups/${access.workGroup.slug}/recommendations`);
  }
  throw http(400, "Unknown action.");
}

export default function RecommendationPage() {
  const data = useLoaderData<typeof loader>();
  const { recommendation: r, themes, themeOptions, steps, owners, history, canEdit, slug } = data;
  const last = useActionData<typeof action>();
  const resultFor = (intent: string, stepId: string | null = null) =>
    last && last.intent === intent && last.stepId === stepId
      ? (last.result ?? undefined)
      : undefined;
  const [form, fields] = useZodForm(recommendationSchema, resultFor("edit"), {
    defaultValue: {
      title: r.title,
      rationale: r.rationale,
      coverageNote: r.coverageNote,
      goalSpecific: r.goalSpecific,
      goalMeasurable: r.goalMeasurable,
      goalAchievable: r.goalAchievable,
      goalRelevant: r.goalRelevant,
      goalTimely: r.goalTimely,
      strategies: r.strategies,
    },
  });
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link className="text-brand-700 underline" to={`/work-groups/${slug}/recommendations`}>
            All recommendations
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{`Recommendation ${r.number}: ${r.title}`}</h1>
        {r.rationale ? <p className="mt-2 whitespace-pre-line">{r.rationale}</p> : null}
      </div>

      <section aria-labelledby="themes-heading" className="space-y-2">
        <h2 id="themes-heading" className="text-xl font-semibold">
          Themes and the ideas behind them
        </h2>
        {themes.length === 0 ? (
          <p className="text-slate-700">No theme feeds this recommendation yet.</p>
        ) : (
          <ul className="space-y-3">
            {themes.map((theme) => (
              <li key={theme.id} className="rounded-lg border border-slate-300 bg-white p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-semibold">
                    <a
                      className="text-brand-700 underline"
                      href={`/work-groups/${slug}/sessions/${theme.session.id}/theming#theme-${theme.id}`}
                    >
                      {theme.label}
                    </a>{" "}
                    <span className="font-normal text-slate-700">from {theme.session.title}</span>
                  </h3>
                  {canEdit ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="themeId" value={theme.id} />
                      <Button name="intent" value="unlink-theme" variant="secondary">
                        Unlink <span className="sr-only">{theme.label}</span>
                      </Button>
                    </Form>
                  ) : null}
                </div>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                  {theme.ideas.map((idea) => (
                    <li key={idea.id}>
                      <a
                        className="text-slate-900 underline decoration-slate-400"
                        href={`/work-groups/${slug}/sessions/${theme.session.id}/theming#idea-${idea.id}`}
                      >
                        {idea.text}
                      </a>{" "}
                      <span className="text-slate-700">({columnLabel(idea.column)})</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {canEdit && themeOptions.length > 0 ? (
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <CsrfInput />
            <div>
              <label htmlFor="link-theme" className="block font-medium">
                Link a theme
              </label>
              <select
                id="link-theme"
                name="themeId"
                className="mt-1 rounded-md border border-slate-500 bg-white px-2 py-2"
              >
                {themeOptions.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </div>
            <Button name="intent" value="link-theme" variant="secondary">
              Link theme
            </Button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="steps-heading" className="space-y-3">
        <h2 id="steps-heading" className="text-xl font-semibold">
          Key action steps
        </h2>
        {steps.length === 0 ? <p className="text-slate-700">No action steps yet.</p> : null}
        <ol className="space-y-3">
          {steps.map((step) => {
            const overdue = isOverdue(step, data.today);
            return (
              <li
                key={step.id}
                className={`rounded-lg border bg-white p-3 ${overdue || step.status === "blocked" ? "border-red-700" : "border-slate-300"}`}
              >
                <p className="font-medium">{step.description}</p>
                <p className="text-sm text-slate-700">
                  {[
                    `Owner: ${step.ownerName ?? step.ownerGroup}`,
                    horizonLabels[step.horizon as Horizon] ?? step.horizon,
                    statusLabels[step.status as Status] ?? step.status,
                    step.startsOn ? `Starts ${step.startsOn}` : null,
                    step.dueOn ? `Due ${step.dueOn}` : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                  {overdue ? <strong className="ml-2 text-red-800">Overdue</strong> : null}
                </p>
                {step.resources || step.fundingSource || step.resourceNote ? (
                  <p className="text-sm">
                    {[
                      step.resources ? `Resources: ${step.resources}` : null,
                      step.fundingSource ? `Funding: ${step.fundingSource}` : null,
                      step.resourceNote ? `Note: ${step.resourceNote}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                ) : null}
                {canEdit ? (
                  <details
                    className="mt-2"
                    open={resultFor("edit-step", step.id)?.status === "error"}
                  >
                    <summary className="cursor-pointer text-brand-700">
                      Edit <span className="sr-only">{step.description}</span>
                    </summary>
                    <div className="mt-2 space-y-3">
                      <ActionStepForm
                        step={step}
                        owners={owners}
                        lastResult={resultFor("edit-step", step.id)}
                      />
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="stepId" value={step.id} />
                        <Button name="intent" value="delete-step" variant="danger">
                          Delete action step
                        </Button>
                      </Form>
                    </div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
        {canEdit ? (
          <div className="rounded-lg border border-slate-300 bg-white p-4">
            <h3 className="mb-2 text-lg font-semibold">Add an action step</h3>
            <ActionStepForm owners={owners} lastResult={resultFor("add-step")} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="draft-heading" className="space-y-2">
        <h2 id="draft-heading" className="text-xl font-semibold">
          Draft
        </h2>
        <p className="text-sm text-slate-700">
          Written together, live: the text the report will carry.
        </p>
        <Notes
          id={documentName.draft(r.id)}
          label="Recommendation draft"
          canEdit={canEdit}
          userName={data.userName}
        />
      </section>

      {canEdit ? (
        <section aria-labelledby="details-heading" className="space-y-3">
          <h2 id="details-heading" className="text-xl font-semibold">
            Details, Knoster coverage and SMART goal
          </h2>
          <Form
            method="post"
            className="space-y-4 rounded-lg border border-slate-300 bg-white p-4"
            {...getFormProps(form)}
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="edit" />
            <FormError errors={form.errors} id={form.errorId} />
            <Field label="Title" field={fields.title} />
            <TextareaField label="Rationale" field={fields.rationale} rows={3} />
            <fieldset>
              <legend className="font-medium">Knoster elements it addresses</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {KNOSTER_ELEMENTS.map((e) => (
                  <label key={e.key} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      name="knosterCoverage"
                      value={e.key}
                      defaultChecked={r.knosterCoverage.includes(e.key)}
                    />
                    {e.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextareaField
              label="Coverage note"
              field={fields.coverageNote}
              rows={2}
              hint="How the recommendation addresses those elements, and what is missing."
            />
            <fieldset className="space-y-3">
              <legend className="font-medium">SMART goal</legend>
              <TextareaField label="Specific" field={fields.goalSpecific} rows={2} />
              <TextareaField label="Measurable" field={fields.goalMeasurable} rows={2} />
              <TextareaField label="Achievable" field={fields.goalAchievable} rows={2} />
              <TextareaField label="Relevant" field={fields.goalRelevant} rows={2} />
              <TextareaField label="Timely" field={fields.goalTimely} rows={2} />
            </fieldset>
            <TextareaField
              label="Strategies"
              field={fields.strategies}
              rows={3}
              hint="One per line."
            />
            <Button>Save recommendation</Button>
          </Form>
          <Form
            method="post"
            className="flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-white p-4"
          >
            <CsrfInput />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="confirm" value="yes" required />
              Delete this recommendation and its action steps
            </label>
            <Button name="intent" value="delete" variant="danger">
              Delete recommendation
            </Button>
          </Form>
        </section>
      ) : null}

      {history ? <HistoryList entries={history} heading="History of this recommendation" /> : null}
    </div>
  );
}
