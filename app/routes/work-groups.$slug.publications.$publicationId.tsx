import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { Card, Heading, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { documentName } from "../modules/documents/document-name.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import {
  getPublicationForStaff,
  publishPublication,
  renamePublication,
  unpublishPublication,
} from "../modules/publication/publication.server.ts";
import { renameSchema } from "../modules/publication/schema.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { Notes } from "../realtime/notes-editor.tsx";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, http, say, sayRefusal } from "../utils/http.server.ts";
import { dateTimeFormat } from "../utils/intl.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const handle = translated;

// The title is staff text, shown as written; without one, what the page is.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.publication.title} · Convene` : titleIn(matches, "editor.pageTitle") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const [publication, site] = await Promise.all([
    getPublicationForStaff(context, access, params.publicationId ?? ""),
    context.db.workGroup.findUniqueOrThrow({
      where: { id: access.workGroup.id },
      select: { publishedAt: true },
    }),
  ]);
  return json({
    slug: access.workGroup.slug,
    publication,
    sitePublished: site.publishedAt !== null,
    userName: user.name,
    canEdit: can(access.role, "publication:edit"),
    canPublish: can(access.role, "publication:publish"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const locale = await signedInLocale(context, request);
  const form = await readForm(context, request);
  const id = params.publicationId ?? "";
  const intent = form.get("intent");
  if (intent === "rename") {
    const submission = parseSubmission(form, renameSchema);
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    await renamePublication(context, user, access, id, submission.value.title);
    return json(submission.reply({ resetForm: false }));
  }
  if (intent === "publish") {
    const result = await attempt(() =>
      publishPublication(context, user, access, id, linkOrigin(context, request)),
    );
    return result.ok
      ? json({ notice: say(locale, "editor.published", { number: result.value.number }) })
      : json({ notice: sayRefusal(locale, result) }, { status: result.status });
  }
  if (intent === "unpublish") {
    await unpublishPublication(context, user, access, id);
    return json({ notice: say(locale, "editor.unpublishedNow") });
  }
  throw http(400, say(locale, "publicSite.errors.unknown"));
}

/** A summary or report: written together, then published as numbered versions. */
export default function PublicationPage() {
  const {
    slug,
    publication: p,
    sitePublished,
    userName,
    canEdit,
    canPublish,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const reply = result && "status" in result ? result : undefined;
  const notice = result && "notice" in result ? result.notice : null;
  const [form, fields] = useZodForm(renameSchema, reply, { defaultValue: { title: p.title } });
  const published = p.publishedNumber !== null;
  const publicAddress = `/public/${slug}/publications/${p.id}`;
  const kind = t(`publication.kind.${p.kind}` as MessageKey);
  // One time zone on server and browser, or hydration fails where the dates differ.
  const when = dateTimeFormat(i18n.language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Text tone="muted" size="small">
          <TextLink to={`/work-groups/${slug}/public-site`}>{t("publicSite.title")}</TextLink>
          {" · "}
          {p.session ? (
            <StaffIn said={t("editor.kindOf", { kind, session: STAFF })} staff={p.session.title} />
          ) : (
            kind
          )}
        </Text>
        <Heading level={1}>
          <StaffText>{p.title}</StaffText>
        </Heading>
        <p role="status" className="text-ink">
          {published
            ? t(sitePublished ? "editor.isPublic" : "editor.isPublicOnceSite", {
                number: p.publishedNumber,
              })
            : p.versions.length
              ? t("editor.unpublished")
              : t("editor.draft")}{" "}
          {published && sitePublished ? (
            <TextLink href={publicAddress}>{t("editor.openPublic")}</TextLink>
          ) : null}
        </p>
        {notice ? (
          <Card as="p" compact role="alert">
            {notice}
          </Card>
        ) : null}
      </div>

      {canPublish ? (
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            <Button pending={navigation.formData?.get("intent") === "publish"}>
              {published ? t("editor.publishChanges") : t("editor.publish")}
            </Button>
          </Form>
          {published ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="unpublish" />
              <Button variant="danger">{t("editor.unpublish")}</Button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="text-heading" className="space-y-2">
        <Heading level={2} id="text-heading">
          {t("editor.text")}
        </Heading>
        <Text tone="muted" size="small">
          {t("editor.textHint")}
        </Text>
        <Notes
          id={documentName.publication(p.id)}
          label={t("editor.textOf", { title: p.title })}
          canEdit={canEdit}
          userName={userName}
          placeholder={t("editor.placeholder")}
        />
      </section>

      {canEdit ? (
        <Form method="post" className="max-w-xl space-y-3" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="rename" />
          <FormError errors={form.errors} id={form.errorId} />
          <Field label={t("editor.titleLabel")} field={fields.title} />
          <Button variant="secondary">{t("editor.rename")}</Button>
        </Form>
      ) : null}

      <section aria-labelledby="versions-heading" className="space-y-2">
        <Heading level={2} id="versions-heading">
          {t("editor.versions")}
        </Heading>
        {p.versions.length === 0 ? (
          <p>{t("editor.noVersions")}</p>
        ) : (
          <ol className="space-y-1">
            {p.versions.map((v) => (
              <li key={v.number}>
                <StaffIn
                  said={t("editor.version", {
                    number: v.number,
                    title: STAFF,
                    date: when.format(new Date(v.publishedAt)),
                  })}
                  staff={v.title}
                />
                {v.number === p.publishedNumber ? ` ${t("editor.publicNow")}` : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
