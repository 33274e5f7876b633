/**
 * Ranking ideas by their star ratings without rewarding ideas that few people rated: a
 * Bayesian average pulls each idea's mean towards the mean of all ratings, as strongly as
 * PRIOR_WEIGHT ratings would. One 5-star rating does not beat twenty ratings averaging 4.6.
 */
export const PRIOR_WEIGHT = 5;

export type RatedIdea = { id: string; stars: number[] };
export type RankedIdea = { id: string; average: number | null; count: number; score: number };

/** The stars given, leaving out skips (a rating row with no stars). */
export function starsOf(ratings: { stars: number | null }[]): number[] {
  return ratings.flatMap((r) => (r.stars === null ? [] : [r.stars]));
}

export function rankIdeas(ideas: RatedIdea[]): RankedIdea[] {
  const all = ideas.flatMap((i) => i.stars);
  const globalMean = all.length ? all.reduce((a, b) => a + b, 0) / all.length : 0;
  return ideas
    .map((idea) => {
      const count = idea.stars.length;
      const sum = idea.stars.reduce((a, b) => a + b, 0);
      return {
        id: idea.id,
        average: count ? sum / count : null,
        count,
        score: (PRIOR_WEIGHT * globalMean + sum) / (PRIOR_WEIGHT + count),
      };
    })
    .sort((a, b) => b.score - a.score || b.count - a.count || (a.id < b.id ? -1 : 1));
}

/**
 * The order in which to offer ideas to one member for rating: those with the fewest ratings
 * first, so ratings spread evenly over all ideas instead of piling onto the first few; among
 * equals, an order of this member's own (a hash of member and idea), so two members do not see
 * the same sequence.
 */
export function ratingOrder<T extends { id: string; ratingCount: number }>(
  ideas: T[],
  memberId: string,
): T[] {
  return [...ideas].sort(
    (a, b) =>
      a.ratingCount - b.ratingCount || hash(`${memberId}:${a.id}`) - hash(`${memberId}:${b.id}`),
  );
}

/** FNV-1a: a fast, stable hash; nothing here needs it to be secret. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
