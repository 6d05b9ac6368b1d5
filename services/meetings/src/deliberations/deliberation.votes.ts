import { AppError, ErrorCode, badInput } from "@contagem/schema";
import { AttendanceStatus } from "../attendance/attendance.enums";
import type { VoteChoice } from "./deliberation.enums";

export interface Counts {
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

/** The mandates that sat at a meeting (a present member, or the suplente sitting for a titular), with their seat. */
export function sittingMandates(attendance: { mandateId: number; seatId: number; status: AttendanceStatus; substituteMandateId?: number | null }[]): Map<number, number> {
  const sitting = new Map<number, number>();
  for (const a of attendance) {
    if (a.status === AttendanceStatus.PRESENT) sitting.set(a.mandateId, a.seatId);
    if (a.status === AttendanceStatus.SUBSTITUTED && a.substituteMandateId) sitting.set(a.substituteMandateId, a.seatId);
  }
  return sitting;
}

/**
 * A deliberation's counts fit its meeting: no more votes than the seats occupied there (the quorum's `present`, as
 * attendance recorded it; null only for a meeting whose attendance is not on record). Nominal votes, when given, come from mandates that sat, one per seat, and add up to the
 * counts.
 */
export function checkVotes(counts: Counts, seatsOccupied: number | null, votes: { mandateId: number; choice: VoteChoice }[], sitting: Map<number, number>): void {
  for (const field of ["votesFor", "votesAgainst", "abstentions"] as const) {
    if (!Number.isInteger(counts[field]) || counts[field] < 0) throw badInput(field, `"${field}" must be a count (0 or more).`);
  }
  const total = counts.votesFor + counts.votesAgainst + counts.abstentions;
  if (seatsOccupied !== null && total > seatsOccupied) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${total} votes and abstentions, but only ${seatsOccupied} seats were occupied at the meeting.`, {
      field: "votesFor",
      seatsOccupied,
    });
  }
  if (votes.length === 0) return;
  const tally = { FOR: 0, AGAINST: 0, ABSTAIN: 0 };
  const seats = new Set<number>();
  votes.forEach((vote, i) => {
    const field = `votes[${i}].mandateId`;
    const seat = sitting.get(vote.mandateId);
    if (seat === undefined) throw badInput(field, `Mandate ${vote.mandateId} did not sit at this meeting.`);
    if (seats.has(seat)) throw badInput(field, `The seat of mandate ${vote.mandateId} already voted: one vote per seat.`);
    seats.add(seat);
    tally[vote.choice]++;
  });
  if (tally.FOR !== counts.votesFor || tally.AGAINST !== counts.votesAgainst || tally.ABSTAIN !== counts.abstentions) {
    throw badInput("votes", `The nominal votes (${tally.FOR}/${tally.AGAINST}/${tally.ABSTAIN}) do not add up to the counts.`);
  }
}
