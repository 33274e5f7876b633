import { usePageT } from "../../modules/i18n/use-locale.ts";
import { StaffText } from "../staff-text.tsx";

/** A board's name: "Whole group" in the reader's language, or the area or room it is for. */
export function BoardName({ title, wholeGroup }: { title: string; wholeGroup: boolean }) {
  const { t } = usePageT();
  return wholeGroup ? t("openBoard.wholeGroup") : <StaffText>{title}</StaffText>;
}
