import { ConnectionType, NodeType } from "@contagem/schema";
import { Field, Int, ObjectType } from "type-graphql";
import { ContributionStatus } from "./contribution.enums";

@ObjectType("Contribution", { description: "A citizen's public comment at a meeting or on a proposal, published after moderation." })
export class Contribution extends NodeType {
  @Field({ description: "The comment as written, 3 to 5,000 characters (plain text)." })
  body: string;

  @Field(() => ContributionStatus, { description: "Moderation status; the public sees only PUBLISHED contributions." })
  status: ContributionStatus;

  @Field(() => Date, { nullable: true, description: "When moderation published it (ISO 8601 instant); null while PENDING or HIDDEN." })
  publishedAt?: Date | null;

  @Field(() => Int, { description: "Optimistic-locking version, for moderation." })
  version: number;
}

@ObjectType("ContributionConnection")
export class ContributionConnection extends ConnectionType(Contribution, "Contribution") {}
