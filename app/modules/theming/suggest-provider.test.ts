import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateThemeSuggestion } from "./suggest.ts";
import {
  openAiCompatibleSuggester,
  repairThemeSuggestion,
  ThemeProviderError,
} from "./suggest-provider.server.ts";

/**
 * A local endpoint speaking the chat-completions shape. Each test says how it answers; the
 * requests it got are kept for the test to look at.
 */
type Reply = (
  request: { headers: IncomingMessage["headers"]; body: unknown },
  res: ServerResponse,
) => void;

let reply: Reply;
const requests: { headers: IncomingMessage["headers"]; body: unknown }[] = [];
let server: Server;
let baseUrl: string;
const pending = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) };
      requests.push(request);
      reply(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterEach(() => {
  requests.length = 0;
  for (const timer of pending) clearTimeout(timer);
  pending.clear();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** The model "says" content. */
const says =
  (content: string): Reply =>
  (_, res) =>
    json(res, 200, {
      id: "x",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content } }],
    });

const IDEAS = [
  "Release time for teachers",
  "Grant funding for districts",
  "Time for teachers to plan",
  "More money for buses",
  "Consistent messaging",
];

const suggester = (timeoutMs = 2_000, apiKey: string | null = "sk-test") =>
  openAiCompatibleSuggester({
    baseUrl,
    apiKey: apiKey ?? undefined,
    model: "test-model",
    timeoutMs,
  });

function expectPartition(themes: { label: string; ideas: number[] }[]) {
  expect(validateThemeSuggestion(IDEAS.length, themes).problems).toEqual([]);
}

