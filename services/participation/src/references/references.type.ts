import { RecordProvenance } from "@contagem/schema";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Entities of other subgraphs this one refers to; Council, Meeting, Territory and Deliberation also receive fields from here. */
@ObjectType("Council")
@Directive('@key(fields: "id")')
export class CouncilRef {
  @Field(() => ID)
  id: number;
}

@ObjectType("Meeting")
@Directive('@key(fields: "id")')
export class MeetingRef {
  @Field(() => ID)
  id: number;

  /** The meetings subgraph's; read here (`@requires`) so a listed meeting answers no citizen count. */
  @Directive("@external")
  @Field(() => RecordProvenance, { description: "Where this record comes from; a PUBLIC_LISTING record computes no quorum." })
  recordedFrom?: RecordProvenance;
}

@ObjectType("Territory")
@Directive('@key(fields: "id")')
export class TerritoryRef {
  @Field(() => ID)
  id: number;
}

@ObjectType("Deliberation")
@Directive('@key(fields: "id")')
export class DeliberationRef {
  @Field(() => ID)
  id: number;
}

export const ref = (id: number | null | undefined) => (id == null ? null : { id });
