import { readFileSync } from "node:fs";
import { z } from "zod";
import { suggestThemes } from "../../app/modules/theming/suggest.ts";

/**
 * `npm run -s themes:suggest -- FILE`: FILE is a JSON array of idea texts. Prints one line,
 * `{"themes":[{"label":"…","ideas":[0,3,…]}]}`, every index in exactly one theme, from the
 * local (offline) suggester. Bad input: a message on stderr, nothing on stdout, exit code 2.
 */

const USAGE = "usage: npm run -s themes:suggest -- FILE   (FILE: a JSON array of idea texts)";
const EXIT_BAD_INPUT = 2;

const ideasSchema = z.array(z.string());

class BadInput extends Error {}

function readIdeas(args: string[]): string[] {
  if (args.length !== 1) throw new BadInput(USAGE);
  const file = args[0]!;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInput(`cannot read ${file}${code ? ` (${code})` : ""}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadInput(`${file} is not JSON`);
  }
  const parsed = ideasSchema.safeParse(json);
  if (!parsed.success) {
    const item = parsed.error.issues[0]?.path[0];
    const what = item === undefined ? "" : `item ${String(item)} is not a string; `;
    throw new BadInput(`${file}: ${what}the file must hold a JSON array of idea texts`);
  }
  return parsed.data;
}

try {
  const ideas = readIdeas(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify({ themes: suggestThemes(ideas) })}\n`);
} catch (error) {
  if (!(error instanceof BadInput)) throw error;
  process.stderr.write(`themes:suggest: ${error.message}\n`);
  // exitCode, not exit(): let stderr drain.
  process.exitCode = EXIT_BAD_INPUT;
}
