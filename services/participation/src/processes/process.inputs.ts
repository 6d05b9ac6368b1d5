import { LongText, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { SourceSystem } from "../decidim/source.enums";
import { PhaseKind, ProcessKind, ProcessStatus } from "./process.enums";

@InputType({ description: "Filters for process lists; all given filters must match." })
export class ProcessFilter {
  @Field(() => ProcessKind, { nullable: true, description: "Only processes of this kind." })
  kind?: ProcessKind;

  @Field(() => ProcessStatus, { nullable: true, description: "Only processes in this status." })
  status?: ProcessStatus;

  @Field(() => ID, { nullable: true, description: "Only this council's processes." })
  councilId?: string;

  @Field(() => ID, { nullable: true, description: "Only processes of this territory." })
  territoryId?: string;

  @Field(() => Date, { nullable: true, description: "Changed at or after this time (incremental sync; ISO 8601 instant)." })
  updatedSince?: Date;

  @Field(() => SourceSystem, { nullable: true, description: "Only records kept in this system: DECIDIM, those imported from Decide Contagem (read-only here); CONTAGEM, this graph's own." })
  source?: SourceSystem;
}

@InputType({ description: "A phase of a process." })
export class PhaseInput {
  @Field(() => PhaseKind, { description: "What citizens can do in it." })
  kind: PhaseKind;

  @Field({ description: "Its title, 3 to 200 characters." })
  title: string;

  @Field({ description: "When it starts (ISO 8601 instant with its offset)." })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: "When it ends, after `startsAt`; null when open-ended." })
  endsAt?: Date | null;
}

@InputType({ description: "A new participatory process (STAFF/ADMIN)." })
export class CreateProcessInput {
  @Field(() => ProcessKind, { description: "Kind of process." })
  kind: ProcessKind;

  @Field({ description: "Its title, 3 to 300 characters." })
  title: string;

  @LongText("TEXT")
  @Field({ description: "What it is about, in Markdown, 3 to 20,000 characters." })
  description: string;

  @Field(() => ProcessStatus, { nullable: true, description: "Its status; default PLANNED." })
  status?: ProcessStatus;

  @Field(() => ID, { nullable: true, description: "The council running it (councils subgraph); unknown: BAD_USER_INPUT." })
  councilId?: string | null;

  @Field(() => ID, { nullable: true, description: "A territory (councils subgraph); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => Int, { nullable: true, description: "For votes: how many options each participant may pick, at least 1; null for no limit." })
  maxChoices?: number | null;

  @Field(() => Int, { nullable: true, description: "Minimum age to take part; default 16." })
  minimumAge?: number;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "The rules as the process's act words them, up to 20,000 characters." })
  rulesText?: string | null;

  @Field(() => String, { nullable: true, description: "Where the public record of the process is (an http(s) URL)." })
  sourceUrl?: string | null;

  @Field(() => [PhaseInput], { nullable: true, description: "Its phases, in order." })
  phases?: PhaseInput[];

  @Field(() => [ID], { nullable: true, description: "Meetings (meetings subgraph) that are part of the process; a council's process links only that council's meetings (FORBIDDEN). Unknown: BAD_USER_INPUT naming `meetingIds[i]`." })
  meetingIds?: string[];

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Omitted fields stay; `phases` and `meetingIds`, when given, replace the lists." })
export class UpdateProcessInput {
  @Field(() => ID, { description: "The process; unknown: NOT_FOUND. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  id: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: "New title, 3 to 300 characters." })
  title?: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "New description, in Markdown, 3 to 20,000 characters." })
  description?: string;

  @Field(() => ProcessStatus, { nullable: true, description: "New status (PLANNED, OPEN, CLOSED, CANCELLED); omitted, unchanged." })
  status?: ProcessStatus;

  @Field(() => Int, { nullable: true, description: "New limit of options per ballot, at least 1; null removes it." })
  maxChoices?: number | null;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "New rules text; null clears it." })
  rulesText?: string | null;

  @Field(() => [PhaseInput], { nullable: true, description: "New phases, replacing the old ones." })
  phases?: PhaseInput[];

  @Field(() => [ID], { nullable: true, description: "Replaces the linked meetings (see CreateProcessInput.meetingIds)." })
  meetingIds?: string[];

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
