import { useTranslation } from "react-i18next";
import { StaffText } from "../staff-text.tsx";

/** A board's name: "Whole group" in the reader's language, or the area or room it is for. */
export function BoardName({ title, wholeGroup }: { title: string; wholeGroup: boolean }) {
  const { t } = useTranslation();
  return wholeGroup ? t("openBoard.wholeGroup") : <StaffText>{title}</StaffText>;
}
