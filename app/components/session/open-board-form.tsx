import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput } from "../forms.tsx";
import { StaffOption } from "../staff-text.tsx";

export function OpenBoardForm({
  areas,
}: {
  areas: { id: string; name: string; nameEs?: string | null }[];
}) {
  const { t } = useTranslation();
  return (
    <Form
      method="post"
      className="max-w-md space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="open-board" />
      <label htmlFor="areaOfFocusId" className="block font-semibold">
        {t("openBoard.label")}
      </label>
      <select
        id="areaOfFocusId"
        name="areaOfFocusId"
        className="block w-full rounded-md border border-slate-500 p-2"
      >
        <option value="">{t("openBoard.wholeGroup")}</option>
        {areas.map((a) => (
          <StaffOption key={a.id} value={a.id} choice={a} />
        ))}
      </select>
      <Button>{t("openBoard.open")}</Button>
    </Form>
  );
}
