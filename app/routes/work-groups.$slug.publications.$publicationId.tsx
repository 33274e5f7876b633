import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { documentName } from "../modules/documents/document-name.ts";
import {
  getPublicationForStaff,
  publishPublication,
  renamePublication,
  unpublishPublication,
} from "../modules/publication/publication.server.ts";
import {
  type PublicationKind,
  publicationKindLabels,
  renameSchema,
} from "../modules/publication/schema.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { Notes } from "../realtime/notes-editor.tsx";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, http } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.publication.title ?? "Summary or report"} · Convene` },
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
      ? json({ notice: `Version ${result.value.number} is published.` })
      : json({ notice: result.message }, { status: result.status });
  }
  if (intent === "unpublish") {
    await unpublishPublication(context, user, access, id);
    return json({ notice: "It is no longer public. Its versions are kept." });
  }
  throw http(400, "We did not understand that request.");
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
  const reply = result && "status" in result ? result : undefined;
  const notice = result && "notice" in result ? result.notice : null;
  const [form, fields] = useZodForm(renameSchema, reply, { defaultValue: { title: p.title } });
  const published = p.publishedNumber !== null;
  const publicAddress = `/public/${slug}/publications/${p.id}`;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-700">
          <Link className="text-brand-700 underline" to={`/work-groups/${slug}/public-site`}>
            Public site
          </Link>
          {" · "}
          {publicationKindLabels[p.kind as PublicationKind] ?? "Publication"}
          {p.session ? ` of ${p.session.title}` : ""}
        </p>
        <h1 className="text-2xl font-bold">{p.title}</h1>
        <p role="status" className="text-slate-800">
          {published
            ? `Version ${p.publishedNumber} is public${sitePublished ? "" : " once the work group page is published"}.`
            : p.versions.length
              ? "Not public: it was unpublished. Its versions are kept."
              : "A draft: nobody outside the work group sees it until it is published."}{" "}
          {published && sitePublished ? (
            <a className="text-brand-700 underline" href={publicAddress}>
              Open the public page
            </a>
          ) : null}
        </p>
        {notice ? (
          <p role="alert" className="rounded-md border border-slate-300 bg-white p-3">
            {notice}
          </p>
        ) : null}
      </div>

      {canPublish ? (
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            <Button pending={navigation.formData?.get("intent") === "publish"}>
              {published ? "Publish the changes as a new version" : "Publish"}
            </Button>
          </Form>
          {published ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="unpublish" />
              <Button variant="danger">Unpublish</Button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-xl font-semibold">
          Text
        </h2>
        <p className="text-sm text-slate-700">
          Written together, live. Type “# ” for a heading, “- ” for a list, **bold**, *italic*.
        </p>
        <Notes
          id={documentName.publication(p.id)}
          label={`Text of ${p.title}`}
          canEdit={canEdit}
          userName={userName}
          placeholder="Write the text…"
        />
      </section>

      {canEdit ? (
        <Form method="post" className="max-w-xl space-y-3" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="rename" />
          <FormError errors={form.errors} id={form.errorId} />
          <Field label="Title" field={fields.title} />
          <Button variant="secondary">Rename</Button>
        </Form>
      ) : null}

      <section aria-labelledby="versions-heading" className="space-y-2">
        <h2 id="versions-heading" className="text-xl font-semibold">
          Published versions
        </h2>
        {p.versions.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ol className="space-y-1">
            {p.versions.map((v) => (
              <li key={v.number}>
                {`Version ${v.number}: “${v.title}”, published ${new Date(v.publishedAt).toUTCString()}`}
                {v.number === p.publishedNumber ? " (public now)" : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
