import { useTranslation } from "react-i18next";

/**
 * Words a participant wrote (an idea), shown as written and marked with their language where
 * it differs from the page's, so a screen reader reads a Spanish idea on an English page in
 * Spanish (WCAG 3.1.2, language of parts).
 */
export function WrittenText({ text, lang }: { text: string; lang?: string | null }) {
  const { i18n } = useTranslation();
  return lang && lang !== i18n.language ? <span lang={lang}>{text}</span> : text;
}
