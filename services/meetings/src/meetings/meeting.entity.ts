import { Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { AgendaItemKind, MeetingStatus, MeetingType, Modality } from "./meeting.enums";

@Entity({ tableName: "meeting" })
export class MeetingEntity extends BaseEntity {
  /** The council (owned by the councils subgraph). */
  @Property()
  councilId!: number;

  @Property({ nullable: true })
  termId?: number | null;

  @Enum({ items: () => MeetingType })
  type!: MeetingType;

  @Property({ length: 200 })
  sequenceLabel!: string;

  @Enum({ items: () => MeetingStatus })
  status: MeetingStatus = MeetingStatus.SCHEDULED;

  @Property({ type: "text", nullable: true })
  statusReason?: string | null;

  @Enum({ items: () => Modality })
  modality!: Modality;

  @Property({ type: "timestamptz" })
  startsAt!: Date;

  @Property({ type: "timestamptz", nullable: true })
  endsAt?: Date | null;

  @Property({ type: "text", nullable: true })
  place?: string | null;

  @Property({ type: "text", nullable: true })
  onlineUrl?: string | null;

  @Property({ nullable: true })
  territoryId?: number | null;

  @Property({ type: "timestamptz", nullable: true })
  convenedAt?: Date | null;

  @Property({ nullable: true })
  convenedByMandateId?: number | null;

  /** Notice the council's rules required when the meeting was convened (hours); null when the rule is unknown. */
  @Property({ nullable: true })
  noticeRequiredHours?: number | null;

  @Property({ type: "text", nullable: true })
  quorumRule?: string | null;

  @Property({ nullable: true })
  seatsTotal?: number | null;

  @Property({ nullable: true })
  quorumRequired?: number | null;

  @Property({ nullable: true })
  presentCount?: number | null;

  @OneToMany(() => AgendaItemEntity, (item) => item.meeting, { orderBy: { position: "asc" } })
  agenda = new Collection<AgendaItemEntity>(this);
}

@Entity({ tableName: "agenda_item" })
export class AgendaItemEntity extends BaseEntity {
  @ManyToOne(() => MeetingEntity, { ref: true })
  meeting!: Ref<MeetingEntity>;

  @Property()
  position!: number;

  @Enum({ items: () => AgendaItemKind })
  kind!: AgendaItemKind;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "text", nullable: true })
  description?: string | null;

  /** For APPROVAL_OF_MINUTES: the minutes put to approval. */
  @Property({ nullable: true })
  minutesId?: number | null;
}
