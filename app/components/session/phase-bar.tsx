import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { PHASES, type Phase, phaseIndex, WORKING_PHASES } from "../../modules/session/phases.ts";
import type { LiveSessionState } from "../../modules/session/session-doc.ts";
import { useCountdown } from "../../realtime/use-live-session.ts";
import { Button, CsrfInput, compactInputClass, FormError } from "../forms.tsx";
import { Card, Label, Text } from "../ui/index.ts";
import type { CommandReply } from "./live-board.tsx";

function formatSeconds(total: number) {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/** Presses "Move to the next phase" (or "End the session") from anywhere on the console. */
export const PHASE_SHORTCUT = "Alt+Shift+N";

/** Where the "Draft the summary" button posts, for people who may draft publications. */
type DraftSummary = { action: string; sessionId: string } | null;

/**
 * Where the session is (brainstorm → rate → theme → report back, then ended), its countdown,
 * and for facilitators the controls to move it, end it and reopen it. Every control posts the
 * version this page showed.
 */
export function PhaseBar({
  state,
  canFacilitate,
  draftSummary = null,
}: {
  state: LiveSessionState;
  canFacilitate: boolean;
  draftSummary?: DraftSummary;
}) {
  const { t } = useTranslation();
  const phase = state.phase as Phase;
  const index = phaseIndex(phase);
  const help = t(`phaseHelp.${phase}`);
  const remaining = useCountdown(state.phaseEndsAt);
  // Said once each, to screen readers: the phase a facilitator just moved to (not the one the
  // page opened in), and the countdown's set points, not every second of it.
  const [moved, setMoved] = useState("");
  const opened = useRef(phase);
  useEffect(() => {
    if (phase === opened.current) return;
    opened.current = phase;
    setMoved(t("phaseBar.moved", { phase: t(`phase.${phase}`), help: t(`phaseHelp.${phase}`) }));
  }, [phase, t]);
  const setPoint =
    remaining === null
      ? ""
      : remaining <= 0
        ? t("phaseBar.timeUp")
        : remaining <= 60
          ? t("phaseBar.lastMinute")
          : remaining <= 300
            ? t("phaseBar.lastFive")
            : "";
  return (
    <Card
      as="section"
      id="phase"
      aria-labelledby="phase-heading"
      // Takes focus when the phase moves away from what the person was doing (SessionPage).
      tabIndex={-1}
      className="outline-none focus-visible:ring-2 focus-visible:ring-focus"
    >
      <h2 id="phase-heading" className="sr-only">
        {t("phaseBar.heading")}
      </h2>
      <ol className="flex flex-wrap gap-2" aria-label={t("phaseBar.phases")}>
        {WORKING_PHASES.map((p, i) => (
          <li
            key={p}
            aria-current={p === phase ? "step" : undefined}
            className={`rounded-full px-3 py-1 text-small ${
              p === phase
                ? "bg-action font-semibold text-white"
                : i < index
                  ? "bg-slate-200 text-ink"
                  : "border border-control text-ink"
            }`}
          >
            {i + 1}. {t(`phase.${p}`)}
          </li>
        ))}
      </ol>
      <p className={`mt-3 ${phase === "ended" ? "font-semibold" : ""}`}>{help}</p>
      {remaining !== null ? (
        <p className="mt-1 font-semibold">
          {remaining > 0
            ? t("phaseBar.timeLeft", { time: formatSeconds(remaining) })
            : t("phaseBar.timeUp")}
        </p>
      ) : null}
      <p className="sr-only" role="status">
        {moved}
      </p>
      <p className="sr-only" role="status">
        {setPoint}
      </p>
      {canFacilitate ? <PhaseControls state={state} draftSummary={draftSummary} /> : null}
    </Card>
  );
}

function PhaseControls({
  state,
  draftSummary,
}: {
  state: LiveSessionState;
  draftSummary: DraftSummary;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  const index = phaseIndex(state.phase as Phase);
  const previous = PHASES[index - 1];
  const next = PHASES[index + 1];
  const refusal = fetcher.data?.intent === "change-phase" ? fetcher.data.message : null;
  const pending = fetcher.state !== "idle";
  if (state.phase === "ended") {
    return (
      <div className="mt-4 flex flex-wrap items-end gap-3">
        {draftSummary ? (
          // The summary's draft opens for editing; nothing is published until someone does.
          <form method="post" action={draftSummary.action}>
            <CsrfInput />
            <input type="hidden" name="intent" value="new-summary" />
            <input type="hidden" name="sessionId" value={draftSummary.sessionId} />
            <Button>{t("phaseBar.draftSummary")}</Button>
          </form>
        ) : null}
        <fetcher.Form key={state.phaseVersion} method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="change-phase" />
          <input type="hidden" name="expectedVersion" value={state.phaseVersion} />
          <Button variant="secondary" name="phase" value={previous} pending={pending}>
            {t("phaseBar.reopen")}
          </Button>
        </fetcher.Form>
        <div className="w-full">
          <FormError errors={refusal ? [refusal] : null} />
        </div>
      </div>
    );
  }
  return (
    // Keyed by version: after a move the countdown field starts empty again. "Move to…" comes
    // first, so Enter in the countdown field moves forward, never back.
    <fetcher.Form
      key={state.phaseVersion}
      method="post"
      className="mt-4 flex flex-wrap items-end gap-3"
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="change-phase" />
      <input type="hidden" name="expectedVersion" value={state.phaseVersion} />
      {next === "ended" ? (
        <Text tone="muted" size="small" className="w-full">
          {t("phaseBar.endHint")}
        </Text>
      ) : (
        <div>
          <Label size="small" htmlFor="countdownMinutes">
            {t("phaseBar.countdown")}
          </Label>
          <input
            id="countdownMinutes"
            name="countdownMinutes"
            type="number"
            min={0}
            max={180}
            className={`mt-1 w-28 ${compactInputClass}`}
          />
        </div>
      )}
      {next ? (
        <Button
          name="phase"
          value={next}
          pending={pending}
          aria-keyshortcuts={PHASE_SHORTCUT}
          data-shortcut={PHASE_SHORTCUT}
        >
          {next === "ended"
            ? t("phaseBar.end")
            : t("phaseBar.moveTo", { phase: t(`phase.${next}`) })}
        </Button>
      ) : null}
      {previous ? (
        <Button variant="secondary" name="phase" value={previous} pending={pending}>
          {t("phaseBar.backTo", { phase: t(`phase.${previous}`) })}
        </Button>
      ) : null}
      <div className="w-full">
        <FormError errors={refusal ? [refusal] : null} />
      </div>
    </fetcher.Form>
  );
}
