import { AppError, ErrorCode, addYears } from "@contagem/schema";

/** The last day a term starting on `startsOn` may run under a rule of `years` years: the same day `years` later. */
export function latestEnd(startsOn: string, years: number): string {
  // 29 February has no anniversary in a common year: the term may run to the 28th.
  return addYears(startsOn, years);
}

/**
 * A term lasts no longer than the council's rule (`termLengthYears`) unless ADMIN overrides it with a reason (the
 * policy allows the override to ADMIN only). No rule on record: nothing to respect.
 */
export function requireTermLength(startsOn: string, endsOn: string, years: number | null | undefined, overridden: boolean): void {
  if (years == null || overridden) return;
  const latest = latestEnd(startsOn, years);
  if (endsOn > latest) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `The council's terms last ${years} years: this one may end on ${latest} at the latest.`, {
      field: "endsOn",
      termLengthYears: years,
      latestEndsOn: latest,
    });
  }
}
