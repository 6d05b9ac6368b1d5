import { LongText, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { Channel } from "../processes/process.enums";
import { ProposalDecision, ProposalStatus } from "./proposal.enums";

@InputType()
export class ProposalFilter {
  @Field(() => ID, { nullable: true })
  processId?: string;

  @Field(() => ID, { nullable: true })
  territoryId?: string;

  @Field(() => ProposalStatus, { nullable: true })
  status?: ProposalStatus;
}

@InputType({ description: "A citizen's proposal, during a process's PROPOSALS phase." })
export class SubmitProposalInput {
  @Field(() => ID)
  processId: string;

  @Field()
  title: string;

  @LongText("TEXT")
  @Field()
  body: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the process's territory. A territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "An official option of a process (e.g. a commitment put to the vote), recorded by STAFF." })
export class CreateProposalOptionInput {
  @Field(() => ID)
  processId: string;

  @Field()
  title: string;

  @LongText("TEXT")
  @Field()
  body: string;

  @Field(() => ID, { nullable: true, description: "A territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class SupportProposalInput {
  @Field(() => ID)
  proposalId: string;

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM })
  channel: Channel;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A ballot: the options picked, within the process's rule (e.g. at most 3 of 5)." })
export class CastBallotInput {
  @Field(() => ID)
  processId: string;

  @Field(() => [ID])
  proposalIds: string[];

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM })
  channel: Channel;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({
  description:
    "Withdraws a PUBLISHED proposal: its author (CITIZEN) while the process is OPEN, or STAFF/ADMIN at any time. " +
    "Another citizen: FORBIDDEN; a proposal that is not PUBLISHED, or an author once the process left OPEN: CONFLICT.",
})
export class WithdrawProposalInput {
  @Field(() => ID, { description: "The proposal; unknown: NOT_FOUND." })
  proposalId: string;

  @Field(() => Int, { description: "The proposal's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

  @LongText("TEXT")
  @Field({ description: "Why it is withdrawn, shown with the proposal: 3 to 2,000 characters." })
  reason: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({
  description:
    "STAFF/ADMIN select a PUBLISHED proposal or not, once every PROPOSALS, SUPPORTS and VOTING phase of its process has " +
    "ended (a phase with no end on record: once the process is CLOSED). Before that, or on a proposal that is not " +
    "PUBLISHED, or in a PLANNED or CANCELLED process: CONFLICT.",
})
export class DecideProposalInput {
  @Field(() => ID, { description: "The proposal; unknown: NOT_FOUND." })
  proposalId: string;

  @Field(() => Int, { description: "The proposal's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

  @Field(() => ProposalDecision)
  decision: ProposalDecision;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "Why, shown with the proposal: up to 2,000 characters." })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
