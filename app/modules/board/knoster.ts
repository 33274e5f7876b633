/**
 * The Knoster model for managing complex change: each element, and what its absence predicts
 * (seed report, "Knoster model"). Board columns are these elements, in this order.
 */
export const KNOSTER_ELEMENTS = [
  { key: "vision", label: "Vision", missing: "confusion" },
  { key: "skills", label: "Skills", missing: "anxiety" },
  { key: "incentives", label: "Incentives", missing: "resistance" },
  { key: "resources", label: "Resources", missing: "frustration" },
  { key: "action_plan", label: "Action Plan", missing: "false starts" },
] as const;

export type KnosterColumn = (typeof KNOSTER_ELEMENTS)[number]["key"];

export const KNOSTER_COLUMNS = KNOSTER_ELEMENTS.map((e) => e.key) as [
  KnosterColumn,
  ...KnosterColumn[],
];

export function columnLabel(column: string): string {
  return KNOSTER_ELEMENTS.find((e) => e.key === column)?.label ?? column;
}
