/**
 * The Knoster model for managing complex change: each element, and what its absence predicts
 * (seed report, "Knoster model"). Board columns are these elements, in this order, and, where
 * a work group chooses it, a Consensus column after them.
 */
export const KNOSTER_ELEMENTS = [
  {
    key: "vision",
    label: "Vision",
    missing: "confusion",
    prompt: "Where are we going, and why does it matter?",
  },
  {
    key: "skills",
    label: "Skills",
    missing: "anxiety",
    prompt: "What do people need to learn or be able to do?",
  },
  {
    key: "incentives",
    label: "Incentives",
    missing: "resistance",
    prompt: "What would make people want to take part in the change?",
  },
  {
    key: "resources",
    label: "Resources",
    missing: "frustration",
    prompt: "What time, money, people or tools does it need?",
  },
  {
    key: "action_plan",
    label: "Action Plan",
    missing: "false starts",
    prompt: "What are the steps, who takes them, and by when?",
  },
] as const;

export type KnosterColumn = (typeof KNOSTER_ELEMENTS)[number]["key"];

const CONSENSUS = {
  key: "consensus",
  label: "Consensus",
  prompt: "What do we agree on as a group?",
} as const;

export const KNOSTER_COLUMNS: KnosterColumn[] = KNOSTER_ELEMENTS.map((e) => e.key);

/** Every column a board can have; which ones a given board has depends on its work group. */
export const BOARD_COLUMNS = [...KNOSTER_COLUMNS, CONSENSUS.key] as unknown as [
  string,
  ...string[],
];

/**
 * A board column: its element and the one-line prompt, in plain words, that asks for ideas;
 * `custom` when the work group wrote the prompt (staff text, shown as written), otherwise the
 * page says the Knoster default in the reader's language. `promptEs`: the work group's prompt
 * in Spanish, which Spanish pages show where given.
 */
export type BoardColumn = {
  key: string;
  label: string;
  prompt: string;
  custom: boolean;
  promptEs: string | null;
};

/** The most a column's prompt may say: one line under its heading. */
export const COLUMN_PROMPT_MAX = 160;

/**
 * A board's columns, with the work group's own prompt where it wrote one (`prompts`, by column
 * key, as stored in WorkGroup.columnPrompts; `promptsEs` in Spanish, columnPromptsEs) and the
 * Knoster default elsewhere.
 */
export function boardColumns(
  withConsensus: boolean,
  prompts: Readonly<Record<string, string>> = {},
  promptsEs: Readonly<Record<string, string>> = {},
): BoardColumn[] {
  const knoster = KNOSTER_ELEMENTS.map(({ key, label, prompt }) => ({ key, label, prompt }));
  const columns = withConsensus ? [...knoster, { ...CONSENSUS }] : knoster;
  return columns.map((c) => {
    const own = prompts[c.key]?.trim();
    return {
      ...c,
      prompt: own || c.prompt,
      custom: Boolean(own),
      promptEs: promptsEs[c.key]?.trim() || null,
    };
  });
}

/** The stored prompts: only known columns, only text, whatever the stored JSON holds. */
export function readColumnPrompts(stored: string | null | undefined): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored || "{}");
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object") return {};
  const prompts: Record<string, string> = {};
  for (const column of boardColumns(true)) {
    const value = (parsed as Record<string, unknown>)[column.key];
    if (typeof value === "string" && value.trim())
      prompts[column.key] = value.trim().slice(0, COLUMN_PROMPT_MAX);
  }
  return prompts;
}

export function columnAllowed(column: string, withConsensus: boolean) {
  return boardColumns(withConsensus).some((c) => c.key === column);
}

/**
 * A board of neither an area of focus nor a breakout room is the whole group's: its stored
 * title is the generated "Whole group", so pages name it in the reader's language instead.
 */
export function isWholeGroupBoard(board: {
  areaOfFocusId: string | null;
  breakoutRoomId: string | null;
}) {
  return board.areaOfFocusId === null && board.breakoutRoomId === null;
}
