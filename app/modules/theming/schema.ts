import { z } from "zod";
import { typedText } from "../../utils/text.ts";

export const THEME_LABEL_MAX = 120;
/** A facilitator selects at most this many ideas for one command (a session has a few thousand). */
export const IDEAS_PER_COMMAND_MAX = 5000;

// The messages are catalogue keys: the theming page says them in the reader's language.
const id = z.string({ error: "theming.errors.id" }).regex(/^[a-z0-9]{1,40}$/, "theming.errors.id");
const label = typedText(
  {
    missing: "theming.errors.label",
    tooLong: "theming.errors.labelLong",
    controlCharacters: "theming.errors.labelControl",
  },
  THEME_LABEL_MAX,
);
const ideaIds = z
  .array(id, { error: "theming.errors.ideas" })
  .min(1, "theming.errors.ideas")
  // "theming.errors.ideasMany" says IDEAS_PER_COMMAND_MAX.
  .max(IDEAS_PER_COMMAND_MAX, "theming.errors.ideasMany")
  .transform((ids) => [...new Set(ids)]);

/** Every theming command a facilitator can send, by its intent. */
export const themingCommandSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create-theme"), label, ideaIds: ideaIds.optional() }),
    z.object({ intent: z.literal("accept-suggestion"), label, ideaIds }),
    z.object({ intent: z.literal("rename-theme"), themeId: id, label }),
    // themeId "" moves the ideas out of every theme (back to "Not yet themed").
    z.object({
      intent: z.literal("move-ideas"),
      ideaIds,
      themeId: z.union([z.literal(""), id], { error: "theming.errors.id" }),
    }),
    z.object({ intent: z.literal("merge-themes"), themeId: id, intoThemeId: id }),
    z.object({
      intent: z.literal("delete-theme"),
      themeId: id,
      // Asked only when the theme feeds a recommendation: move the link to another theme, or drop it.
      link: z.enum(["", "move", "drop"], { error: "theming.errors.id" }).default(""),
      linkToThemeId: z.union([z.literal(""), id], { error: "theming.errors.id" }).default(""),
    }),
    z.object({ intent: z.literal("undo") }),
  ],
  { error: "theming.errors.unknown" },
);

export type ThemingCommand = z.infer<typeof themingCommandSchema>;

/** The form's fields, as the schema expects them (ideaId may repeat). */
export function themingFields(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const ideaIds = form.getAll("ideaId").filter((v): v is string => typeof v === "string");
  return {
    intent: text("intent"),
    label: text("label"),
    themeId: text("themeId"),
    intoThemeId: text("intoThemeId"),
    link: text("link"),
    linkToThemeId: text("linkToThemeId"),
    ideaIds: ideaIds.length > 0 ? ideaIds : undefined,
  };
}
