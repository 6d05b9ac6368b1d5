import { LongText, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { CouncilKind, CouncilNature, CouncilStatus, QuorumRule } from "./council.enums";

@InputType({ description: "Filters for `councils`; all given filters must match." })
export class CouncilFilter {
  @Field(() => CouncilKind, { nullable: true })
  kind?: CouncilKind;

  @Field(() => String, { nullable: true, description: "Policy area, e.g. `HEALTH`." })
  policyArea?: string;

  @Field(() => ID, { nullable: true, description: "Councils of this territory (regional councils)." })
  territoryId?: string;

  @Field(() => CouncilStatus, { nullable: true })
  status?: CouncilStatus;

  @Field(() => String, {
    nullable: true,
    description: "Words to look for in the name, acronym or slug; accents and case are ignored.",
  })
  search?: string;

  @Field(() => Date, { nullable: true, description: "Only councils changed at or after this time (incremental sync)." })
  updatedSince?: Date;
}

@InputType("CouncilRulesInput", { description: "Operating rules; omit a field to leave it unknown (null)." })
export class CouncilRulesInput {
  @Field(() => Int, { nullable: true })
  ordinaryMeetingsPerYear?: number | null;

  @Field(() => Int, { nullable: true })
  ordinaryNoticeDays?: number | null;

  @Field(() => Int, { nullable: true })
  extraordinaryNoticeHours?: number | null;

  @Field(() => QuorumRule, { nullable: true })
  quorumRule?: QuorumRule | null;

  @Field(() => Int, { nullable: true })
  termLengthYears?: number | null;

  @Field(() => Int, { nullable: true })
  maxReappointments?: number | null;

  @Field(() => Boolean, { nullable: true })
  parity?: boolean | null;
}

@InputType()
export class CreateCouncilInput {
  @Field(() => String, { nullable: true, description: "Defaults to one made from the acronym or the name." })
  slug?: string;

  @Field(() => String, { nullable: true })
  acronym?: string | null;

  @Field()
  name: string;

  @Field(() => CouncilKind)
  kind: CouncilKind;

  @Field(() => String, { nullable: true })
  policyArea?: string | null;

  @Field(() => [CouncilNature], { nullable: true })
  nature?: CouncilNature[];

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true })
  legalBasisId?: string | null;

  @Field(() => CouncilStatus, { nullable: true })
  status?: CouncilStatus;

  @Field(() => CouncilRulesInput, { nullable: true })
  rules?: CouncilRulesInput;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Fields to change; omitted fields stay as they are, null clears an optional field." })
export class UpdateCouncilInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The `version` you read; a stale version is refused with CONFLICT." })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  slug?: string;

  @Field(() => String, { nullable: true })
  acronym?: string | null;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => CouncilKind, { nullable: true })
  kind?: CouncilKind;

  @Field(() => String, { nullable: true })
  policyArea?: string | null;

  @Field(() => [CouncilNature], { nullable: true })
  nature?: CouncilNature[];

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true })
  legalBasisId?: string | null;

  @Field(() => CouncilStatus, { nullable: true })
  status?: CouncilStatus;

  @Field(() => CouncilRulesInput, { nullable: true })
  rules?: CouncilRulesInput;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
