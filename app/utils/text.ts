import { z } from "zod";

/** Any C0 control character but tab and line breaks, or DEL. */
export function hasControlCharacters(text: string) {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 32 && char !== "\t" && char !== "\n" && char !== "\r") || code === 127) return true;
  }
  return false;
}

/**
 * A trimmed text field a person typed: required unless `optional`, at most `max` characters,
 * with no control characters (they have no place in names or notes and can hide text from
 * reviewers). `what` names the field in messages: "Name the theme", "the theme's name".
 */
export function typedText(
  what: { missing: string; name: string },
  max: number,
  options: { optional?: boolean } = {},
) {
  const base = z
    .string({ error: what.missing })
    .trim()
    .max(max, `Keep ${what.name} under ${max} characters`)
    .refine((text) => !hasControlCharacters(text), {
      message: `Remove the invisible control characters from ${what.name}`,
    });
  return options.optional
    ? base.optional().transform((v) => v ?? "")
    : base.refine((text) => text.length > 0, { message: what.missing });
}

/** Text made safe to place where HTML is expected (a feed's title, marked as HTML). */
export function escapeHtml(text: string) {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
