import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Entities owned by the councils subgraph that meetings refer to. Council also receives fields from here
 * (its meetings, minutes and resolutions); the others are references only.
 */
@ObjectType("Council")
@Directive('@key(fields: "id")')
export class CouncilRef {
  @Field(() => ID)
  id: number;
}

@ObjectType("Term")
@Directive('@key(fields: "id", resolvable: false)')
export class TermRef {
  @Field(() => ID)
  id: number;
}

/** A mandate: meetings adds its member's attendance and votes (./mandates). */
@ObjectType("Mandate")
@Directive('@key(fields: "id")')
export class MandateRef {
  @Field(() => ID)
  id: number;
}

@ObjectType("Territory")
@Directive('@key(fields: "id", resolvable: false)')
export class TerritoryRef {
  @Field(() => ID)
  id: number;
}

export const ref = (id: number | null | undefined) => (id == null ? null : { id });
