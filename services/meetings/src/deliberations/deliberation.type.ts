import { NodeType } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DeliberationOutcome, VoteChoice } from "./deliberation.enums";

@ObjectType("Deliberation", { description: "A decision on an agenda item, with its vote counts." })
@Directive('@key(fields: "id")')
export class Deliberation extends NodeType {
  @Field()
  text: string;

  @Field(() => Int)
  votesFor: number;

  @Field(() => Int)
  votesAgainst: number;

  @Field(() => Int)
  abstentions: number;

  @Field(() => DeliberationOutcome)
  outcome: DeliberationOutcome;
}

@ObjectType("Vote", { description: "A member's nominal vote, where the council records them." })
export class Vote {
  @Field(() => VoteChoice)
  choice: VoteChoice;
}
