import { Form } from "@remix-run/react";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { Button, inputClass } from "../forms.tsx";
import { cardClass, cx, Heading, Label } from "../ui/index.ts";

/**
 * Which two versions to compare: any two of the plan's versions, or one of them and the plan
 * as it stands now. A plain GET form, so a comparison has an address to share.
 */
export function CompareForm({
  versions,
  from,
  to,
  action,
}: {
  versions: number[];
  from: number | "current";
  to: number | "current";
  action: string;
}) {
  const { t } = usePageT();
  const options = [
    ...versions.map((n) => ({
      value: String(n),
      label: t("planReview.versionOption", { number: n }),
    })),
    { value: "current", label: t("planReview.current") },
  ];
  const select = (name: "from" | "to", label: string, value: number | "current") => (
    <div>
      <Label htmlFor={`compare-${name}`}>{label}</Label>
      <select
        // A new default (a version saved just now) must show: an uncontrolled select keeps
        // its first value unless it is made again.
        key={`${name}:${value}:${versions.length}`}
        id={`compare-${name}`}
        name={name}
        defaultValue={String(value)}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form method="get" action={action} className={cx(cardClass(), "space-y-3")}>
      <Heading level={3}>{t("planReview.compare")}</Heading>
      <div className="grid gap-3 sm:grid-cols-2">
        {select("from", t("planReview.compareFrom"), from)}
        {select("to", t("planReview.compareTo"), to)}
      </div>
      <Button variant="secondary">{t("planReview.compareButton")}</Button>
    </Form>
  );
}
