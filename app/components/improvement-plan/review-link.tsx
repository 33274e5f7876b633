import { usePageT } from "../../modules/i18n/use-locale.ts";
import { Card, Text, TextLink } from "../ui/index.ts";

/** On the plan's page: the way to its yearly reviews, versions and downloads. */
export function ReviewLink({ to }: { to: string }) {
  const { t } = usePageT();
  return (
    <Card as="p">
      <TextLink standalone className="font-medium" to={to}>
        {t("planReview.openHub")}
      </TextLink>
      <Text as="span" tone="muted" size="small" className="block">
        {t("planReview.openHubHint")}
      </Text>
    </Card>
  );
}
