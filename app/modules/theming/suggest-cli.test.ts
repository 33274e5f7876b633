import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateThemeSuggestion } from "./suggest.ts";

// The real CLI as a process: `tsx server/cli/themes-suggest.ts FILE`.
const root = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const cli = path.join(root, "server/cli/themes-suggest.ts");
const dir = mkdtempSync(path.join(os.tmpdir(), "convene-themes-cli-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(content: string) {
  const name = path.join(dir, `ideas-${files++}.json`);
  writeFileSync(name, content);
  return name;
}

function run(args: string[]) {
  const result = spawnSync(tsx, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI on ideas and checks the one-line answer is a partition of them. */
function themesFor(ideas: unknown[]) {
  const result = run([file(JSON.stringify(ideas))]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout.endsWith("\n")).toBe(true);
  expect(result.stdout.trimEnd().split("\n")).toHaveLength(1);
  const answer = JSON.parse(result.stdout) as { themes: { label: string; ideas: number[] }[] };
  expect(Object.keys(answer)).toEqual(["themes"]);
  expect(validateThemeSuggestion(ideas.length, answer.themes).problems).toEqual([]);
  return answer.themes;
}

describe("themes:suggest CLI", () => {
  it("answers no themes for no ideas", () => {
    expect(themesFor([])).toEqual([]);
  });

  it("answers one theme for one idea", () => {
    const themes = themesFor(["Release time for teachers"]);
    expect(themes).toHaveLength(1);
    expect(themes[0]!.ideas).toEqual([0]);
  });

  it("keeps duplicates in one theme", () => {
    const themes = themesFor(["Grant funding", "Messaging", "grant  FUNDING", "Grant funding"]);
    expect(themes.find((t) => t.ideas.includes(0))!.ideas).toEqual(
      expect.arrayContaining([0, 2, 3]),
    );
  });

  it("partitions 5,000 ideas", () => {
    const words = ["teacher", "funding", "time", "training", "message", "data", "parents", "grant"];
    const ideas = Array.from(
      { length: 5_000 },
      (_, i) => `${words[i % 8]} and ${words[(i * 7 + 3) % 8]} for idea ${i % 613}`,
    );
    const themes = themesFor(ideas);
    expect(themes.length).toBeGreaterThan(1);
  });

  it("runs as the npm script, printing only the answer", () => {
    const result = spawnSync(
      "npm",
      ["run", "-s", "themes:suggest", "--", file('["Time", "Money"]')],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(0);
    const answer = JSON.parse(result.stdout) as { themes: { ideas: number[] }[] };
    expect(validateThemeSuggestion(2, answer.themes as never).problems).toEqual([]);
  });

  describe("refuses bad input with exit code 2, a message and no answer", () => {
    it.each([
      ["no file named", [], /usage/],
      [
        "a missing file",
        [path.join(dir, "missing.json")],
        /cannot read .*missing\.json \(ENOENT\)/,
      ],
      ["a file that is not JSON", [file("ideas: [1, 2")], /is not JSON/],
      ["JSON that is not an array", [file('{"ideas": ["a"]}')], /JSON array of idea texts/],
      [
        "an array with a non-string",
        [file('["a", 2]')],
        /item 1 is not a string; the file must hold a JSON array of idea texts/,
      ],
      ["two files", [file("[]"), file("[]")], /usage/],
    ])("%s", (_, args, message) => {
      const result = run(args as string[]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    });
  });
});
