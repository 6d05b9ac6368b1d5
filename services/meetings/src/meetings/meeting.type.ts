import { ConnectionType, DateScalar, NodeType, Source, Doc, InheritedSources, OwnSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { AttendanceStatus } from "../attendance/attendance.enums";
import { AgendaItemKind, MeetingDocument, MeetingStatus, MeetingType, Modality, RecordProvenance } from "./meeting.enums";

@ObjectType("Meeting", { description: "A meeting of a council: its convocation, agenda, attendance, quorum and outcomes." })
@Directive('@key(fields: "id")')
export class Meeting extends NodeType {
  @Field(() => MeetingType, { description: "Kind of meeting." })
  type: MeetingType;

  @Field({
    description:
      'As the council numbers it, e.g. "2ª Reunião Ordinária de 2026" (the year is Contagem\'s civil year of `startsAt`). ' +
      'For a meeting recorded from a public listing, the listing\'s own words (e.g. "212ª Reunião Ordinária"); where it ' +
      'numbers none, "Reunião de <date>": no number is invented, and such meetings never count in the numbering.',
  })
  sequenceLabel: string;

  @Field(() => RecordProvenance, { description: "Where this record comes from; a PUBLIC_LISTING record computes no quorum." })
  recordedFrom: RecordProvenance;

  @Field(() => String, {
    nullable: true,
    description: 'The kind of meeting as the public listing words it (e.g. "plenária ordinária"), when `type` reads it from a listing.',
  })
  typeLabel?: string | null;

  @Field(() => String, { nullable: true, description: "What else a public listing states, caveats included (a time corrected by an errata, an agenda cut off)." })
  notes?: string | null;

  @Field({
    description: "False when the source gives only the date: `startsAt` is then the start of that day in Contagem (00:00, -03:00), not a time the meeting began.",
  })
  startTimeStated: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The civil date of the call, as `convenedOn`.",
    deprecationReason: "Use `convenedOn`. Removal after 2027-03-01.",
  })
  convokedOn?: string | null;

  @OwnSources()
  sources: Source[];

  @Field(() => [MeetingPublication], {
    description: "DOC publications about the meeting a public listing cites (call, correction, minutes); a secretariat's published minutes are under `minutes.gazette`.",
  })
  publications: MeetingPublication[];

  @Field(() => MeetingStatus, { description: "Where the meeting stands in its lifecycle." })
  status: MeetingStatus;

  @Field(() => String, { nullable: true, description: "Why it was cancelled or postponed." })
  statusReason?: string | null;

  @Field(() => Modality, { description: "In person, online or hybrid." })
  modality: Modality;

  @Field({ description: "When it starts (ISO 8601 instant with its offset; civil time is Contagem's, America/Sao_Paulo). See `startTimeStated`." })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: "When it ended or is planned to end; null when not recorded." })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Where it happens (in person or hybrid)." })
  place?: string | null;

  @Field(() => String, { nullable: true, description: "Link to join (online or hybrid)." })
  onlineUrl?: string | null;

  @Field(() => String, { nullable: true, description: "A held meeting's recording (video or audio), an http(s) URL as the secretariat published it (`recordMeetingReport`); null when none." })
  recordingUrl?: string | null;

  @Field(() => String, { nullable: true, description: "A held meeting's closing report in Markdown (what was decided, who took part, next steps), up to 20,000 characters, as the secretariat published it; null when none." })
  closingReport?: string | null;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;
}

@ObjectType("MeetingPublication", {
  description: "What the Diário Oficial de Contagem (DOC) published about a meeting — its call, a correction, its minutes — as a public listing cites it.",
})
export class MeetingPublication {
  @Field(() => MeetingDocument, { description: "What the publication is." })
  document: MeetingDocument;

  @Field(() => Int, { description: "Edition of the DOC." })
  edition: number;

  @Field(() => String, { nullable: true, description: "Pages in that edition, e.g. `14-16`." })
  pages: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of that edition, where the listing gives it." })
  date: string | null;
}

@ObjectType("Convocation", {
  description: "How the meeting was convened, and whether the council's notice rule was respected — computed, not assumed.",
})
export class Convocation {
  @Field({ description: "When the call was published (ISO 8601 instant with its offset)." })
  convenedAt: Date;

  @Field(() => Int, { nullable: true, description: "Notice the council's rules require, in hours; null when not on record." })
  requiredNoticeHours: number | null;

  @Field(() => Int, { description: "Notice actually given: hours from the convocation to the start." })
  givenNoticeHours: number;

  @Field(() => Boolean, { nullable: true, description: "Whether the notice met the rule; null when the rule is not on record." })
  noticeRespected: boolean | null;
}

@ObjectType("Quorum", {
  description:
    "The quorum under the council's rule, over the seats of the term in force. Every field is null for a meeting recorded " +
    "from a public listing (`recordedFrom: PUBLIC_LISTING`): a listing records no attendance, so no quorum can be computed.",
})
export class QuorumType {
  @Field(() => String, { nullable: true, description: "The council's quorum rule; null when not on record." })
  rule: string | null;

  @Field(() => Int, { nullable: true, description: "Seats of the term in force at the meeting." })
  seats: number | null;

  @Field(() => Int, { nullable: true, description: "Seats that must be occupied to open the meeting, under `rule`; null when the rule is not on record." })
  required: number | null;

  @Field(() => Int, { nullable: true, description: "Seats occupied: a present titular, or the suplente sitting in their place." })
  present: number | null;

  @Field(() => Boolean, { nullable: true, description: "Null when it cannot be told (no rule on record, or no attendance yet)." })
  achieved: boolean | null;
}

@ObjectType("AgendaItem", { description: "An item of the meeting's agenda (pauta), in order." })
export class AgendaItem extends NodeType {
  @Field(() => Int, { description: "Position on the agenda, from 1." })
  position: number;

  @Field(() => AgendaItemKind, { description: "Kind of item (deliberation, approval of minutes, informative, presentation, general matters, other)." })
  kind: AgendaItemKind;

  @Field({ description: "The item as the agenda words it." })
  title: string;

  @Field(() => String, { nullable: true, description: "Details of the item; null when none." })
  description?: string | null;

  @InheritedSources("the meeting")
  sources: Source[];
}

@ObjectType("Attendance", { description: "A member's attendance (a public function: names and presence are public)." })
export class Attendance extends NodeType {
  @Field(() => AttendanceStatus, { description: "Whether the member attended, and how." })
  status: AttendanceStatus;

  @Field(() => String, { nullable: true, description: "The secretariat's note, e.g. the justification given; null when none." })
  note?: string | null;

  @InheritedSources("the meeting")
  sources: Source[];
}

@ObjectType("MeetingConnection")
export class MeetingConnection extends ConnectionType(Meeting, "Meeting") {}
