import { DateScalar, LongText, Doc, SourceInput, SourcesInputField, PlaceInput } from "@contagem/schema";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { InterventionStatus } from "./intervention.enums";

@InputType({ description: "Filters for lists of works; all given filters must match." })
export class InterventionFilter {
  @Field(() => ID, { nullable: true, description: "Works chosen by this council." })
  councilId?: string;

  @Field(() => ID, { nullable: true, description: "Works in this territory." })
  territoryId?: string;

  @Field(() => Int, { nullable: true, description: "Works of this budget year." })
  year?: number;

  @Field(() => InterventionStatus, { nullable: true, description: "Works in this status." })
  status?: InterventionStatus;

  @Field(() => Date, { nullable: true, description: "Changed at or after this time (incremental sync; ISO 8601 instant)." })
  updatedSince?: Date;
}

@InputType({ description: "A step of works." })
export class MilestoneInput {
  @Field({ description: "What the step is, at least 3 characters." })
  title: string;

  @Field(() => DateScalar, { nullable: true, description: "When it is due (YYYY-MM-DD)." })
  dueOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was completed (YYYY-MM-DD); null while it is not." })
  doneOn?: string | null;
}

@InputType({ description: "Works (obras) or a service a regional council chose for its region." })
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

  @Field({ description: "What the works are, at least 3 characters." })
  title: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "Details, up to 20,000 characters." })
  description?: string | null;

  @Field(() => Float, { description: "Estimated cost in reais (BRL), 0 to 100,000,000,000, cents as decimals (e.g. 1250000.5; kept to 2 places); outside that range: BAD_USER_INPUT." })
  estimatedCost: number;

  @Field(() => Int, { description: "The budget year, 2000 to 2100 (else BAD_USER_INPUT)." })
  year: number;

  @Field(() => [MilestoneInput], { nullable: true, description: "Its steps, in order." })
  milestones?: MilestoneInput[];

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => PlaceInput, {
    nullable: true,
    description: "Where the works are: a name, an address in Contagem, a GeoJSON point; a point outside the municipality, or any malformed part: BAD_USER_INPUT naming it (e.g. `location.point.coordinates`).",
  })
  location?: PlaceInput | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Progress of works; the regional council's secretary may record it too." })
export class UpdateInterventionInput {
  @Field(() => ID, { description: "The works to update; unknown: NOT_FOUND; another council's (for a SECRETARY): FORBIDDEN." })
  id: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => InterventionStatus, { nullable: true, description: "New status (PLANNED, IN_PROGRESS, COMPLETED, SUSPENDED, CANCELLED); omitted, unchanged." })
  status?: InterventionStatus;

  @Field(() => Int, { nullable: true, description: "New progress in percent, 0 to 100 (else BAD_USER_INPUT)." })
  progress?: number;

  @Field(() => Float, { nullable: true, description: "New estimated cost in reais (BRL), 0 to 100,000,000,000." })
  estimatedCost?: number;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "New details; null clears them." })
  description?: string | null;

  @Field(() => [MilestoneInput], { nullable: true, description: "Replaces the milestones." })
  milestones?: MilestoneInput[];

  @Field(() => PlaceInput, {
    nullable: true,
    description: "New place of the works, replacing the old one whole; `{}` removes it; omitted (or null), unchanged. Malformed or outside the municipality: BAD_USER_INPUT naming the field.",
  })
  location?: PlaceInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The deliberation (meetings subgraph) that decided the works: an APPROVED one of the council that chose them. " +
      "Unknown: BAD_USER_INPUT; another council's: FORBIDDEN; not approved: CONFLICT.",
  })
  deliberationId?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
