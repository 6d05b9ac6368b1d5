import { ConnectionType, DateScalar, NodeType, Doc } from "@contagem/schema";
import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { InterventionStatus } from "./intervention.enums";

@ObjectType("Intervention", { description: "Works or a service a regional council chose for its region, with cost and progress." })
@Directive('@key(fields: "id")')
export class Intervention extends NodeType {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { description: "Estimated cost in reais (BRL)." })
  estimatedCost: number;

  @Field(() => Int, { description: "The budget year." })
  year: number;

  @Field(() => InterventionStatus)
  status: InterventionStatus;

  @Field(() => Int, { description: "Progress, 0–100 %." })
  progress: number;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;
}

@ObjectType("Milestone")
export class Milestone {
  @Field(() => Int)
  position: number;

  @Field()
  title: string;

  @Field(() => DateScalar, { nullable: true })
  dueOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  doneOn?: string | null;
}

@ObjectType("InterventionConnection")
export class InterventionConnection extends ConnectionType(Intervention, "Intervention") {}
