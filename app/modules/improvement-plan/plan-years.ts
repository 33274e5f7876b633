/** The school years of a plan's horizon, by the year each starts in (2026 is 2026-27). */
export function planYears(plan: { startYear: number; endYear: number }) {
  return Array.from({ length: plan.endYear - plan.startYear }, (_, i) => plan.startYear + i);
}

/**
 * A school year runs from July 1 to June 30 (the state's fiscal and reporting year): what was
 * completed and counted in that window belongs to that year's review.
 */
export function schoolYearDays(year: number) {
  return { from: `${year}-07-01`, to: `${year + 1}-06-30` };
}
