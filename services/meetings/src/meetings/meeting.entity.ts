import { Collection, Embedded, Entity, Enum, ManyToOne, OneToMany, Property, type Opt, type Ref } from "@mikro-orm/core";
import { BaseEntity, PlaceEmbeddable, type SourceRecord } from "@contagem/schema";
import { AgendaItemKind, MeetingDocument, MeetingStatus, MeetingType, Modality, RecordProvenance } from "./meeting.enums";

/** A DOC publication about a meeting, as a public listing cites it (stored as jsonb). */
export interface MeetingPublicationRecord {
  document: MeetingDocument;
  edition: number;
  pages: string | null;
  date: string | null;
}

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

  /** Its structured place (name, address, coordinates), beside the free-text `place` of the call. */
  @Embedded(() => PlaceEmbeddable, { prefix: "location_", nullable: true })
  location?: PlaceEmbeddable | null;

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

  @Enum({ items: () => RecordProvenance })
  recordedFrom: Opt<RecordProvenance> = RecordProvenance.SECRETARIAT;

  /** For PUBLIC_LISTING: the record's natural key (council, date, source), so that the seed finds the row again. */
  @Property({ type: "text", nullable: true, hidden: true })
  recordKey?: string | null;

  /** SHA-256 of the record's facts the seed last applied: a restart re-applies only a changed record. */
  @Property({ length: 64, nullable: true, hidden: true })
  recordHash?: string | null;

  @Property({ type: "json" })
  sources: Opt<SourceRecord[]> = [];

  @Property({ type: "text", nullable: true })
  typeLabel?: string | null;

  @Property({ type: "text", nullable: true })
  notes?: string | null;

  /** False when the source gives only the date: `startsAt` is then the start of that day in Contagem. */
  @Property()
  startTimeStated: Opt<boolean> = true;

  @Property({ type: "date", nullable: true })
  convokedOn?: string | null;

  @Property({ type: "json" })
  publications: Opt<MeetingPublicationRecord[]> = [];

  /** A held meeting's recording (video or audio), as the secretariat published it. */
  @Property({ type: "text", nullable: true })
  recordingUrl?: string | null;

  /** A held meeting's closing report (Markdown), as the secretariat published it. */
  @Property({ type: "text", nullable: true })
  closingReport?: string | null;

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
