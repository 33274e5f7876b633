import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, inputClass } from "../forms.tsx";
import { StaffOption } from "../staff-text.tsx";
import { cardClass, cx } from "../ui/index.ts";

export function OpenBoardForm({
  areas,
}: {
  areas: { id: string; name: string; nameEs?: string | null }[];
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className={cx(cardClass(), "max-w-md space-y-3")}>
      <CsrfInput />
      <input type="hidden" name="intent" value="open-board" />
      <label htmlFor="areaOfFocusId" className="block font-semibold">
        {t("openBoard.label")}
      </label>
      <select id="areaOfFocusId" name="areaOfFocusId" className={inputClass}>
        <option value="">{t("openBoard.wholeGroup")}</option>
        {areas.map((a) => (
          <StaffOption key={a.id} value={a.id} choice={a} />
        ))}
      </select>
      <Button>{t("openBoard.open")}</Button>
    </Form>
  );
}
