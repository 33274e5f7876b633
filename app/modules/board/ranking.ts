/**
 * Ranking ideas by their star ratings without rewarding ideas that few people rated: a
 * Bayesian average pulls each idea's mean towards the mean of all ratings, as strongly as
 * PRIOR_WEIGHT ratings would. One 5-star rating does not beat twenty ratings averaging 4.6.
 */
export const PRIOR_WEIGHT = 5;

export type RatedIdea = { id: string; stars: number[] };

/**
 * An idea's place. Rated ideas come first, best first, each with how sure its place is;
 * unrated ones follow with no score at all: an idea nobody rated has no place in a ranking,
 * and ranking it at the overall mean put four unrated ideas above one rated 3.0.
 */
export type RankedIdea =
  | {
      id: string;
      rated: true;
      average: number;
      count: number;
      score: number;
      /** Half the width of the score's 95% interval, in stars. */
      margin: number;
      /** "clear": its interval overlaps neither neighbour's; "close": it could swap with one. */
      place: "clear" | "close";
    }
  | { id: string; rated: false; average: null; count: 0; score: null; margin: null; place: null };

const Z95 = 1.96;

/** The stars given, leaving out skips (a rating row with no stars). */
export function starsOf(ratings: { stars: number | null }[]): number[] {
  return ratings.flatMap((r) => (r.stars === null ? [] : [r.stars]));
}

export function rankIdeas(ideas: RatedIdea[]): RankedIdea[] {
  const all = ideas.flatMap((i) => i.stars);
  const globalMean = mean(all);
  // Ratings spread as widely as all of them do, until an idea has enough of its own to say.
  const globalVariance = variance(all, globalMean);
  const rated = ideas
    .filter((idea) => idea.stars.length > 0)
    .map((idea) => {
      const count = idea.stars.length;
      const sum = idea.stars.reduce((a, b) => a + b, 0);
      const own = variance(idea.stars, sum / count);
      const spread =
        (PRIOR_WEIGHT * globalVariance + (count - 1) * own) / (PRIOR_WEIGHT + count - 1);
      return {
        id: idea.id,
        rated: true as const,
        average: sum / count,
        count,
        score: (PRIOR_WEIGHT * globalMean + sum) / (PRIOR_WEIGHT + count),
        margin: (Z95 * Math.sqrt(spread)) / Math.sqrt(PRIOR_WEIGHT + count),
        place: "clear" as "clear" | "close",
      };
    })
    .sort((a, b) => b.score - a.score || b.count - a.count || (a.id < b.id ? -1 : 1));
  const overlaps = (a: (typeof rated)[number], b: (typeof rated)[number] | undefined) =>
    b !== undefined && (a.score === b.score || Math.abs(a.score - b.score) < a.margin + b.margin);
  for (const [index, idea] of rated.entries()) {
    if (overlaps(idea, rated[index - 1]) || overlaps(idea, rated[index + 1])) idea.place = "close";
  }
  const unrated = ideas
    .filter((idea) => idea.stars.length === 0)
    .map((idea) => ({
      id: idea.id,
      rated: false as const,
      average: null,
      count: 0 as const,
      score: null,
      margin: null,
      place: null,
    }));
  return [...rated, ...unrated];
}

function mean(values: number[]) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** The sample variance (n − 1); 0 for fewer than two values. */
function variance(values: number[], around: number) {
  if (values.length < 2) return 0;
  return values.reduce((total, v) => total + (v - around) ** 2, 0) / (values.length - 1);
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
