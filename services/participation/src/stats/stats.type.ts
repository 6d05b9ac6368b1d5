import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Channel, ProcessKind } from "../processes/process.enums";

@ObjectType("ParticipationFigure", {
  description:
    "Participation in one group, under statistical disclosure control so that no person can be singled out, " +
    "nor a small group counted by subtracting one answer from another. Every count is rounded to a multiple of 5 " +
    "by unbiased random rounding (up with probability (n mod 5)/5): at most 4 from the true count, 0 on average, " +
    "standard deviation at most 2.5. The coin is not random per request: it is the group's cell key, the sum of " +
    "secret keys of the people counted, so the same people (for activities, the same acts) always give the same figure, whichever grouping, filter " +
    "or type (Council, Territory) reaches them. A group whose participants round to 0 is left out of the list, as an " +
    "empty one is. Rounded figures need not add up to a rounded total. Sources: Hundepool et al., Statistical " +
    "Disclosure Control (Wiley, 2012), ch. 5 (rounding of frequency tables); Thompson, Broadfoot & Elazar (2013), " +
    "the cell key method of the Australian Bureau of Statistics.",
})
export class ParticipationFigure {
  @Field(() => ProcessKind, { nullable: true, description: "The process kind, when grouped by kind; null otherwise." })
  kind: string | null;

  @Field(() => Channel, { nullable: true, description: "The channel, when grouped by channel; null otherwise." })
  channel: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM, when grouped by month." })
  month: string | null;

  @Field(() => Int, { nullable: true, description: "Distinct participants, rounded to a multiple of 5 (within 4 of the true count); at least 5, never null." })
  participants: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Acts of participation (ballots, supports, proposals, comments, presences), rounded as participants are (within 4 of the true count); never fewer than participants, never null.",
  })
  activities: number | null;

  @Field({
    description: "Always false: small groups are rounded like every other and left out when rounded to 0.",
    deprecationReason: "Small groups are no longer listed as suppressed, which told that a group was small but not empty: every count is rounded, and a group rounded to 0 is left out. Removal after 2027-03-01.",
  })
  suppressed: boolean;
}

@InputType({ description: "Which participation to count; all given filters must match." })
export class StatsFilterInput {
  @Field(() => Date, { nullable: true, description: "Counts whole calendar months: from the first day of the month this instant falls in." })
  from?: Date;

  @Field(() => Date, {
    nullable: true,
    description: "Exclusive; counts whole calendar months: up to the end of the month of the last instant before this one. (A window that split a month would let two answers differ by a few people.)",
  })
  to?: Date;

  @Field(() => ProcessKind, { nullable: true, description: "Only participation in processes of this kind." })
  kind?: ProcessKind;

  @Field(() => ID, { nullable: true, description: "Only participation concerning this council." })
  councilId?: string;

  @Field(() => ID, { nullable: true, description: "The region participants take part from." })
  territoryId?: string;

  @Field(() => Channel, { nullable: true, description: "Only participation through this channel." })
  channel?: Channel;
}
