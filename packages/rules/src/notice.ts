/** A council's notice rules, as its record states them (`CouncilRules`). */
export interface NoticeRules {
  /** Days of notice an ordinary meeting's convocation needs; null when not on record. */
  ordinaryNoticeDays?: number | null;
  /** Hours of notice an extraordinary meeting's convocation needs; null when not on record. */
  extraordinaryNoticeHours?: number | null;
}

/**
 * Hours of notice the council's rules require for a meeting of `type` (an EXTRAORDINARY one its own rule, any other
 * the ordinary rule in days × 24); null when the rule is not on record.
 */
export function requiredNoticeHours(rules: NoticeRules, type: string): number | null {
  if (type === "EXTRAORDINARY") return rules.extraordinaryNoticeHours ?? null;
  return rules.ordinaryNoticeDays == null ? null : rules.ordinaryNoticeDays * 24;
}

/** Whole hours between the convocation and the meeting's start (rounded down: 47 h 59 min is 47 h of notice). */
export function givenNoticeHours(startsAt: Date, convenedAt: Date): number {
  return Math.floor((startsAt.getTime() - convenedAt.getTime()) / 3_600_000);
}

/** Whether the notice given meets the rule; null when no rule is on record. */
export function noticeRespected(required: number | null, given: number): boolean | null {
  return required === null ? null : given >= required;
}
