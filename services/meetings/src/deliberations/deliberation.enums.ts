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
    APPROVED: { description: "The council approved the matter." },
    REJECTED: { description: "The council rejected the matter." },
    WITHDRAWN: { description: "Withdrawn from the agenda before the vote." },
    POSTPONED: { description: "Postponed to a later meeting." },
  },
});
registerEnumType(VoteChoice, {
  name: "VoteChoice",
  description: "A member's nominal vote.",
  valuesConfig: {
    FOR: { description: "Voted in favour." },
    AGAINST: { description: "Voted against." },
    ABSTAIN: { description: "Abstained from voting (present, neither for nor against)." },
  },
});
