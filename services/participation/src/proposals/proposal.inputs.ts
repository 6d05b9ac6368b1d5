import { LongText } from "@contagem/schema";
import { Field, ID, InputType } from "type-graphql";
import { Channel } from "../processes/process.enums";
import { ProposalStatus } from "./proposal.enums";

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

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => String, { nullable: true })
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

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string;
}

@InputType()
export class SupportProposalInput {
  @Field(() => ID)
  proposalId: string;

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM })
  channel: Channel;

  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true })
  idempotencyKey?: string;
}
