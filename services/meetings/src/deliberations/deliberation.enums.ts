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

registerEnumType(DeliberationOutcome, { name: "DeliberationOutcome", description: "What the council decided." });
registerEnumType(VoteChoice, { name: "VoteChoice", description: "A member's nominal vote." });
