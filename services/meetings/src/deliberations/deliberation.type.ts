import { NodeType, Source, OwnSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DeliberationOutcome, VoteChoice } from "./deliberation.enums";

@ObjectType("Deliberation", { description: "A decision on an agenda item, with its vote counts." })
@Directive('@key(fields: "id")')
export class Deliberation extends NodeType {
  @Field({ description: "What was decided, as the minutes word it." })
  text: string;

  @Field(() => Int, { description: "Number of votes for (0 or more)." })
  votesFor: number;

  @Field(() => Int, { description: "Number of votes against (0 or more)." })
  votesAgainst: number;

  @Field(() => Int, { description: "Number of abstentions (0 or more)." })
  abstentions: number;

  @Field(() => DeliberationOutcome, { description: "What the council decided." })
  outcome: DeliberationOutcome;

  @OwnSources()
  sources: Source[];
}

@ObjectType("Vote", { description: "A member's nominal vote, where the council records them." })
export class Vote {
  @Field(() => VoteChoice, { description: "How the member voted." })
  choice: VoteChoice;
}
