import type { LoaderFunctionArgs } from "@remix-run/node";
import { Feed } from "feed";
import { getPublicFeed } from "../modules/publication/public-site.server.ts";
import { type PublicationKind, publicationKindLabels } from "../modules/publication/schema.ts";
import { linkOrigin } from "../utils/request.server.ts";
import { escapeHtml } from "../utils/text.ts";

/**
 * Follow a work group: an Atom feed of its published summaries and reports, newest change
 * first. A new version of a summary is a new entry date, so feed readers show it as updated.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { workGroup, entries } = await getPublicFeed(context, params.slug ?? "");
  // Links must be absolute: the configured address, or (in development) the one asked for.
  const origin = linkOrigin(context, request);
  const home = `${origin}/public/${workGroup.slug}`;
  const feed = new Feed({
    title: workGroup.name,
    description: workGroup.purpose.slice(0, 300),
    id: home,
    link: home,
    language: "en",
    copyright: "",
    updated: entries[0] ? new Date(entries[0].updatedAt ?? entries[0].publishedAt) : undefined,
    generator: "Convene",
    feedLinks: { atom: `${home}/feed.xml` },
  });
  for (const entry of entries) {
    const link = `${home}/publications/${entry.id}`;
    // The feed library marks titles and summaries as HTML: escaped, a title is read as text,
    // so one typed as "<b>…" is not markup in a feed reader.
    feed.addItem({
      title: escapeHtml(entry.title),
      id: link,
      link,
      date: new Date(entry.updatedAt ?? entry.publishedAt),
      published: new Date(entry.publishedAt),
      description: escapeHtml(
        `${publicationKindLabels[entry.kind as PublicationKind] ?? "Publication"}${entry.session ? `: ${entry.session.title}` : ""}`,
      ),
    });
  }
  return new Response(feed.atom1(), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
