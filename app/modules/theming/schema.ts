import { z } from "zod";
import { typedText } from "../../utils/text.ts";

export const THEME_LABEL_MAX = 120;
/** A facilitator selects at most this many ideas for one command (a session has a few thousand). */
export const IDEAS_PER_COMMAND_MAX = 5000;

const id = z.string().regex(/^[a-z0-9]{1,40}$/, "Choose from the list");
const label = typedText({ missing: "Name the theme", name: "the theme's name" }, THEME_LABEL_MAX);
const ideaIds = z
  .array(id, { error: "Choose at least one idea" })
  .min(1, "Choose at least one idea")
  .max(IDEAS_PER_COMMAND_MAX, `Choose at most ${IDEAS_PER_COMMAND_MAX} ideas at once`)
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
      themeId: z.union([z.literal(""), id]),
    }),
    z.object({ intent: z.literal("merge-themes"), themeId: id, intoThemeId: id }),
    z.object({
      intent: z.literal("delete-theme"),
      themeId: id,
      // Asked only when the theme feeds a recommendation: move the link to another theme, or drop it.
      link: z.enum(["", "move", "drop"]).default(""),
      linkToThemeId: z.union([z.literal(""), id]).default(""),
    }),
    z.object({ intent: z.literal("undo") }),
  ],
  { error: "Unknown theming action" },
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
