import { LongText, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { AgendaItemKind, MeetingStatus, MeetingType, Modality, RecordProvenance } from "./meeting.enums";

@InputType({ description: "Filters for meeting lists; all given filters must match." })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: "Meetings of this council (root `meetings` only)." })
  councilId?: string;

  @Field(() => MeetingType, { nullable: true })
  type?: MeetingType;

  @Field(() => MeetingStatus, { nullable: true })
  status?: MeetingStatus;

  @Field(() => RecordProvenance, { nullable: true, description: "Only the secretariats' records, or only those imported from public listings." })
  recordedFrom?: RecordProvenance;

  @Field(() => Date, { nullable: true, description: "Starting at or after this time." })
  from?: Date;

  @Field(() => Date, { nullable: true, description: "Starting before this time." })
  to?: Date;

  @Field(() => Date, { nullable: true, description: "Changed at or after this time (incremental sync)." })
  updatedSince?: Date;
}

@InputType()
export class AgendaItemInput {
  @Field(() => AgendaItemKind)
  kind: AgendaItemKind;

  @Field()
  title: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "For APPROVAL_OF_MINUTES items only (other kinds: BAD_USER_INPUT): the minutes put to approval, of the meeting's own council. Another council's: FORBIDDEN; unknown or not visible to you: NOT_FOUND." })
  minutesId?: string | null;
}

@InputType()
export class ScheduleMeetingInput {
  @Field(() => ID, { description: "The council (councils subgraph); unknown: BAD_USER_INPUT." })
  councilId: string;

  @Field(() => MeetingType)
  type: MeetingType;

  @Field(() => String, { nullable: true, description: 'Defaults to the next of its type in the civil year of `startsAt` in Contagem (America/Sao_Paulo), e.g. "3ª Reunião Ordinária de 2026".' })
  sequenceLabel?: string;

  @Field(() => Modality)
  modality: Modality;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;

  @Field(() => ID, { nullable: true, description: "Where a territorial meeting happens: a territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => [AgendaItemInput], { nullable: true })
  agenda?: AgendaItemInput[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Changes before the meeting is held; a new start time asks for a new convocation." })
export class UpdateMeetingInput {
  @Field(() => ID)
  meetingId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  sequenceLabel?: string;

  @Field(() => Modality, { nullable: true })
  modality?: Modality;

  @Field(() => Date, { nullable: true })
  startsAt?: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;

  @Field(() => [AgendaItemInput], { nullable: true, description: "Replaces the whole agenda." })
  agenda?: AgendaItemInput[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class ConveneMeetingInput {
  @Field(() => ID)
  meetingId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => Date, { nullable: true, description: "When the convocation was published; defaults to now." })
  convenedAt?: Date;

  @Field(() => ID, { nullable: true, description: "The mandate (usually the president's) that convened it: one of this council's (another council's: FORBIDDEN; unknown: BAD_USER_INPUT)." })
  convenedByMandateId?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID)
  meetingId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @LongText("TEXT")
  @Field()
  reason: string;

  @Field(() => Boolean, { defaultValue: false, description: "Postpone (to be rescheduled) rather than cancel." })
  postpone: boolean;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
