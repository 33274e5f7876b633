import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DownloadLink } from "../components/publication/download-link.tsx";
import { Contents, PublishedBlocks } from "../components/publication/published-blocks.tsx";
import { Heading, Text, TextLink } from "../components/ui/index.ts";
import { formatDate } from "../modules/i18n/i18n.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { blockText } from "../modules/publication/content.ts";
import { getPublicDocumentPart } from "../modules/publication/public-site.server.ts";
import { EXPORT_FORMATS } from "../modules/publication/schema.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const part = new URL(request.url).searchParams.get("part");
  return json(
    await getPublicDocumentPart(context, params.slug ?? "", params.publicationId ?? "", part),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  return [
    {
      title: `${data.title}${data.parts > 1 ? ` (${data.part}/${data.parts})` : ""} · ${data.workGroupName}`,
    },
    {
      name: "description",
      content: (data.description ? blockText(data.description) : data.title).slice(0, 160),
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
        <Text tone="muted" size="small" className="font-medium">
          {t(`publication.kind.${doc.kind}`)}
        </Text>
        <Heading level={1}>{doc.title}</Heading>
        <Text tone="muted">
          {t("publication.published", { date: formatDate(locale, doc.publishedAt) })}
          {doc.updatedAt
            ? ` · ${t("publication.updated", { date: formatDate(locale, doc.updatedAt) })}`
            : ""}
        </Text>
        {doc.session ? (
          <p>
            <TextLink to={`/public/${doc.slug}/sessions/${doc.session.id}`}>
              {doc.session.title}
            </TextLink>
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
      <Contents entries={doc.contents} label={t("publication.contents")} part={doc.part} />
      {doc.parts > 1 ? <Parts part={doc.part} parts={doc.parts} /> : null}
      <PublishedBlocks blocks={doc.blocks} firstHeading={doc.firstHeading} />
      {doc.parts > 1 ? <Parts part={doc.part} parts={doc.parts} /> : null}
    </article>
  );
}

/** "Part 2 of 5", with the parts before and after: a long report on the web. */
function Parts({ part, parts }: { part: number; parts: number }) {
  const { t } = useTranslation();
  return (
    <nav
      aria-label={t("publication.parts")}
      className="flex flex-wrap items-center gap-4 print:hidden"
    >
      {part > 1 ? <TextLink to={`?part=${part - 1}`}>{t("publication.previous")}</TextLink> : null}
      <span>{t("publication.part", { part, parts })}</span>
      {part < parts ? <TextLink to={`?part=${part + 1}`}>{t("publication.next")}</TextLink> : null}
    </nav>
  );
}
