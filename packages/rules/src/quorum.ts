/** Quorum rules, as the councils subgraph names them. */
export type QuorumRuleName = "ABSOLUTE_MAJORITY" | "SIMPLE_MAJORITY_OF_MEMBERS" | "TWO_THIRDS" | "ONE_THIRD" | "ANY_PRESENT";

/** Seats that must be occupied to open the meeting under `rule`; null when the council's rule is not on record. */
export function requiredForQuorum(rule: string | null | undefined, seats: number): number | null {
  switch (rule as QuorumRuleName | null | undefined) {
    case "ABSOLUTE_MAJORITY":
      return Math.floor(seats / 2) + 1;
    case "SIMPLE_MAJORITY_OF_MEMBERS":
      return Math.ceil(seats / 2);
    case "TWO_THIRDS":
      return Math.ceil((2 * seats) / 3);
    case "ONE_THIRD":
      return Math.ceil(seats / 3);
    case "ANY_PRESENT":
      return 1;
    default:
      return null;
  }
}

export interface Quorum {
  rule: string | null;
  seats: number | null;
  required: number | null;
  present: number | null;
  /** Null when it cannot be told: no rule on record, or attendance not recorded yet. */
  achieved: boolean | null;
}

export function quorumOf(rule: string | null | undefined, seats: number | null | undefined, present: number | null | undefined): Quorum {
  const required = seats == null ? null : requiredForQuorum(rule, seats);
  return {
    rule: rule ?? null,
    seats: seats ?? null,
    required,
    present: present ?? null,
    achieved: required == null || present == null ? null : present >= required,
  };
}
