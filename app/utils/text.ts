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
 * What a typed text field says when it is refused: English built from the field's name
 * ("Name the theme", "the theme's name"), or a catalogue key for each message, said by the form
 * in the reader's language.
 */
type TextMessages =
  | { missing: string; name: string }
  | { missing: string; tooLong: string; controlCharacters: string };

/**
 * A trimmed text field a person typed: required unless `optional`, at most `max` characters,
 * with no control characters (they have no place in names or notes and can hide text from
 * reviewers).
 */
export function typedText(what: TextMessages, max: number, options: { optional?: boolean } = {}) {
  const said =
    "name" in what
      ? {
          missing: what.missing,
          tooLong: `Keep ${what.name} under ${max} characters`,
          controlCharacters: `Remove the invisible control characters from ${what.name}`,
        }
      : what;
  const base = z
    .string({ error: said.missing })
    .trim()
    .max(max, said.tooLong)
    .refine((text) => !hasControlCharacters(text), { message: said.controlCharacters });
  return options.optional
    ? base.optional().transform((v) => v ?? "")
    : base.refine((text) => text.length > 0, { message: said.missing });
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
