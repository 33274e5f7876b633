import { z } from "zod";

/** "response": the response to comments of a comment period (comment-period/analysis.server.ts). */
export const PUBLICATION_KINDS = ["summary", "report", "response"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
/** What the feed calls each kind (the pages say it in the reader's language: publication.kind.*). */
export const publicationKindLabels: Record<PublicationKind, string> = {
  summary: "Session summary",
  report: "Report",
  response: "Response to comments",
};

export const EXPORT_FORMATS = ["md", "pdf", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The messages are catalogue keys: the forms say them in the reader's language. */
const title = z
  .string({ error: "editor.errors.title" })
  .trim()
  .min(1, "editor.errors.title")
  .max(200, "editor.errors.titleLong");

export const newSummarySchema = z.object({
  sessionId: z.string({ error: "publicSite.errors.session" }).min(1, "publicSite.errors.session"),
});

export const newReportSchema = z.object({ title });

export const renameSchema = z.object({ title });

/** The public site's items, each published or withdrawn on its own. */
export const SITE_ITEMS = ["work_group", "session", "recommendation"] as const;
export const siteItemSchema = z.object({
  item: z.enum(SITE_ITEMS, { error: "publicSite.errors.item" }),
  id: z.string().max(40, "publicSite.errors.item").default(""),
  publish: z.enum(["yes", "no"], { error: "publicSite.errors.publish" }),
});
export const showNameSchema = z.object({
  show: z.enum(["yes", "no"], { error: "publicSite.errors.showName" }),
});

/** The public follow form; messages are catalogue keys, shown in the reader's language. */
export const followSchema = z.object({
  email: z.email({ error: "follow.invalidEmail" }).max(254, { error: "follow.invalidEmail" }),
});
