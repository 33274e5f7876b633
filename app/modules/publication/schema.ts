import { z } from "zod";

/** "response": the response to comments of a comment period (comment-period/analysis.server.ts). */
export const PUBLICATION_KINDS = ["summary", "report", "response"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
/** What staff pages and the feed call each kind (the public pages say it in the reader's language). */
export const publicationKindLabels: Record<PublicationKind, string> = {
  summary: "Session summary",
  report: "Report",
  response: "Response to comments",
};

export const EXPORT_FORMATS = ["md", "pdf", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const title = z
  .string({ error: "Give it a title." })
  .trim()
  .min(1, "Give it a title.")
  .max(200, "Keep the title under 200 characters.");

export const newSummarySchema = z.object({
  sessionId: z
    .string({ error: "Choose the session to summarize." })
    .min(1, "Choose the session to summarize."),
});

export const newReportSchema = z.object({ title });

export const renameSchema = z.object({ title });

/** The public site's items, each published or withdrawn on its own. */
export const SITE_ITEMS = ["work_group", "session", "recommendation"] as const;
export const siteItemSchema = z.object({
  item: z.enum(SITE_ITEMS, { error: "Choose what to publish." }),
  id: z.string().max(40).default(""),
  publish: z.enum(["yes", "no"], { error: "Choose publish or withdraw." }),
});
export const showNameSchema = z.object({
  show: z.enum(["yes", "no"], { error: "Choose yes or no." }),
});

/** The public follow form; messages are catalogue keys, shown in the reader's language. */
export const followSchema = z.object({
  email: z.email({ error: "follow.invalidEmail" }).max(254, { error: "follow.invalidEmail" }),
});
