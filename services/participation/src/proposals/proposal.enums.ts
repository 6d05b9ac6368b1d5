import { registerEnumType } from "type-graphql";

export enum ProposalStatus {
  PUBLISHED = "PUBLISHED",
  SELECTED = "SELECTED",
  NOT_SELECTED = "NOT_SELECTED",
  WITHDRAWN = "WITHDRAWN",
}

registerEnumType(ProposalStatus, { name: "ProposalStatus", description: "Where a proposal stands." });
