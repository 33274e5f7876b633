import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
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
import { cardClass, cx, Heading, Panel, Tag, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import {
  getPublicSiteOverview,
  setShowNamePublicly,
  setSiteItemPublished,
} from "../modules/publication/public-site.server.ts";
import {
  createReport,
  createSummary,
  listPublications,
} from "../modules/publication/publication.server.ts";
import {
  newReportSchema,
  newSummarySchema,
  showNameSchema,
  siteItemSchema,
} from "../modules/publication/schema.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { http, say, sayMessage } from "../utils/http.server.ts";

export const handle = translated;

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "publicSite.title") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const [site, publications] = await Promise.all([
    getPublicSiteOverview(context, access, user),
    listPublications(context, access),
  ]);
  return json({
    slug: access.workGroup.slug,
    site,
    publications,
    canEdit: can(access.role, "publication:edit"),
    canPublish: can(access.role, "publication:publish"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const locale = await signedInLocale(context, request);
  const form = await readForm(context, request);
  const intent = form.get("intent");
  if (intent === "show-name") {
    const parsed = showNameSchema.safeParse({ show: form.get("show") });
    if (!parsed.success) throw http(400, say(locale, "publicSite.errors.showName"));
    await setShowNamePublicly(context, user, access, parsed.data.show === "yes");
    return json({ intent, done: true });
  }
  if (intent === "publish-item") {
    const parsed = siteItemSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "publicSite.errors.item";
      throw http(400, sayMessage(locale, message));
    }
    await setSiteItemPublished(context, user, access, {
      ...parsed.data,
      publish: parsed.data.publish === "yes",
    });
    return json({ intent, done: true });
  }
  if (intent === "new-summary") {
    const submission = parseSubmission(form, newSummarySchema);
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    const created = await createSummary(context, user, access, submission.value.sessionId, locale);
    return redirect(`/work-groups/${access.workGroup.slug}/publications/${created.id}`);
  }
  if (intent === "new-report") {
    const submission = parseSubmission(form, newReportSchema);
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    const created = await createReport(context, user, access, submission.value.title, locale);
    return redirect(`/work-groups/${access.workGroup.slug}/publications/${created.id}`);
  }
  throw http(400, say(locale, "publicSite.errors.unknown"));
}

/** Toggle for one item of the public site: a button that says what it will do. */
function PublishToggle({
  item,
  id,
  published,
  label,
}: {
  item: string;
  id?: string;
  published: boolean;
  label: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="inline">
      <CsrfInput />
      <input type="hidden" name="intent" value="publish-item" />
      <input type="hidden" name="item" value={item} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Button
        name="publish"
        value={published ? "no" : "yes"}
        variant={published ? "secondary" : "primary"}
      >
        {published ? t("publicSite.withdraw") : t("publicSite.publish")}{" "}
        <span className="sr-only">{label}</span>
      </Button>
    </Form>
  );
}

function Status({ published }: { published: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag tone={published ? "success" : "neutral"}>
      {published ? t("publicSite.public") : t("publicSite.notPublic")}
    </Tag>
  );
}

/**
 * What the public sees of this work group, item by item: nothing is public until a
 * facilitator publishes it. Members choose here whether their name appears.
 */
export default function PublicSite() {
  const { slug, site, publications, canEdit, canPublish } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const reply = lastResult && "status" in lastResult ? lastResult : undefined;
  const [summaryForm, summaryFields] = useZodForm(newSummarySchema, reply);
  const [reportForm, reportFields] = useZodForm(newReportSchema, reply, {
    defaultValue: { title: "Report and recommendations" },
  });
  const sitePublished = Boolean(site.publishedAt);
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Heading level={1}>{t("publicSite.title")}</Heading>
        <p>
          {t("publicSite.intro")}{" "}
          {sitePublished ? (
            <TextLink href={`/public/${slug}`}>{t("publicSite.open")}</TextLink>
          ) : (
            t("publicSite.notYet")
          )}
        </p>
      </div>

      <Panel
        title={t("publicSite.yourName")}
        size="subheading"
        headingId="your-name"
        className="space-y-2"
      >
        <p>{site.showNamePublicly ? t("publicSite.named") : t("publicSite.counted")}</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="show-name" />
          <Button name="show" value={site.showNamePublicly ? "no" : "yes"} variant="secondary">
            {site.showNamePublicly ? t("publicSite.hideName") : t("publicSite.showName")}
          </Button>
        </Form>
      </Panel>

      <section aria-labelledby="site-page" className="space-y-2">
        <Heading level={2} size="subheading" id="site-page">
          {t("publicSite.page")}
        </Heading>
        <Text tone="muted" size="small">
          {t("publicSite.pageHint")}
        </Text>
        <div className="flex items-center gap-3">
          <Status published={sitePublished} />
          {canPublish ? (
            <PublishToggle
              item="work_group"
              published={sitePublished}
              label={t("publicSite.thePage")}
            />
          ) : null}
        </div>
      </section>

      <section aria-labelledby="publications" className="space-y-3">
        <Heading level={2} size="subheading" id="publications">
          {t("publicSite.publications")}
        </Heading>
        {publications.length === 0 ? (
          <p>{t("publicSite.noPublications")}</p>
        ) : (
          <ul className="space-y-2">
            {publications.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3">
                <TextLink to={`/work-groups/${slug}/publications/${p.id}`}>
                  <StaffText>{p.title}</StaffText>
                </TextLink>
                <Status published={p.publishedNumber !== null} />
                <Text as="span" tone="muted" size="small">
                  {p.lastVersion
                    ? t("publicSite.versions", { count: p.lastVersion.number })
                    : t("publicSite.draft")}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <div className="grid gap-4 md:grid-cols-2">
            <Form
              method="post"
              className={cx(cardClass(), "space-y-3")}
              {...getFormProps(summaryForm)}
            >
              <Heading level={3} size="minor">
                {t("publicSite.draftSummary")}
              </Heading>
              <CsrfInput />
              <input type="hidden" name="intent" value="new-summary" />
              <FormError errors={summaryForm.errors} id={summaryForm.errorId} />
              <SelectField
                label={t("publicSite.session")}
                field={summaryFields.sessionId}
                placeholder={t("publicSite.chooseSession")}
                options={[
                  ...site.sessions.map((s) => ({
                    value: s.id,
                    label: `${s.title} (${formatSessionTime(s.startsAt, s.timeZone, i18n.language)})`,
                  })),
                ]}
              />
              <Button>{t("publicSite.draftSummaryButton")}</Button>
            </Form>
            <Form
              method="post"
              className={cx(cardClass(), "space-y-3")}
              {...getFormProps(reportForm)}
            >
              <Heading level={3} size="minor">
                {t("publicSite.draftReport")}
              </Heading>
              <CsrfInput />
              <input type="hidden" name="intent" value="new-report" />
              <FormError errors={reportForm.errors} id={reportForm.errorId} />
              <Field label={t("publicSite.reportTitle")} field={reportFields.title} />
              <Button>{t("publicSite.draftReportButton")}</Button>
            </Form>
          </div>
        ) : null}
      </section>

      {canEdit ? (
        <section aria-labelledby="files" className="space-y-2">
          <Heading level={2} size="subheading" id="files">
            {t("publicSite.files")}
          </Heading>
          <ul className="list-disc space-y-1 pl-6">
            <li>
              <TextLink href={`/work-groups/${slug}/ideas.csv`} download>
                {t("publicSite.ideasCsv")}
              </TextLink>
            </li>
            <li>
              <TextLink href={`/work-groups/${slug}/action-plan.csv`} download>
                {t("publicSite.stepsCsv")}
              </TextLink>
            </li>
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="agendas" className="space-y-2">
        <Heading level={2} size="subheading" id="agendas">
          {t("publicSite.agendas")}
        </Heading>
        {site.sessions.length === 0 ? <p>{t("publicSite.noSessions")}</p> : null}
        <ul className="space-y-2">
          {site.sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3">
              <span>
                <StaffText>{s.title}</StaffText>
              </span>
              <Status published={Boolean(s.agendaPublishedAt)} />
              {canPublish ? (
                <PublishToggle
                  item="session"
                  id={s.id}
                  published={Boolean(s.agendaPublishedAt)}
                  label={
                    <StaffIn said={t("publicSite.agendaOf", { title: STAFF })} staff={s.title} />
                  }
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recommendations" className="space-y-2">
        <Heading level={2} size="subheading" id="recommendations">
          {t("publicSite.recommendations")}
        </Heading>
        {site.recommendations.length === 0 ? <p>{t("publicSite.noRecommendations")}</p> : null}
        <ol className="space-y-2">
          {site.recommendations.map((r, index) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3">
              <span>
                <StaffIn
                  said={t("recommendations.name", { number: index + 1, title: STAFF })}
                  staff={r.title}
                />
              </span>
              <Status published={Boolean(r.publishedAt)} />
              {canPublish ? (
                <PublishToggle
                  item="recommendation"
                  id={r.id}
                  published={Boolean(r.publishedAt)}
                  label={t("recommendations.numbered", { number: index + 1 })}
                />
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
