import { LongText, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { SourceSystem } from "../decidim/source.enums";
import { Channel } from "../processes/process.enums";
import { ProposalDecision, ProposalStatus } from "./proposal.enums";

@InputType({ description: "Filters for proposal lists; all given filters must match." })
export class ProposalFilter {
  @Field(() => ID, { nullable: true, description: "Only this process's proposals." })
  processId?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals for this territory." })
  territoryId?: string;

  @Field(() => ProposalStatus, { nullable: true, description: "Only proposals in this status." })
  status?: ProposalStatus;

  @Field(() => Date, { nullable: true, description: "Changed at or after this time, a new support included (incremental sync; ISO 8601 instant)." })
  updatedSince?: Date;

  @Field(() => SourceSystem, { nullable: true, description: "Only records kept in this system: DECIDIM, those imported from Decide Contagem (read-only here); CONTAGEM, this graph's own." })
  source?: SourceSystem;
}

@InputType({ description: "A citizen's proposal, during a process's PROPOSALS phase." })
export class SubmitProposalInput {
  @Field(() => ID, { description: "The process, OPEN and in its PROPOSALS phase (otherwise CONFLICT); unknown: BAD_USER_INPUT. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  processId: string;

  @Field({ description: "Its title, 3 to 300 characters." })
  title: string;

  @LongText("TEXT")
  @Field({ description: "The proposal, in Markdown, 3 to 20,000 characters." })
  body: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the process's territory. A territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "An official option of a process (e.g. a commitment put to the vote), recorded by STAFF." })
export class CreateProposalOptionInput {
  @Field(() => ID, { description: "The process; unknown: BAD_USER_INPUT. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  processId: string;

  @Field({ description: "The option's title, 3 to 300 characters." })
  title: string;

  @LongText("TEXT")
  @Field({ description: "What it means, in Markdown, 3 to 20,000 characters." })
  body: string;

  @Field(() => ID, { nullable: true, description: "A territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Your support for a proposal, during its process's SUPPORTS phase (its PROPOSALS phase when it has none; otherwise CONFLICT); once per proposal (twice: CONFLICT)." })
export class SupportProposalInput {
  @Field(() => ID, { description: "The proposal, PUBLISHED (withdrawn: CONFLICT); unknown: BAD_USER_INPUT. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  proposalId: string;

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM, description: "How you support it; default DIGITAL_PLATFORM." })
  channel: Channel;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A ballot: the options picked, within the process's rule (e.g. at most 3 of 5)." })
export class CastBallotInput {
  @Field(() => ID, { description: "The process, OPEN and in its VOTING phase (otherwise CONFLICT); unknown: BAD_USER_INPUT. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  processId: string;

  @Field(() => [ID], { description: "The options picked, each once, at least one and at most `maxChoices`, all of this process (else BAD_USER_INPUT)." })
  proposalIds: string[];

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM, description: "How you vote; default DIGITAL_PLATFORM." })
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
  @Field(() => ID, { description: "The proposal; unknown: NOT_FOUND. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
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
  @Field(() => ID, { description: "The proposal; unknown: NOT_FOUND. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  proposalId: string;

  @Field(() => Int, { description: "The proposal's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

  @Field(() => ProposalDecision, { description: "SELECTED or NOT_SELECTED." })
  decision: ProposalDecision;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "Why, shown with the proposal: up to 2,000 characters." })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
