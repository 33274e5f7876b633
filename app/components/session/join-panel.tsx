import { useTranslation } from "react-i18next";
import { joinPath, spacedJoinCode } from "../../modules/session/join-code.ts";
import { Card, Heading, Text, TextLink } from "../ui/index.ts";

/**
 * For facilitators: how people join this session, to read out, paste into the meeting chat or
 * put on the projector: the code, the link and its QR code.
 */
export function JoinPanel({
  code,
  link,
  guestsAllowed,
}: {
  code: string;
  link: string;
  /** Guests may join without an account: the hint says so instead of "members". */
  guestsAllowed: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card as="section" aria-labelledby="join-heading" className="flex flex-wrap items-center gap-6">
      <img
        src={`${joinPath(code)}/qr.svg`}
        alt={t("joinPanel.qrAlt", { link })}
        width={128}
        height={128}
        className="h-32 w-32"
      />
      <div className="space-y-1">
        <Heading level={2} size="subheading" id="join-heading">
          {t("joinPanel.heading")}
        </Heading>
        <p>
          {t("joinPanel.code")}{" "}
          <span className="font-mono text-2xl font-bold tracking-widest">
            {spacedJoinCode(code)}
          </span>
        </p>
        <p className="break-all">
          {t("joinPanel.link")} <TextLink href={joinPath(code)}>{link}</TextLink>
        </p>
        <Text tone="muted" size="small">
          {guestsAllowed ? t("joinPanel.howGuests") : t("joinPanel.how")}
        </Text>
      </div>
    </Card>
  );
}
