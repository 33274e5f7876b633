import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DownloadLink } from "../components/publication/download-link.tsx";
import { Contents, PublishedBlocks } from "../components/publication/published-blocks.tsx";
import { formatDate } from "../modules/i18n/i18n.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { blockText } from "../modules/publication/content.ts";
import { getPublicDocument } from "../modules/publication/public-site.server.ts";
import { EXPORT_FORMATS } from "../modules/publication/schema.ts";

export async function loader({ params, context }: LoaderFunctionArgs) {
  return json(await getPublicDocument(context, params.slug ?? "", params.publicationId ?? ""));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const firstParagraph = data.blocks.find((b) => b.kind === "paragraph");
  return [
    { title: `${data.title} · ${data.workGroupName}` },
    {
      name: "description",
      content: (firstParagraph ? blockText(firstParagraph) : data.title).slice(0, 160),
    },
  ];
};

const formatNames = { md: "Markdown", pdf: "PDF", docx: "Word (DOCX)" } as const;

/** A published session summary or report: its current version, with downloads. */
export default function PublicDocument() {
  const doc = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePublicLocale();
  return (
    <article className="space-y-5">
      <header className="space-y-1">
        <p className="text-sm font-medium text-slate-700">{t(`publication.kind.${doc.kind}`)}</p>
        <h1 className="text-3xl font-bold">{doc.title}</h1>
        <p className="text-slate-700">
          {t("publication.published", { date: formatDate(locale, doc.publishedAt) })}
          {doc.updatedAt
            ? ` · ${t("publication.updated", { date: formatDate(locale, doc.updatedAt) })}`
            : ""}
        </p>
        {doc.session ? (
          <p>
            <Link
              className="text-brand-700 underline"
              to={`/public/${doc.slug}/sessions/${doc.session.id}`}
            >
              {doc.session.title}
            </Link>
          </p>
        ) : null}
      </header>
      <nav aria-label={t("publication.download")} className="print:hidden">
        <ul className="flex flex-wrap gap-4">
          {EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <DownloadLink
                href={`/public/${doc.slug}/publications/${doc.id}/${format}`}
                format={formatNames[format]}
              >
                {t("publication.downloadAs", { format: formatNames[format] })}
              </DownloadLink>
            </li>
          ))}
        </ul>
      </nav>
      <Contents blocks={doc.blocks} label={t("publication.contents")} />
      <PublishedBlocks blocks={doc.blocks} />
    </article>
  );
}
