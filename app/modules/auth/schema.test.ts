import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { es } from "../i18n/es.ts";
import { PASSWORD_MAX, PASSWORD_MIN, samePagePath } from "./schema.ts";

const base = "https://convene.example.org";

/** Where a browser on our site goes when it is sent to `location`. */
const landsOn = (location: string) => new URL(location, base);

describe("samePagePath", () => {
  it.each([
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "/./a/../..//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/a/%2e%2e//evil.example",
    "/./%2e/%2e//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/ /evil.example",
    "/\u0000/evil.example",
    "/\u001f/evil.example",
    "/\u00a0/evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    undefined,
  ])("refuses %j: it sends people home", (value) => {
    expect(samePagePath(value)).toBe("/");
  });

  it.each([
    "/%5Cevil.example",
    "/%2F%2Fevil.example",
    "/%09/evil.example",
    "/%2e%2e%2f%2fevil.example",
    "/\u3000/evil.example",
    "/\uff0f\uff0fevil.example",
  ])("keeps %j on this site: encoded, it is only a path", (value) => {
    const path = samePagePath(value);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(landsOn(path).origin).toBe(base);
  });

  it("keeps a plain path with its query and fragment, normalised", () => {
    expect(samePagePath("/work-groups/x?tab=1#notes")).toBe("/work-groups/x?tab=1#notes");
    expect(samePagePath("/work-groups/./x/../y")).toBe("/work-groups/y");
    expect(samePagePath("/invite/abc?next=//evil.example")).toBe("/invite/abc?next=//evil.example");
  });

  it("answers only paths that, sent again, stay paths of this site", () => {
    const tries = ["/./", "/.%2f", "/a/../", "/%2e%2e/", "/..//x", "/x/./..//y", "/?a#//b"];
    for (const value of tries) {
      const path = samePagePath(value);
      expect(landsOn(path).origin).toBe(base);
      expect(samePagePath(path)).toBe(path);
    }
  });
});

describe("the password limits' messages", () => {
  // The catalogue writes the numbers out (a form error has no values to fill in).
  it.each([
    ["en", en],
    ["es", es],
  ])("state the limits the schema applies (%s)", (_language, catalogue) => {
    expect(catalogue["auth.errors.passwordShort"]).toContain(String(PASSWORD_MIN));
    expect(catalogue["auth.errors.passwordLong"]).toContain(String(PASSWORD_MAX));
  });
});
