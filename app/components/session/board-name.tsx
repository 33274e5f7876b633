import { usePageT } from "../../modules/i18n/use-locale.ts";
import { StaffText } from "../staff-text.tsx";

/**
 * A board's name: "Whole group" in the reader's language, or the area or room it is for (`es`:
 * the area's Spanish name, where staff gave one).
 */
export function BoardName({
  title,
  wholeGroup,
  es,
}: {
  title: string;
  wholeGroup: boolean;
  es?: string | null;
}) {
  const { t } = usePageT();
  return wholeGroup ? t("openBoard.wholeGroup") : <StaffText es={es}>{title}</StaffText>;
}
