import { NodeType, Source, OwnSources } from "@contagem/schema";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("Candidacy", { description: "A candidacy in a council election, as the official notice writes it, and its result." })
export class Candidacy extends NodeType {
  @Field({ description: "Name as the official notice writes it." })
  displayName: string;

  @Field(() => String, { nullable: true, description: "Segment, as the notice words it." })
  segment?: string | null;

  @Field(() => Int, { nullable: true, description: "Votes received, from the official results; null until they are recorded." })
  votes?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the candidate was elected; null until the results are recorded." })
  elected?: boolean | null;

  @OwnSources()
  sources: Source[];
}
