import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Text staff wrote (a session's title, a board's, an agenda item's), shown as written. Staff
 * write in English, so on a page in another language it is marked as English, for screen
 * readers to pronounce it right (WCAG 3.1.2, language of parts).
 */
export function StaffText({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? children : <span lang="en">{children}</span>;
}
