import { LongText, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { Channel } from "../processes/process.enums";
import { ContributionStatus } from "./contribution.enums";

@InputType({ description: "A public comment at a meeting or on a proposal (give exactly one); published after moderation." })
export class ContributeInput {
  @Field(() => ID, {
    nullable: true,
    description: "A meeting (meetings subgraph); unknown: BAD_USER_INPUT; recorded from a public listing: RECORD_IMMUTABLE; cancelled: CONFLICT.",
  })
  meetingId?: string | null;

  @Field(() => ID, { nullable: true, description: "A proposal to comment on (give it or `meetingId`, not both: BAD_USER_INPUT); unknown: BAD_USER_INPUT; of a process of the public record: RECORD_IMMUTABLE; its process not OPEN: CONFLICT." })
  proposalId?: string | null;

  @LongText("TEXT")
  @Field({ description: "The comment, 3 to 5,000 characters of plain text." })
  body: string;

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM, description: "How it was made; default DIGITAL_PLATFORM." })
  channel: Channel;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A moderation decision: publish a contribution, or hide it with a reason (STAFF/ADMIN)." })
export class ModerateContributionInput {
  @Field(() => ID, { description: "The contribution; unknown: NOT_FOUND." })
  contributionId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => ContributionStatus, { description: "PUBLISHED or HIDDEN." })
  status: ContributionStatus;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "Required to hide: why, as the moderation policy words it." })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "The citizen registers their presence at a public meeting (hearing, plenary, open meeting)." })
export class RecordPresenceInput {
  @Field(() => ID, {
    description:
      "A meeting (meetings subgraph); unknown: BAD_USER_INPUT; cancelled, or your presence already recorded: CONFLICT; " +
      "recorded from a public listing (`recordedFrom: PUBLIC_LISTING`): RECORD_IMMUTABLE.",
  })
  meetingId: string;

  @Field(() => Channel, { defaultValue: Channel.IN_PERSON, description: "How you attended; default IN_PERSON." })
  channel: Channel;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
