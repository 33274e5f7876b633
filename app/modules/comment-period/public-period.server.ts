import type { CommentChoices } from "./schema.ts";

/**
 * What the public page and intake share: which periods the public may reach (published, of a
 * published work group; anything else answers 404), and what a period's form may name.
 */
export function publicPeriodWhere(slug: string, periodId: string) {
  return {
    id: periodId,
    publishedAt: { not: null },
    workGroup: { slug, publishedAt: { not: null } },
  };
}

/** The columns choicesOf needs, to put in a period query's select. */
export const CHOICES_SELECT = {
  sections: { orderBy: { number: "asc" as const }, select: { number: true } },
  workGroup: {
    select: {
      stakeholderGroups: {
        orderBy: { position: "asc" as const },
        select: { name: true, nameEs: true },
      },
      regions: { orderBy: { position: "asc" as const }, select: { name: true, nameEs: true } },
    },
  },
};

export function choicesOf(period: {
  sections: { number: number }[];
  workGroup: {
    stakeholderGroups: { name: string; nameEs?: string | null }[];
    regions: { name: string; nameEs?: string | null }[];
  };
}): CommentChoices {
  const spanish = [...period.workGroup.stakeholderGroups, ...period.workGroup.regions].flatMap(
    (c) => (c.nameEs ? [[c.name, c.nameEs] as const] : []),
  );
  return {
    spanishNames: Object.fromEntries(spanish),
    stakeholderGroups: period.workGroup.stakeholderGroups.map((g) => g.name),
    regions: period.workGroup.regions.map((r) => r.name),
    sectionNumbers: period.sections.map((s) => s.number),
  };
}
