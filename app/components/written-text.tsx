import { usePageT } from "../modules/i18n/use-locale.ts";

/**
 * Words a participant wrote (an idea), shown as written and marked with their language where
 * it differs from the page's, so a screen reader reads a Spanish idea on an English page in
 * Spanish (WCAG 3.1.2, language of parts).
 */
export function WrittenText({ text, lang }: { text: string; lang?: string | null }) {
  const { language } = usePageT();
  return lang && lang !== language ? <span lang={lang}>{text}</span> : text;
}
