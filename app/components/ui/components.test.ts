import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../modules/i18n/en.ts";
import { es } from "../../modules/i18n/es.ts";
import { i18nFor, type Locale } from "../../modules/i18n/i18n.ts";
import { BarChart } from "./bar-chart.tsx";
import { Button, type ButtonSize, type ButtonVariant, buttonClass } from "./button.tsx";
import { Heading } from "./heading.tsx";
import { Notice } from "./notice.tsx";

const render = (element: ReactElement, locale: Locale = "en") =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(locale) }, element));

describe("Button", () => {
  it.each([
    ["en", en["forms.working"]],
    ["es", es["forms.working"]],
  ] as const)("says it is working in the reader's language (%s)", (locale, words) => {
    const html = render(createElement(Button, { pending: true }, "Send"), locale);
    expect(html).toContain(words);
    expect(html).not.toContain("Send");
    expect(html).toContain('aria-disabled="true"');
  });

  it("submits its form unless told otherwise, and shows its words when idle", () => {
    expect(render(createElement(Button, null, "Send"))).toMatch(
      /^<button type="submit"[^>]*>Send<\/button>$/,
    );
    expect(render(createElement(Button, { type: "button" }, "Open"))).toContain('type="button"');
  });

  it("is a 44 px target on a phone in every variant and size", () => {
    const variants: ButtonVariant[] = ["primary", "secondary", "danger", "link"];
    const sizes: ButtonSize[] = ["sm", "md", "lg"];
    for (const variant of variants)
      for (const size of sizes) {
        const classes = buttonClass({ variant, size }).split(" ");
        // The unprefixed class is the phone's; a larger screen may shrink a small button.
        expect(classes.includes("min-h-tap") || classes.includes("min-h-12")).toBe(true);
      }
  });
});

describe("Heading", () => {
  it("is the level asked for, in that level's step of the type scale unless told", () => {
    expect(render(createElement(Heading, { level: 2 }, "Agenda"))).toBe(
      '<h2 class="text-heading font-semibold">Agenda</h2>',
    );
    expect(render(createElement(Heading, { level: 3, size: "minor", id: "x" }, "Notes"))).toBe(
      '<h3 id="x" class="text-body font-semibold">Notes</h3>',
    );
  });
});

describe("Notice", () => {
  it("is announced only when it is live: an error as an alert, the rest as a status", () => {
    expect(render(createElement(Notice, { tone: "error", live: true }, "No"))).toContain(
      'role="alert"',
    );
    expect(render(createElement(Notice, { tone: "success", live: true }, "Yes"))).toContain(
      'role="status"',
    );
    expect(render(createElement(Notice, { tone: "warning" }, "Careful"))).not.toContain("role=");
  });
});

describe("BarChart", () => {
  const html = render(
    createElement(BarChart, {
      bars: [
        { key: "a", label: "Teachers", value: 8 },
        { key: "b", label: "Parents", value: 4 },
        { key: "c", label: "Students", value: null },
      ],
    }),
  );

  it("is hidden from screen readers, which read the table beside it", () => {
    expect(html).toMatch(/^<div aria-hidden="true"/);
  });

  it("draws each count against the largest, and no bar for a count kept back", () => {
    expect(html).toContain('width="100%" height="100%" rx="2" class="fill-action"');
    expect(html).toContain('width="50%" height="100%" rx="2" class="fill-action"');
    expect(html.match(/fill-action/g)).toHaveLength(2);
    const students = html.slice(html.indexOf("Students"));
    expect(students).toContain("–");
    expect(students).not.toContain("fill-action");
  });
});
