import { LongText, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { CouncilKind, CouncilNature, CouncilStatus, QuorumRule } from "./council.enums";

@InputType({ description: "Filters for `councils`; all given filters must match." })
export class CouncilFilter {
  @Field(() => CouncilKind, { nullable: true, description: "Only councils of this kind." })
  kind?: CouncilKind;

  @Field(() => String, { nullable: true, description: "Policy area, e.g. `HEALTH`." })
  policyArea?: string;

  @Field(() => ID, { nullable: true, description: "Councils of this territory (regional councils)." })
  territoryId?: string;

  @Field(() => CouncilStatus, { nullable: true, description: "Only councils in this status." })
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
  @Field(() => Int, { nullable: true, description: "Ordinary meetings a year, 0 to 366 (else BAD_USER_INPUT naming `rules.ordinaryMeetingsPerYear`)." })
  ordinaryMeetingsPerYear?: number | null;

  @Field(() => Int, { nullable: true, description: "Minimum notice in days to convene an ordinary meeting, 0 to 365." })
  ordinaryNoticeDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Minimum notice in hours to convene an extraordinary meeting, 0 to 8,760." })
  extraordinaryNoticeHours?: number | null;

  @Field(() => QuorumRule, { nullable: true, description: "Quorum needed to open a meeting." })
  quorumRule?: QuorumRule | null;

  @Field(() => Int, { nullable: true, description: "Length of a term (gestão) in years, 1 to 10." })
  termLengthYears?: number | null;

  @Field(() => Int, { nullable: true, description: "Consecutive reappointments a member may have, 0 to 10." })
  maxReappointments?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether government and civil society must hold equal seats." })
  parity?: boolean | null;
}

@InputType({ description: "A new council of the participation system (ADMIN)." })
export class CreateCouncilInput {
  @Field(() => String, { nullable: true, description: "Defaults to one made from the acronym or the name." })
  slug?: string;

  @Field(() => String, { nullable: true, description: "Acronym, 2 to 32 letters, digits or hyphens, e.g. `COMPUR` (else BAD_USER_INPUT)." })
  acronym?: string | null;

  @Field({ description: "Official name, 3 to 300 characters." })
  name: string;

  @Field(() => CouncilKind, { description: "Kind of body: POLICY (a sectoral policy council), REGIONAL (one of the 8 regional councils of Law 5.443/2023), …; see `CouncilKind`." })
  kind: CouncilKind;

  @Field(() => String, { nullable: true, description: "Policy area as an upper-case code, e.g. `HEALTH` (else BAD_USER_INPUT)." })
  policyArea?: string | null;

  @Field(() => [CouncilNature], { nullable: true, description: "Powers its founding act gives it." })
  nature?: CouncilNature[];

  @Field(() => ID, { nullable: true, description: "The region a regional council serves; unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "The council's founding act (a LegalAct id); unknown: BAD_USER_INPUT." })
  legalBasisId?: string | null;

  @Field(() => CouncilStatus, { nullable: true, description: "Whether it operates; default ACTIVE." })
  status?: CouncilStatus;

  @Field(() => CouncilRulesInput, { nullable: true, description: "Its operating rules; omitted, all unknown (null)." })
  rules?: CouncilRulesInput;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "Free-text notes, up to 20,000 characters." })
  notes?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Fields to change; omitted fields stay as they are, null clears an optional field." })
export class UpdateCouncilInput {
  @Field(() => ID, { description: "The council to change; unknown: NOT_FOUND." })
  id: string;

  @Field(() => Int, { description: "The `version` you read; a stale version is refused with CONFLICT." })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: "New slug: lower-case letters and digits separated by single hyphens, at most 80 characters; taken: CONFLICT." })
  slug?: string;

  @Field(() => String, { nullable: true, description: "New acronym, 2 to 32 letters, digits or hyphens; null removes it." })
  acronym?: string | null;

  @Field(() => String, { nullable: true, description: "New official name, 3 to 300 characters." })
  name?: string;

  @Field(() => CouncilKind, { nullable: true, description: "New kind of body." })
  kind?: CouncilKind;

  @Field(() => String, { nullable: true, description: "New policy area code, e.g. `HEALTH`; null clears it." })
  policyArea?: string | null;

  @Field(() => [CouncilNature], { nullable: true, description: "New list of powers (replaces the old one)." })
  nature?: CouncilNature[];

  @Field(() => ID, { nullable: true, description: "New region (regional councils); null clears it; unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "New founding act (a LegalAct id); null clears it; unknown: BAD_USER_INPUT." })
  legalBasisId?: string | null;

  @Field(() => CouncilStatus, { nullable: true, description: "New status (ACTIVE, INACTIVE, EXTINCT); omitted, unchanged." })
  status?: CouncilStatus;

  @Field(() => CouncilRulesInput, { nullable: true, description: "New rules; the fields given replace the old ones, null clears one." })
  rules?: CouncilRulesInput;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "New free-text notes, up to 20,000 characters; null clears them." })
  notes?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
