import { quorumOf, requiredForQuorum } from "./quorum";

describe("quorum", () => {
  it.each([
    ["ABSOLUTE_MAJORITY", 20, 11],
    ["ABSOLUTE_MAJORITY", 25, 13],
    ["SIMPLE_MAJORITY_OF_MEMBERS", 25, 13],
    ["SIMPLE_MAJORITY_OF_MEMBERS", 20, 10],
    ["TWO_THIRDS", 16, 11],
    ["ONE_THIRD", 16, 6],
    ["ANY_PRESENT", 16, 1],
  ])("%s of %i seats needs %i present", (rule, seats, required) => {
    expect(requiredForQuorum(rule, seats)).toBe(required);
  });

  it("is unknown, not assumed, when the council's rule is not on record", () => {
    expect(quorumOf(null, 20, 15)).toEqual({ rule: null, seats: 20, required: null, present: 15, achieved: null });
    expect(quorumOf("ABSOLUTE_MAJORITY", 20, 10).achieved).toBe(false);
    expect(quorumOf("ABSOLUTE_MAJORITY", 20, 11).achieved).toBe(true);
  });
});
