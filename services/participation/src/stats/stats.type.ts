import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Channel, ProcessKind } from "../processes/process.enums";

@ObjectType("ParticipationFigure", {
  description: "A count of participation in one group. Counts below 5 people are suppressed (null) so that nobody can be singled out.",
})
export class ParticipationFigure {
  @Field(() => ProcessKind, { nullable: true })
  kind: string | null;

  @Field(() => Channel, { nullable: true })
  channel: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM, when grouped by month." })
  month: string | null;

  @Field(() => Int, { nullable: true, description: "Distinct participants; null when suppressed." })
  participants: number | null;

  @Field(() => Int, { nullable: true, description: "Acts of participation (ballots, supports, proposals, comments, presences); null when suppressed." })
  activities: number | null;

  @Field({ description: "True when the group is too small to publish." })
  suppressed: boolean;
}

@InputType()
export class StatsFilterInput {
  @Field(() => Date, { nullable: true })
  from?: Date;

  @Field(() => Date, { nullable: true })
  to?: Date;

  @Field(() => ProcessKind, { nullable: true })
  kind?: ProcessKind;

  @Field(() => ID, { nullable: true })
  councilId?: string;

  @Field(() => ID, { nullable: true, description: "The region participants take part from." })
  territoryId?: string;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;
}