describe("themes from an OpenAI-compatible endpoint", () => {
  it("asks POST {baseUrl}/chat/completions with the model, the key and every idea", async () => {
    reply = says(
      JSON.stringify({
        themes: [
          { label: "Time", ideas: [0, 2] },
          { label: "Money", ideas: [1, 3] },
          { label: "Messaging", ideas: [4] },
        ],
      }),
    );
    const themes = await suggester().suggest(IDEAS);
    expect(themes).toEqual([
      { label: "Time", ideas: [0, 2] },
      { label: "Money", ideas: [1, 3] },
      { label: "Messaging", ideas: [4] },
    ]);
    expect(requests).toHaveLength(1);
    const { headers, body } = requests[0]!;
    expect(headers.authorization).toBe("Bearer sk-test");
    const sent = body as { model: string; messages: { content: string }[] };
    expect(sent.model).toBe("test-model");
    const prompt = sent.messages.map((m) => m.content).join("\n");
    IDEAS.forEach((idea, i) => {
      expect(prompt).toContain(`${i}: ${idea}`);
    });
  });

  it("sends no authorization header without a key", async () => {
    reply = says('{"themes":[{"label":"All","ideas":[0,1,2,3,4]}]}');
    await suggester(2_000, null).suggest(IDEAS);
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it("reads JSON in a code fence or after a sentence", async () => {
    reply = says('Here you go:\n```json\n{"themes":[{"label":"All","ideas":[0,1,2,3,4]}]}\n```');
    expect(await suggester().suggest(IDEAS)).toEqual([{ label: "All", ideas: [0, 1, 2, 3, 4] }]);
    reply = says('Sure! [{"label":"All","ideas":[4,3,2,1,0]}] Hope that helps.');
    expect(await suggester().suggest(IDEAS)).toEqual([{ label: "All", ideas: [0, 1, 2, 3, 4] }]);
  });

  it("repairs out-of-range, duplicated, malformed and missing indices", async () => {
    reply = says(
      JSON.stringify({
        themes: [
          { label: "Time", ideas: [0, 2, 2, 99, -1, 1.5, "x", null] },
          { label: "Again", ideas: [0, 2] },
          { label: "Money", ideas: ["1"] },
          "not a theme",
          { label: 42, ideas: [4] },
        ],
      }),
    );
    const themes = await suggester().suggest(IDEAS);
    expectPartition(themes);
    expect(themes[0]).toEqual({ label: "Time", ideas: [0, 2] });
    expect(themes[1]).toEqual({ label: "Money", ideas: [1] });
    // A theme with no usable label is named from its ideas; idea 3 was in none: placed locally.
    expect(themes[2]!.ideas).toEqual([4]);
    expect(themes[2]!.label).toMatch(/messaging/i);
    expect(themes.find((t) => t.ideas.includes(3))).toBeDefined();
  });

  it("cleans labels: no control characters, no endless text", async () => {
    reply = says(
      JSON.stringify({
        themes: [{ label: `Time\n\u0007 ${"very ".repeat(40)}long`, ideas: [0, 1, 2, 3, 4] }],
      }),
    );
    const [theme] = await suggester().suggest(IDEAS);
    expect(theme!.label).toMatch(/^Time very very/);
    expect(theme!.label.length).toBeLessThanOrEqual(80);
    expect(theme!.label).not.toMatch(/\p{Cc}/u);
  });

  it("places every idea locally when the model's themes are all unusable", async () => {
    reply = says('{"themes":[{"label":"Nothing","ideas":[]},{"label":"Nowhere","ideas":[7,8]}]}');
    expectPartition(await suggester().suggest(IDEAS));
  });

  it.each([
    ["a body that is not JSON", (_: unknown, res: ServerResponse) => json(res, 200, "{not json")],
    [
      "JSON that is not a chat completion",
      (_: unknown, res: ServerResponse) => json(res, 200, { choices: [] }),
    ],
    ["a message with no JSON in it", says("I would group them by topic.")],
    ["a message with JSON but no themes", says('{"groups": "time"}')],
  ] as [string, Reply][])("throws on %s", async (_, answer) => {
    reply = answer;
    await expect(suggester().suggest(IDEAS)).rejects.toThrow(ThemeProviderError);
  });

  it("throws naming the HTTP status on an error answer", async () => {
    reply = (_, res) => json(res, 503, { error: { message: "overloaded" } });
    await expect(suggester().suggest(IDEAS)).rejects.toThrow(/HTTP 503/);
  });

  it("throws on an answer bigger than any themes could be", async () => {
    reply = says(`{"themes":[],"padding":"${"x".repeat(5 * 1024 * 1024)}"}`);
    await expect(suggester().suggest(IDEAS)).rejects.toThrow(/over \d+ bytes/);
  });

  it("gives up after the timeout on a slow answer", async () => {
    reply = (request, res) => {
      pending.add(setTimeout(() => says('{"themes":[]}')(request, res), 5_000));
    };
    const started = Date.now();
    await expect(suggester(300).suggest(IDEAS)).rejects.toThrow(/no answer from .* within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("gives up after the timeout on an answer that stops half way", async () => {
    reply = (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"choices":[{"message":{"content":"');
    };
    await expect(suggester(300).suggest(IDEAS)).rejects.toThrow(/within 300 ms/);
  });

  it("throws when nothing listens there", async () => {
    const closed = openAiCompatibleSuggester({
      baseUrl: "http://127.0.0.1:1/v1",
      model: "m",
      timeoutMs: 2_000,
    });
    await expect(closed.suggest(IDEAS)).rejects.toThrow(/could not reach 127\.0\.0\.1:1/);
  });

  it("asks nothing for no ideas", async () => {
    expect(await suggester().suggest([])).toEqual([]);
    expect(requests).toHaveLength(0);
  });
});

describe("repairing themes", () => {
  it("keeps a valid partition as it is", () => {
    expect(repairThemeSuggestion(["a b", "c d"], [{ label: "X", ideas: [1, 0] }])).toEqual([
      { label: "X", ideas: [0, 1] },
    ]);
  });

  it("gives every idea a theme when there were none", () => {
    const themes = repairThemeSuggestion(IDEAS, []);
    expect(validateThemeSuggestion(IDEAS.length, themes).problems).toEqual([]);
  });
});
