import { useTranslation } from "react-i18next";
import { joinPath, spacedJoinCode } from "../../modules/session/join-code.ts";

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
    <section
      aria-labelledby="join-heading"
      className="flex flex-wrap items-center gap-6 rounded-lg border border-slate-300 bg-white p-4"
    >
      <img
        src={`${joinPath(code)}/qr.svg`}
        alt={t("joinPanel.qrAlt", { link })}
        width={128}
        height={128}
        className="h-32 w-32"
      />
      <div className="space-y-1">
        <h2 id="join-heading" className="text-lg font-semibold">
          {t("joinPanel.heading")}
        </h2>
        <p>
          {t("joinPanel.code")}{" "}
          <span className="font-mono text-2xl font-bold tracking-widest">
            {spacedJoinCode(code)}
          </span>
        </p>
        <p className="break-all">
          {t("joinPanel.link")}{" "}
          <a className="text-brand-700 underline" href={joinPath(code)}>
            {link}
          </a>
        </p>
        <p className="text-sm text-slate-700">
          {guestsAllowed ? t("joinPanel.howGuests") : t("joinPanel.how")}
        </p>
      </div>
    </section>
  );
}
