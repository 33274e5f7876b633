/**
 * The Knoster model for managing complex change: each element, and what its absence predicts
 * (seed report, "Knoster model"). Board columns are these elements, in this order, and, where
 * a work group chooses it, a Consensus column after them.
 */
export const KNOSTER_ELEMENTS = [
  { key: "vision", label: "Vision", missing: "confusion" },
  { key: "skills", label: "Skills", missing: "anxiety" },
  { key: "incentives", label: "Incentives", missing: "resistance" },
  { key: "resources", label: "Resources", missing: "frustration" },
  { key: "action_plan", label: "Action Plan", missing: "false starts" },
] as const;

export type KnosterColumn = (typeof KNOSTER_ELEMENTS)[number]["key"];

const CONSENSUS = { key: "consensus", label: "Consensus" } as const;

export const KNOSTER_COLUMNS: KnosterColumn[] = KNOSTER_ELEMENTS.map((e) => e.key);

/** Every column a board can have; which ones a given board has depends on its work group. */
export const BOARD_COLUMNS = [...KNOSTER_COLUMNS, CONSENSUS.key] as unknown as [
  string,
  ...string[],
];

export type BoardColumn = { key: string; label: string };

export function boardColumns(withConsensus: boolean): BoardColumn[] {
  const knoster = KNOSTER_ELEMENTS.map(({ key, label }) => ({ key, label }));
  return withConsensus ? [...knoster, CONSENSUS] : knoster;
}

export function columnAllowed(column: string, withConsensus: boolean) {
  return boardColumns(withConsensus).some((c) => c.key === column);
}

export function columnLabel(column: string): string {
  return boardColumns(true).find((c) => c.key === column)?.label ?? column;
}
