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
