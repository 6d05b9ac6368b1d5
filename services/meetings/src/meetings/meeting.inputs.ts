import { LongText, Doc, SourceInput, SourcesInputField, PlaceInput } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { AgendaItemKind, MeetingStatus, MeetingType, Modality, RecordProvenance } from "./meeting.enums";

@InputType({ description: "Filters for meeting lists; all given filters must match." })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: "Meetings of this council (root `meetings` only)." })
  councilId?: string;

  @Field(() => MeetingType, { nullable: true, description: "Only meetings of this type." })
  type?: MeetingType;

  @Field(() => MeetingStatus, { nullable: true, description: "Only meetings in this status." })
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

@InputType({ description: "One item of a meeting's agenda (pauta), in the order given; at most 100 items." })
export class AgendaItemInput {
  @Field(() => AgendaItemKind, { description: "Kind of item; APPROVAL_OF_MINUTES names the minutes to approve in `minutesId`." })
  kind: AgendaItemKind;

  @Field({ description: "The item as the agenda words it, 1 to 500 characters." })
  title: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "Details of the item, up to 20,000 characters." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "For APPROVAL_OF_MINUTES items only (other kinds: BAD_USER_INPUT): the minutes put to approval, of the meeting's own council. Another council's: FORBIDDEN; unknown or not visible to you: NOT_FOUND." })
  minutesId?: string | null;
}

@InputType({ description: "A new meeting of a council, SCHEDULED until it is convened." })
export class ScheduleMeetingInput {
  @Field(() => ID, { description: "The council (councils subgraph); unknown: BAD_USER_INPUT." })
  councilId: string;

  @Field(() => MeetingType, { description: "Kind of meeting." })
  type: MeetingType;

  @Field(() => String, { nullable: true, description: 'Defaults to the next of its type in the civil year of `startsAt` in Contagem (America/Sao_Paulo), e.g. "3ª Reunião Ordinária de 2026".' })
  sequenceLabel?: string;

  @Field(() => Modality, { description: "In person, online or hybrid." })
  modality: Modality;

  @Field({ description: "When it starts (ISO 8601 instant with its offset, e.g. `2026-03-10T18:30:00-03:00`)." })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: "When it is planned to end; after `startsAt` (else BAD_USER_INPUT)." })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Address or room as the call words it; IN_PERSON and HYBRID meetings need it or a `location` (else BAD_USER_INPUT)." })
  place?: string | null;

  @Field(() => PlaceInput, {
    nullable: true,
    description: "The venue structured (name, address in Contagem, GeoJSON point), besides `place`; a point outside the municipality, or any malformed part: BAD_USER_INPUT naming it (e.g. `location.point.coordinates`).",
  })
  location?: PlaceInput | null;

  @Field(() => String, { nullable: true, description: "Link to join, an http(s) URL (else BAD_USER_INPUT), for ONLINE and HYBRID meetings." })
  onlineUrl?: string | null;

  @Field(() => ID, { nullable: true, description: "Where a territorial meeting happens: a territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => [AgendaItemInput], { nullable: true, description: "The agenda, in order; at most 100 items." })
  agenda?: AgendaItemInput[];

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Changes before the meeting is held; a new start time asks for a new convocation." })
export class UpdateMeetingInput {
  @Field(() => ID, { description: "The meeting to change; unknown: NOT_FOUND; another council's: FORBIDDEN; HELD or CANCELLED: CONFLICT." })
  meetingId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: "New label, 3 to 200 characters, e.g. \"3ª Reunião Ordinária de 2026\"." })
  sequenceLabel?: string;

  @Field(() => Modality, { nullable: true, description: "New modality (IN_PERSON, ONLINE, HYBRID); omitted, unchanged. IN_PERSON and HYBRID need a place or a location, ONLINE and HYBRID an online link." })
  modality?: Modality;

  @Field(() => Date, { nullable: true, description: "New start time (ISO 8601 instant with its offset); a convened meeting goes back to SCHEDULED, to be convened again." })
  startsAt?: Date;

  @Field(() => Date, { nullable: true, description: "New planned end, after the start; null clears it." })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "New place; null clears it." })
  place?: string | null;

  @Field(() => PlaceInput, {
    nullable: true,
    description: "New structured venue, replacing the old one whole; `{}` removes it; omitted (or null), unchanged. Malformed or outside the municipality: BAD_USER_INPUT naming the field.",
  })
  location?: PlaceInput | null;

  @Field(() => String, { nullable: true, description: "New http(s) link; null clears it." })
  onlineUrl?: string | null;

  @Field(() => [AgendaItemInput], { nullable: true, description: "Replaces the whole agenda." })
  agenda?: AgendaItemInput[];

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Convenes a SCHEDULED meeting: publishes its call." })
export class ConveneMeetingInput {
  @Field(() => ID, { description: "The meeting to convene; unknown: NOT_FOUND; another council's: FORBIDDEN; not SCHEDULED, or convened after its start: CONFLICT." })
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

@InputType({ description: "What a held meeting left besides its minutes: its recording and closing report (Decidim's `video_url`/`audio_url` and `closing_report`)." })
export class RecordMeetingReportInput {
  @Field(() => ID, { description: "The meeting, HELD (otherwise CONFLICT); unknown: NOT_FOUND; another council's: FORBIDDEN; of the public record: RECORD_IMMUTABLE." })
  meetingId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @LongText("URL")
  @Field(() => String, { nullable: true, description: "The recording (video or audio): an http(s) URL, up to 2,000 characters (else BAD_USER_INPUT). Omitted: unchanged; null: removed." })
  recordingUrl?: string | null;

  @LongText("DOCUMENT")
  @Field(() => String, { nullable: true, description: "The closing report in Markdown (what was decided, who took part, next steps), 3 to 20,000 characters (else BAD_USER_INPUT). Omitted: unchanged; null: removed." })
  closingReport?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Cancels or postpones a meeting that has not been held." })
export class CancelMeetingInput {
  @Field(() => ID, { description: "The meeting, SCHEDULED, CONVENED or POSTPONED (otherwise CONFLICT); unknown: NOT_FOUND; another council's: FORBIDDEN." })
  meetingId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @LongText("TEXT")
  @Field({ description: "Why, 3 to 2,000 characters; shown as the meeting's `statusReason`." })
  reason: string;

  @Field(() => Boolean, { defaultValue: false, description: "Postpone (to be rescheduled) rather than cancel." })
  postpone: boolean;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
