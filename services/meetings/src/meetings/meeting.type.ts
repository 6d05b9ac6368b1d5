import { ConnectionType, NodeType } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { AttendanceStatus } from "../attendance/attendance.enums";
import { AgendaItemKind, MeetingStatus, MeetingType, Modality } from "./meeting.enums";

@ObjectType("Meeting", { description: "A meeting of a council: its convocation, agenda, attendance, quorum and outcomes." })
@Directive('@key(fields: "id")')
export class Meeting extends NodeType {
  @Field(() => MeetingType)
  type: MeetingType;

  @Field({ description: 'As the council numbers it, e.g. "2ª Reunião Ordinária de 2026" (the year is Contagem\'s civil year of `startsAt`).' })
  sequenceLabel: string;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field(() => String, { nullable: true, description: "Why it was cancelled or postponed." })
  statusReason?: string | null;

  @Field(() => Modality)
  modality: Modality;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Where it happens (in person or hybrid)." })
  place?: string | null;

  @Field(() => String, { nullable: true, description: "Link to join (online or hybrid)." })
  onlineUrl?: string | null;

  @Field(() => Int)
  version: number;
}

@ObjectType("Convocation", {
  description: "How the meeting was convened, and whether the council's notice rule was respected — computed, not assumed.",
})
export class Convocation {
  @Field()
  convenedAt: Date;

  @Field(() => Int, { nullable: true, description: "Notice the council's rules require, in hours; null when not on record." })
  requiredNoticeHours: number | null;

  @Field(() => Int, { description: "Notice actually given: hours from the convocation to the start." })
  givenNoticeHours: number;

  @Field(() => Boolean, { nullable: true, description: "Whether the notice met the rule; null when the rule is not on record." })
  noticeRespected: boolean | null;
}

@ObjectType("Quorum", { description: "The quorum under the council's rule, over the seats of the term in force." })
export class QuorumType {
  @Field(() => String, { nullable: true, description: "The council's quorum rule; null when not on record." })
  rule: string | null;

  @Field(() => Int, { nullable: true, description: "Seats of the term in force at the meeting." })
  seats: number | null;

  @Field(() => Int, { nullable: true })
  required: number | null;

  @Field(() => Int, { nullable: true, description: "Seats occupied: a present titular, or the suplente sitting in their place." })
  present: number | null;

  @Field(() => Boolean, { nullable: true, description: "Null when it cannot be told (no rule on record, or no attendance yet)." })
  achieved: boolean | null;
}

@ObjectType("AgendaItem", { description: "An item of the meeting's agenda (pauta), in order." })
export class AgendaItem extends NodeType {
  @Field(() => Int)
  position: number;

  @Field(() => AgendaItemKind)
  kind: AgendaItemKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType("Attendance", { description: "A member's attendance (a public function: names and presence are public)." })
export class Attendance extends NodeType {
  @Field(() => AttendanceStatus)
  status: AttendanceStatus;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType("MeetingConnection")
export class MeetingConnection extends ConnectionType(Meeting, "Meeting") {}
