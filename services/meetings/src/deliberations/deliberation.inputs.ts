import { LongText } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { DeliberationOutcome, VoteChoice } from "./deliberation.enums";

@InputType()
export class NominalVoteInput {
  @Field(() => ID)
  mandateId: string;

  @Field(() => VoteChoice)
  choice: VoteChoice;
}

@InputType()
export class RecordDeliberationInput {
  @Field(() => ID)
  meetingId: string;

  @Field(() => ID, { description: "The agenda item decided." })
  agendaItemId: string;

  @LongText("TEXT")
  @Field({ description: "What was decided, as the minutes word it." })
  text: string;

  @Field(() => Int)
  votesFor: number;

  @Field(() => Int)
  votesAgainst: number;

  @Field(() => Int)
  abstentions: number;

  @Field(() => DeliberationOutcome, { nullable: true, description: "Defaults to APPROVED when more votes are for than against." })
  outcome?: DeliberationOutcome;

  @Field(() => [NominalVoteInput], { nullable: true, description: "Nominal votes; when given, they must add up to the counts." })
  votes?: NominalVoteInput[];

  @Field(() => String, { nullable: true })
  idempotencyKey?: string;
}
