import { AttendanceStatus } from "../attendance/attendance.enums";
import { VoteChoice } from "./deliberation.enums";
import { checkVotes, sittingMandates } from "./deliberation.votes";

const { PRESENT, ABSENT, SUBSTITUTED } = AttendanceStatus;
// Seat 1: titular 11 present and suplente 12 present too; seat 2: titular 21 substituted by suplente 22; seat 3: absent.
const sitting = sittingMandates([
  { mandateId: 11, seatId: 1, status: PRESENT },
  { mandateId: 12, seatId: 1, status: PRESENT },
  { mandateId: 21, seatId: 2, status: SUBSTITUTED, substituteMandateId: 22 },
  { mandateId: 31, seatId: 3, status: ABSENT },
]);
const counts = (votesFor: number, votesAgainst = 0, abstentions = 0) => ({ votesFor, votesAgainst, abstentions });
const vote = (mandateId: number, choice = VoteChoice.FOR) => ({ mandateId, choice });
const fieldOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
};

describe("a deliberation's votes", () => {
  it("never outnumber the seats occupied; unknown occupancy checks nothing", () => {
    expect(fieldOf(() => checkVotes(counts(7, 2, 1), 3, [], sitting))).toBe("votesFor");
    expect(fieldOf(() => checkVotes(counts(2, 1), 3, [], sitting))).toBeNull();
    expect(fieldOf(() => checkVotes(counts(2, 1), null, [], sitting))).toBeNull();
    expect(fieldOf(() => checkVotes(counts(-1), 3, [], sitting))).toBe("votesFor");
  });

  it("are cast, when nominal, by members who sat (the suplente for their titular), one per seat, adding up to the counts", () => {
    expect(fieldOf(() => checkVotes(counts(2), 2, [vote(11), vote(22)], sitting))).toBeNull();
    expect(fieldOf(() => checkVotes(counts(2), 2, [vote(11), vote(21)], sitting))).toBe("votes[1].mandateId");
    expect(fieldOf(() => checkVotes(counts(2), 2, [vote(11), vote(31)], sitting))).toBe("votes[1].mandateId");
    expect(fieldOf(() => checkVotes(counts(2), 2, [vote(11), vote(12)], sitting))).toBe("votes[1].mandateId");
    expect(fieldOf(() => checkVotes(counts(2), 2, [vote(11), vote(22, VoteChoice.ABSTAIN)], sitting))).toBe("votes");
  });
});
