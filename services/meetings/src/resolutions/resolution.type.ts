import { ConnectionType, DateScalar, NodeType } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { ResolutionStatus } from "./resolution.enums";

@ObjectType("Resolution", { description: "A resolution of a council, numbered per council and year." })
@Directive('@key(fields: "id")')
export class Resolution extends NodeType {
  @Field(() => Int)
  number: number;

  @Field(() => Int)
  year: number;

  @Field(() => DateScalar)
  date: string;

  @Field({ description: "Ementa: what the resolution is about." })
  summary: string;

  @Field({ description: "Full text, in Markdown." })
  body: string;

  @Field(() => ResolutionStatus)
  status: ResolutionStatus;

  @Field(() => Int, { description: "Optimistic-locking version: send it as `expectedVersion` to amend or revoke." })
  version: number;
}

@ObjectType("ResolutionConnection")
export class ResolutionConnection extends ConnectionType(Resolution, "Resolution") {}
