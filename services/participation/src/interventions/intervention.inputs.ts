import { DateScalar, LongText, Doc } from "@contagem/schema";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { InterventionStatus } from "./intervention.enums";

@InputType()
export class InterventionFilter {
  @Field(() => ID, { nullable: true })
  councilId?: string;

  @Field(() => ID, { nullable: true })
  territoryId?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => InterventionStatus, { nullable: true })
  status?: InterventionStatus;
}

@InputType()
export class MilestoneInput {
  @Field()
  title: string;

  @Field(() => DateScalar, { nullable: true })
  dueOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  doneOn?: string | null;
}

@InputType()
export class CreateInterventionInput {
  @Field(() => ID, { description: "The regional council that chose it (councils subgraph); unknown: BAD_USER_INPUT." })
  councilId: string;

  @Field(() => ID, { nullable: true, description: "A territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "A process of the same council, if it has one (another council's: FORBIDDEN; unknown: BAD_USER_INPUT)." })
  processId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The deliberation (meetings subgraph) that decided it: an APPROVED one of the same council. " +
      "Unknown: BAD_USER_INPUT; another council's: FORBIDDEN; not approved: CONFLICT.",
  })
  deliberationId?: string | null;

  @Field()
  title: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { description: "In reais (BRL)." })
  estimatedCost: number;

  @Field(() => Int)
  year: number;

  @Field(() => [MilestoneInput], { nullable: true })
  milestones?: MilestoneInput[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Progress of works; the regional council's secretary may record it too." })
export class UpdateInterventionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => InterventionStatus, { nullable: true })
  status?: InterventionStatus;

  @Field(() => Int, { nullable: true })
  progress?: number;

  @Field(() => Float, { nullable: true })
  estimatedCost?: number;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [MilestoneInput], { nullable: true, description: "Replaces the milestones." })
  milestones?: MilestoneInput[];

  @Field(() => ID, {
    nullable: true,
    description:
      "The deliberation (meetings subgraph) that decided the works: an APPROVED one of the council that chose them. " +
      "Unknown: BAD_USER_INPUT; another council's: FORBIDDEN; not approved: CONFLICT.",
  })
  deliberationId?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
