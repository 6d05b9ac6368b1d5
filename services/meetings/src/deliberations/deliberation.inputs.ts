import { LongText, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { DeliberationOutcome, VoteChoice } from "./deliberation.enums";

@InputType({ description: "One member's vote." })
export class NominalVoteInput {
  @Field(() => ID, { description: "A member who sat at the meeting (present, or the suplente sitting for a titular), one vote per seat. Another council's: FORBIDDEN; unknown or absent: BAD_USER_INPUT." })
  mandateId: string;

  @Field(() => VoteChoice, { description: "How the member voted." })
  choice: VoteChoice;
}

@InputType({ description: "A decision on an agenda item of a HELD meeting whose quorum was achieved (otherwise CONFLICT)." })
export class RecordDeliberationInput {
  @Field(() => ID, { description: "The meeting, HELD (otherwise CONFLICT); unknown: BAD_USER_INPUT; another council's: FORBIDDEN." })
  meetingId: string;

  @Field(() => ID, { description: "The agenda item decided, on this meeting's agenda (another council's: FORBIDDEN)." })
  agendaItemId: string;

  @LongText("TEXT")
  @Field({ description: "What was decided, as the minutes word it." })
  text: string;

  @Field(() => Int, { description: "Votes for. For, against and abstentions together may not exceed the seats occupied at the meeting (the quorum's `present`): BAD_USER_INPUT." })
  votesFor: number;

  @Field(() => Int, { description: "Votes against (see `votesFor`)." })
  votesAgainst: number;

  @Field(() => Int, { description: "Abstentions (see `votesFor`)." })
  abstentions: number;

  @Field(() => DeliberationOutcome, { nullable: true, description: "Defaults to APPROVED when more votes are for than against." })
  outcome?: DeliberationOutcome;

  @Field(() => [NominalVoteInput], { nullable: true, description: "Nominal votes; when given, they must add up to the counts." })
  votes?: NominalVoteInput[];

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
