import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { MeetingEntity } from "../meetings/meeting.entity";
import { AttendanceStatus } from "./attendance.enums";

/** One member's attendance at one meeting; the mandate and seat belong to the councils subgraph. */
@Entity({ tableName: "attendance" })
@Unique({ properties: ["meeting", "mandateId"] })
export class AttendanceEntity extends BaseEntity {
  @ManyToOne(() => MeetingEntity, { ref: true })
  meeting!: Ref<MeetingEntity>;

  @Property()
  mandateId!: number;

  @Property()
  seatId!: number;

  @Enum({ items: () => AttendanceStatus })
  status!: AttendanceStatus;

  /** For SUBSTITUTED: the suplente's mandate that sat for the titular. */
  @Property({ nullable: true })
  substituteMandateId?: number | null;

  @Property({ type: "text", nullable: true })
  note?: string | null;
}
