import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Card, summaryClass } from "../ui/index.ts";

/**
 * The console's keyboard shortcuts: each presses the button that carries it in
 * data-shortcut (and says so in aria-keyshortcuts), so a shortcut does exactly what the
 * button does, and nothing when the button is not on the page. Alt+Shift with a letter: no
 * single-key shortcut fires while someone types (WCAG 2.1.4).
 */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      // event.code: on a Mac, Alt+Shift+N types "˜", but the key is still KeyN.
      if (!event.code.startsWith("Key")) return;
      const combo = `Alt+Shift+${event.code.slice(3)}`;
      const button = document.querySelector<HTMLButtonElement>(
        `button[data-shortcut="${combo}"]:not([aria-disabled="true"])`,
      );
      if (!button) return;
      event.preventDefault();
      button.click();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** The shortcuts, listed where the facilitator can read them. */
export function ShortcutList({ shortcuts }: { shortcuts: { keys: string; what: string }[] }) {
  const { t } = useTranslation();
  return (
    <Card as="details">
      <summary className={summaryClass("label")}>{t("console.shortcuts")}</summary>
      <dl className="mt-2 space-y-1 text-small">
        {shortcuts.map((s) => (
          <div key={s.keys} className="flex gap-3">
            <dt>
              <kbd className="rounded border border-control bg-canvas px-1 font-mono">{s.keys}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
