import type { ReactNode } from "react";
import { staffChoice, staffTextIn } from "../modules/i18n/staff-text.ts";
import { usePageT } from "../modules/i18n/use-locale.ts";

/**
 * Text staff wrote (a session's title, a board's, an agenda item's), shown as written. Staff
 * write in English, and may give a Spanish version (`es`), which a Spanish page shows; where
 * there is none, a page in another language marks the English as English, for screen readers
 * to pronounce it right (WCAG 3.1.2, language of parts).
 */
export function StaffText({ children, es }: { children: ReactNode; es?: string | null }) {
  const { language } = usePageT();
  if (language === "en") return children;
  if (typeof children === "string" || es?.trim()) {
    const shown = staffTextIn(language, typeof children === "string" ? children : "", es);
    if (shown.lang === language) return shown.text;
  }
  return <span lang="en">{children}</span>;
}

/**
 * A longer text staff wrote (a charge, instructions), as paragraphs or lines in an element of
 * its own: the Spanish version on a Spanish page where given, else the English, marked.
 */
export function useStaffText(english: string, spanish?: string | null) {
  const { language } = usePageT();
  const shown = staffTextIn(language, english, spanish);
  return { ...shown, marked: shown.lang !== language ? shown.lang : undefined };
}

/**
 * One choice staff named (a stakeholder group, a region), for a select: the value as stored,
 * the label in Spanish on a Spanish page where given, else the English, marked.
 */
export function StaffOption({
  value,
  choice,
}: {
  value: string;
  choice: { name: string; nameEs?: string | null };
}) {
  const { language } = usePageT();
  const { label, lang } = { lang: undefined, ...staffChoice(language, value, choice) };
  return (
    <option value={value} lang={lang}>
      {label}
    </option>
  );
}

/** Given to t() in place of staff text, for StaffIn to put the text there. */
export const STAFF = "\u{E000}";

/**
 * A catalogue message around staff text ("Recommendation 2: {{title}}", said with
 * `title: STAFF`): the staff text goes where the message has it, marked as English on a page
 * in another language. On an English page the message stays one text, as it was written.
 */
export function StaffIn({
  said,
  staff,
  es,
}: {
  said: string;
  staff: string;
  /** The staff text's Spanish version, where given. */
  es?: string | null;
}) {
  const { language } = usePageT();
  const [before = "", after = ""] = said.split(STAFF);
  if (language === "en") return `${before}${staff}${after}`;
  const shown = staffTextIn(language, staff, es);
  if (shown.lang === language) return `${before}${shown.text}${after}`;
  return (
    <>
      {before}
      <span lang="en">{staff}</span>
      {after}
    </>
  );
}

/**
 * A message a server said in the reader's language that quotes text people wrote (theme names):
 * on a page in another language each quoted text is marked as English, where it appears.
 */
export function StaffWithin({ said, staff }: { said: string; staff: string[] }) {
  const { language } = usePageT();
  const written = [...new Set(staff.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (language === "en" || written.length === 0) return said;
  const escaped = written.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = said.split(new RegExp(`(${escaped.join("|")})`));
  return (
    <>
      {parts.map((part, index) =>
        // Split with a group: every odd part is one of the written texts.
        index % 2 === 1 ? (
          <span key={index} lang="en">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
