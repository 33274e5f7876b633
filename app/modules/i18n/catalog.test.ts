import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { es } from "./es.ts";

const root = path.resolve(import.meta.dirname, "../../..");
/** Every file that renders the public site's interface. */
const publicSources = [
  ...readdirSync(path.join(root, "app/routes"))
    .filter((f) => f.startsWith("public.") || f.startsWith("join"))
    .map((f) => path.join("app/routes", f)),
  ...["app/components/publication", "app/components/comment-period"].flatMap((dir) =>
    readdirSync(path.join(root, dir)).map((f) => path.join(dir, f)),
  ),
  // Signed-in pieces already drawn from the catalogues (the rest follow with issue 17).
  ...[
    "app/components/session/join-form.tsx",
    "app/components/session/join-panel.tsx",
    "app/components/session/live-now.tsx",
    "app/components/session/rating-panel.tsx",
    "app/components/work-group-fields.tsx",
    "app/components/session/guest-join-form.tsx",
    "app/components/session/guests-panel.tsx",
    "app/routes/account.tsx",
  ],
];

/** Modules whose messages are catalogue keys, said by the page in the reader's language. */
const keyedModules = ["app/modules/session/guest-schema.ts", "app/modules/session/guests.server.ts"];

/** The keys a source asks for: t("a.b") literally, and t(`a.${x}`) as the prefix "a.". */
function keysUsed(source: string) {
  const literal = [...source.matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => m[1]!);
  const prefixes = [...source.matchAll(/\bt\(\s*`([^`$]+)\$\{/g)].map((m) => m[1]!);
  return { literal, prefixes };
}

const has = (catalog: Record<string, string>, key: string) =>
  Boolean(catalog[key]?.trim()) ||
  Boolean(catalog[`${key}_one`]?.trim() && catalog[`${key}_other`]?.trim());

describe("the Spanish catalogue", () => {
  it("has every string of the English one, none empty", () => {
    const missing = Object.keys(en).filter((key) => !es[key as keyof typeof es]?.trim());
    expect(missing).toEqual([]);
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it("has every string the public pages ask for", () => {
    expect(publicSources.length).toBeGreaterThan(4);
    const missing: string[] = [];
    for (const file of publicSources) {
      const { literal, prefixes } = keysUsed(readFileSync(path.join(root, file), "utf8"));
      for (const key of literal) {
        if (!has(en, key) || !has(es, key)) missing.push(`${file}: ${key}`);
      }
      for (const prefix of prefixes) {
        const inEnglish = Object.keys(en).filter((k) => k.startsWith(prefix));
        const inSpanish = Object.keys(es).filter((k) => k.startsWith(prefix));
        if (inEnglish.length === 0 || inSpanish.length !== inEnglish.length)
          missing.push(`${file}: ${prefix}*`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has every message key the guest rules can answer with", () => {
    const keys = keyedModules.flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(/"(guests?\.[\w.]+)"/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(keys.length).toBeGreaterThan(8);
    expect(keys.filter((key) => !has(en, key) || !has(es, key))).toEqual([]);
  });

  it("keeps the same placeholders in each translation", () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(en).filter(
      (key) =>
        placeholders(en[key as keyof typeof en]).join() !==
        placeholders(es[key as keyof typeof es]).join(),
    );
    expect(differing).toEqual([]);
  });
});
