import { LongText, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { PhaseKind, ProcessKind, ProcessStatus } from "./process.enums";

@InputType()
export class ProcessFilter {
  @Field(() => ProcessKind, { nullable: true })
  kind?: ProcessKind;

  @Field(() => ProcessStatus, { nullable: true })
  status?: ProcessStatus;

  @Field(() => ID, { nullable: true })
  councilId?: string;

  @Field(() => ID, { nullable: true })
  territoryId?: string;

  @Field(() => Date, { nullable: true })
  updatedSince?: Date;
}

@InputType()
export class PhaseInput {
  @Field(() => PhaseKind)
  kind: PhaseKind;

  @Field()
  title: string;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;
}

@InputType()
export class CreateProcessInput {
  @Field(() => ProcessKind)
  kind: ProcessKind;

  @Field()
  title: string;

  @LongText("TEXT")
  @Field()
  description: string;

  @Field(() => ProcessStatus, { nullable: true })
  status?: ProcessStatus;

  @Field(() => ID, { nullable: true, description: "The council running it (councils subgraph); unknown: BAD_USER_INPUT." })
  councilId?: string | null;

  @Field(() => ID, { nullable: true, description: "A territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => Int, { nullable: true })
  maxChoices?: number | null;

  @Field(() => Int, { nullable: true })
  minimumAge?: number;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  rulesText?: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;

  @Field(() => [PhaseInput], { nullable: true })
  phases?: PhaseInput[];

  @Field(() => [ID], { nullable: true, description: "Meetings (meetings subgraph) that are part of the process; a council's process links only that council's meetings (FORBIDDEN). Unknown: BAD_USER_INPUT naming `meetingIds[i]`." })
  meetingIds?: string[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Omitted fields stay; `phases` and `meetingIds`, when given, replace the lists." })
export class UpdateProcessInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  title?: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => ProcessStatus, { nullable: true })
  status?: ProcessStatus;

  @Field(() => Int, { nullable: true })
  maxChoices?: number | null;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  rulesText?: string | null;

  @Field(() => [PhaseInput], { nullable: true })
  phases?: PhaseInput[];

  @Field(() => [ID], { nullable: true, description: "Replaces the linked meetings (see CreateProcessInput.meetingIds)." })
  meetingIds?: string[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
