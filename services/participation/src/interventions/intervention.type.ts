import { ConnectionType, DateScalar, NodeType, Doc, Source, OwnSources } from "@contagem/schema";
import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { InterventionStatus } from "./intervention.enums";

@ObjectType("Intervention", { description: "Works or a service a regional council chose for its region, with cost and progress." })
@Directive('@key(fields: "id")')
export class Intervention extends NodeType {
  @Field({ description: "What the works are, as the city words them, e.g. \"Reforma da praça …\"." })
  title: string;

  @Field(() => String, { nullable: true, description: "Details of the works; null when none." })
  description?: string | null;

  @Field(() => Float, { description: "Estimated cost in reais (BRL)." })
  estimatedCost: number;

  @Field(() => Int, { description: "The budget year." })
  year: number;

  @Field(() => InterventionStatus, { description: "Where the works stand." })
  status: InterventionStatus;

  @Field(() => Int, { description: "Progress, 0–100 %." })
  progress: number;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;

  @OwnSources()
  sources: Source[];
}

@ObjectType("Milestone", { description: "A step of works, with its due and completion dates." })
export class Milestone {
  @Field(() => Int, { description: "Position among the works' milestones, from 1." })
  position: number;

  @Field({ description: "What the step is." })
  title: string;

  @Field(() => DateScalar, { nullable: true, description: "When it is due (YYYY-MM-DD); null when not set." })
  dueOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was completed (YYYY-MM-DD); null until then." })
  doneOn?: string | null;
}

@ObjectType("InterventionConnection")
export class InterventionConnection extends ConnectionType(Intervention, "Intervention") {}
