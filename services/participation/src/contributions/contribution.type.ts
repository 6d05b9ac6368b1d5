import { ConnectionType, NodeType } from "@contagem/schema";
import { Field, Int, ObjectType } from "type-graphql";
import { ContributionStatus } from "./contribution.enums";

@ObjectType("Contribution", { description: "A citizen's public comment at a meeting or on a proposal, published after moderation." })
export class Contribution extends NodeType {
  @Field()
  body: string;

  @Field(() => ContributionStatus)
  status: ContributionStatus;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @Field(() => Int, { description: "Optimistic-locking version, for moderation." })
  version: number;
}

@ObjectType("ContributionConnection")
export class ContributionConnection extends ConnectionType(Contribution, "Contribution") {}
