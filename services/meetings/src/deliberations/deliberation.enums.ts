import { registerEnumType } from "type-graphql";

export enum DeliberationOutcome {
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
  POSTPONED = "POSTPONED",
}

export enum VoteChoice {
  FOR = "FOR",
  AGAINST = "AGAINST",
  ABSTAIN = "ABSTAIN",
}

registerEnumType(DeliberationOutcome, {
  name: "DeliberationOutcome",
  description: "What the council decided.",
  valuesConfig: {
    APPROVED: { description: "Approved." },
    REJECTED: { description: "Rejected." },
    WITHDRAWN: { description: "Withdrawn from the agenda before the vote." },
    POSTPONED: { description: "Postponed to a later meeting." },
  },
});
registerEnumType(VoteChoice, {
  name: "VoteChoice",
  description: "A member's nominal vote.",
  valuesConfig: {
    FOR: { description: "For." },
    AGAINST: { description: "Against." },
    ABSTAIN: { description: "Abstained." },
  },
});
