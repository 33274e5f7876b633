import { z } from "zod";
import {
  type SuggestedTheme,
  suggestThemes,
  type ThemeSuggester,
  themeLabel,
  validateThemeSuggestion,
} from "./suggest.ts";

export { localSuggester, type ThemeSuggester } from "./suggest.ts";

/**
 * Theme suggestions from a remote model behind an OpenAI-compatible chat-completions endpoint
 * (OpenAI, Azure, vLLM, Ollama, llama.cpp…). The answer is treated as hostile: it is size-capped,
 * parsed and checked with zod, then repaired so that every idea is in exactly one theme. What
 * cannot be used at all (no answer in time, an HTTP error, no JSON themes in it) is thrown as a
 * ThemeProviderError, for the caller to fall back on the local suggester.
 */

export type OpenAiCompatibleOptions = {
  /** Up to and including the version, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** For the whole exchange, answer body included. */
  timeoutMs: number;
};

export class ThemeProviderError extends Error {
  override name = "ThemeProviderError";
}

/** A bigger answer than this is not themes for a board: stop reading. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** Labels are shown as headings; anything longer is cut. */
const MAX_LABEL_LENGTH = 80;

const chatCompletionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string() }) }))
    .min(1, "the answer has no choices"),
});

/** An index as a model may write it: 3 or "3". Anything else is dropped, not fatal. */
const indexSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\s*\d{1,9}\s*$/)
    .transform(Number),
]);

const themeSchema = z.object({
  label: z.string().catch(""),
  ideas: z.array(z.unknown()).catch([]),
});

const themesSchema = z.union([
  z.object({ themes: z.array(z.unknown()) }).transform((answer) => answer.themes),
  z.array(z.unknown()),
]);

const INSTRUCTIONS = [
  "You group the short ideas a work group posted during a brainstorm into themes.",
  'Answer with JSON only, no prose: {"themes":[{"label":"…","ideas":[0,3]}]}.',
  "A label is 1 to 3 words taken from the ideas. ideas lists the ideas' numbers.",
  "Every number from 0 to N-1 appears in exactly one theme. Prefer a handful of themes.",
].join("\n");

function messages(ideas: readonly string[]) {
  const list = ideas.map((text, i) => `${i}: ${text.replace(/\s+/g, " ").trim()}`).join("\n");
  return [
    { role: "system", content: INSTRUCTIONS.replace("N-1", String(ideas.length - 1)) },
    { role: "user", content: `${ideas.length} ideas:\n${list}` },
  ];
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new ThemeProviderError(`the answer is over ${MAX_ANSWER_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The JSON in a model's message, which may come in a ```json fence or after a sentence. */
function jsonIn(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content)?.[1];
  const text = (fenced ?? content).trim();
  try {
    return JSON.parse(text);
  } catch {
    // A sentence around the JSON: try from the first bracket to the last.
    const start = text.search(/[[{]/);
    const end = Math.max(text.lastIndexOf("}"), text.lastIndexOf("]"));
    if (start >= 0 && end > start) {
      try {
        return JSON.parse(text.slice(start, end + 1));
      } catch {
        // Fall through to the error below.
      }
    }
    throw new ThemeProviderError("the model's answer holds no JSON");
  }
}

function cleanLabel(label: string) {
  // Control characters and runs of spaces out; long labels cut at a word.
  const clean = label
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length <= MAX_LABEL_LENGTH) return clean;
  const cut = clean.slice(0, MAX_LABEL_LENGTH);
  return cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : MAX_LABEL_LENGTH).trim();
}

/**
 * Makes a model's themes usable for n ideas: indices that are not whole numbers in range, and
 * any index after its first appearance, are dropped; themes left empty are dropped; a missing
 * label is made from the theme's ideas; ideas in no theme are grouped by suggestThemes and
 * added as themes of their own. The result passes validateThemeSuggestion.
 */
export function repairThemeSuggestion(
  ideas: readonly string[],
  proposed: readonly unknown[],
): SuggestedTheme[] {
  const n = ideas.length;
  const placed = new Set<number>();
  const themes: SuggestedTheme[] = [];
  for (const raw of proposed) {
    const parsed = themeSchema.safeParse(raw);
    if (!parsed.success) continue;
    const members: number[] = [];
    for (const idea of parsed.data.ideas) {
      const index = indexSchema.safeParse(idea);
      if (!index.success || index.data < 0 || index.data >= n || placed.has(index.data)) continue;
      placed.add(index.data);
      members.push(index.data);
    }
    if (members.length === 0) continue;
    members.sort((a, b) => a - b);
    const label = cleanLabel(parsed.data.label) || themeLabel(ideas, members);
    themes.push({ label, ideas: members });
  }
  const missing = ideas.map((_, i) => i).filter((i) => !placed.has(i));
  if (missing.length > 0) {
    for (const theme of suggestThemes(missing.map((i) => ideas[i]!))) {
      themes.push({ label: theme.label, ideas: theme.ideas.map((j) => missing[j]!) });
    }
  }
  const { problems } = validateThemeSuggestion(n, themes);
  if (problems.length > 0) throw new Error(`repaired themes still invalid: ${problems.join("; ")}`);
  return themes;
}

export function openAiCompatibleSuggester(options: OpenAiCompatibleOptions): ThemeSuggester {
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const host = new URL(endpoint).host;
  return {
    name: `the language model ${options.model} at ${host}`,
    model: { name: options.model, host },
    async suggest(ideas) {
      if (ideas.length === 0) return [];
      const signal = AbortSignal.timeout(options.timeoutMs);
      let body: string;
      try {
        const response = await fetch(endpoint, {
          method: "POST",
          signal,
          headers: {
            "content-type": "application/json",
            accept: "application/json",
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({ model: options.model, temperature: 0, messages: messages(ideas) }),
        });
        if (!response.ok) {
          await response.body?.cancel();
          throw new ThemeProviderError(`${host} answered HTTP ${response.status}`);
        }
        body = await readCapped(response);
      } catch (error) {
        if (error instanceof ThemeProviderError) throw error;
        if (signal.aborted) {
          throw new ThemeProviderError(`no answer from ${host} within ${options.timeoutMs} ms`);
        }
        throw new ThemeProviderError(`could not reach ${host}: ${String(error)}`);
      }
      let completion: z.infer<typeof chatCompletionSchema>;
      try {
        completion = chatCompletionSchema.parse(JSON.parse(body));
      } catch {
        throw new ThemeProviderError(`${host} did not answer in the chat-completions shape`);
      }
      const themes = themesSchema.safeParse(jsonIn(completion.choices[0]!.message.content));
      if (!themes.success) throw new ThemeProviderError("the model's answer holds no themes");
      return repairThemeSuggestion(ideas, themes.data);
    },
  };
}
