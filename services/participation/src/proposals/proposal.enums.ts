import { registerEnumType } from "type-graphql";

export enum ProposalStatus {
  PUBLISHED = "PUBLISHED",
  SELECTED = "SELECTED",
  NOT_SELECTED = "NOT_SELECTED",
  WITHDRAWN = "WITHDRAWN",
}

/** STAFF's decision on a proposal once citizens are done with the process. */
export enum ProposalDecision {
  SELECTED = "SELECTED",
  NOT_SELECTED = "NOT_SELECTED",
}

registerEnumType(ProposalStatus, {
  name: "ProposalStatus",
  description: "Where a proposal stands: PUBLISHED, then SELECTED or NOT_SELECTED (decideProposal) or WITHDRAWN (withdrawProposal); those three are final.",
  valuesConfig: {
    PUBLISHED: { description: "Open to supports and, as an option, to the vote." },
    SELECTED: { description: "Chosen, after the process's voting (or proposals and supports) ended." },
    NOT_SELECTED: { description: "Not chosen, after the process's voting (or proposals and supports) ended." },
    WITHDRAWN: { description: "Withdrawn by its author or by STAFF, with a reason; takes no more supports or votes." },
  },
});
registerEnumType(ProposalDecision, {
  name: "ProposalDecision",
  description: "STAFF's decision on a PUBLISHED proposal.",
  valuesConfig: {
    SELECTED: { description: "The proposal is chosen." },
    NOT_SELECTED: { description: "The proposal is not chosen." },
  },
});
