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
  // Signed-in pages whose route says every word comes from the catalogues (use-locale.ts),
  // and the pieces they are built from.
  ...translatedRoutes(),
  ...readdirSync(path.join(root, "app/components/session")).map((f) =>
    path.join("app/components/session", f),
  ),
  ...[
    "app/root.tsx",
    "app/components/staff-text.tsx",
    "app/components/error-boundary.tsx",
    "app/routes/account.tsx",
  ],
  // The public hearing form and the confirmation it mails, in the registrant's language.
  "app/components/hearing/registration-form.tsx",
  "app/modules/hearing/mail.server.ts",
  // The weekly digest of overdue action steps, in each person's language.
  "app/modules/improvement-plan/digest.server.ts",
  ...translatedComponents(),
];

/**
 * Components of the signed-in pages that take every word from the catalogues, besides the
 * session's: no English may be written in them either.
 */
function translatedComponents() {
  return [
    ...[
      "app/components/recommendation",
      "app/components/theming",
      "app/components/improvement-plan",
      "app/components/auth",
      "app/components/ui",
    ].flatMap((dir) => readdirSync(path.join(root, dir)).map((f) => path.join(dir, f))),
    "app/components/history-list.tsx",
    "app/components/comment-period/count-tables.tsx",
    "app/components/hearing/hearing-requests.tsx",
    "app/components/hearing/hearing-fields.tsx",
    "app/components/work-group-fields.tsx",
    "app/realtime/notes-editor.tsx",
  ];
}

/** Route files that declare `handle = translated`. */
function translatedRoutes() {
  return readdirSync(path.join(root, "app/routes"))
    .map((f) => path.join("app/routes", f))
    .filter((file) =>
      /export const handle = translated/.test(readFileSync(path.join(root, file), "utf8")),
    );
}

/** Modules whose messages are catalogue keys, said by the page in the reader's language. */
const keyedModules = [
  "app/modules/session/guest-schema.ts",
  "app/modules/session/guests.server.ts",
  "app/modules/session/schema.ts",
  "app/modules/auth/schema.ts",
  "app/modules/auth/accounts.server.ts",
  "app/modules/work-group/schema.ts",
  "app/modules/work-group/members.server.ts",
  "app/modules/recommendation/schema.ts",
  "app/modules/publication/schema.ts",
  "app/modules/publication/publication.server.ts",
  "app/modules/theming/schema.ts",
  "app/modules/theming/theming.server.ts",
  "app/modules/hearing/schema.ts",
  "app/modules/hearing/registration.server.ts",
  "app/modules/comment-period/schema.ts",
  "app/modules/comment-period/analysis.server.ts",
  "app/modules/comment-period/comment-period.server.ts",
  "app/modules/hearing/hearings.server.ts",
  "app/modules/improvement-plan/schema.ts",
  "app/modules/improvement-plan/improvement-plan.server.ts",
  "app/modules/improvement-plan/review-schema.ts",
  "app/modules/improvement-plan/review.server.ts",
  "app/modules/improvement-plan/versions.server.ts",
  "app/modules/improvement-plan/versions.ts",
  "app/modules/improvement-plan/plan-document.server.ts",
  "app/modules/improvement-plan/plan-csv.ts",
];

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

  it("has every message key the keyed rules and forms can answer with", () => {
    // "invite.errors.": the members module also names its audit actions "invite.create"…
    const prefixes =
      /^(?:guests?|auth|sessionForm|start|invite\.errors|workGroupForm|members|recommendations|actionStep|publicSite|editor|theming|hearing|staffPeriod|staffAnalysis|staffHearing|plans|planReview|csv)\./;
    const keys = keyedModules.flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(/"([a-z][\w.]+)"/g)]
        .map((m) => m[1]!)
        .filter((key) => prefixes.test(key)),
    );
    expect(keys.length).toBeGreaterThan(120);
    expect(keys.filter((key) => !has(en, key) || !has(es, key))).toEqual([]);
  });

  it("covers the pages that say they are translated, with no English words written in them", () => {
    const routes = translatedRoutes();
    expect(routes).toEqual(
      expect.arrayContaining([
        "app/routes/join.$code.tsx",
        "app/routes/work-groups.$slug.tsx",
        "app/routes/work-groups.$slug.sessions.$sessionId.tsx",
      ]),
    );
    // Text between tags, and in the props people read, must come from t(): a literal
    // written in JSX is English on a Spanish page.
    const literal = />\s*([A-Z][a-z]+(?: [a-z]+)+[.!?]?)\s*</g;
    const props = /\b(?:label|aria-label|title|placeholder|alt)="([A-Z][a-z][^"]*)"/g;
    const found: string[] = [];
    const components = [
      ...publicSources.filter((f) => f.includes("session/")),
      ...translatedComponents(),
    ];
    for (const file of [...routes, ...components]) {
      const source = readFileSync(path.join(root, file), "utf8");
      for (const m of [...source.matchAll(literal), ...source.matchAll(props)])
        found.push(`${file}: ${m[1]}`);
    }
    expect(found).toEqual([]);
  });

  it("keeps the same placeholders in each translation", () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(en).filter(
      (key) =>
        placeholders(en[key as keyof typeof en]).join() !==
        placeholders(es[key as keyof typeof es]).join(),
    );
    expect(differing).toEqual([]);
  });
});
