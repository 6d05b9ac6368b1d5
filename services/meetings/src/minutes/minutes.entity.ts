import { Entity, Enum, ManyToOne, Property, Unique, type Ref, type Opt } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord } from "@contagem/schema";
import { MeetingEntity } from "../meetings/meeting.entity";
import { MinutesStatus } from "./minutes.enums";

/** The minutes (ata) of a meeting, numbered per council and year. */
@Entity({ tableName: "minutes" })
@Unique({ properties: ["councilId", "year", "number"] })
export class MinutesEntity extends BaseEntity {
  @Property()
  councilId!: number;

  @ManyToOne(() => MeetingEntity, { ref: true })
  meeting!: Ref<MeetingEntity>;

  @Property()
  year!: number;

  @Property()
  number!: number;

  @Enum({ items: () => MinutesStatus })
  status: MinutesStatus = MinutesStatus.DRAFT;

  /** The latest version's number. */
  @Property()
  currentVersion!: number;

  @ManyToOne(() => MeetingEntity, { ref: true, nullable: true })
  approvedAtMeeting?: Ref<MeetingEntity> | null;

  @Property({ type: "timestamptz", nullable: true })
  approvedAt?: Date | null;

  @Property({ nullable: true })
  gazetteEdition?: number | null;

  @Property({ length: 32, nullable: true })
  gazettePages?: string | null;

  @Property({ type: "date", nullable: true })
  gazetteDate?: string | null;

  @Property({ type: "timestamptz", nullable: true })
  publishedAt?: Date | null;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];
}

/** One text of the minutes. A published version is never changed or deleted (the database refuses it too). */
@Entity({ tableName: "minutes_version" })
@Unique({ properties: ["minutes", "number"] })
export class MinutesVersionEntity extends BaseEntity {
  @ManyToOne(() => MinutesEntity, { ref: true })
  minutes!: Ref<MinutesEntity>;

  @Property()
  number!: number;

  @Property({ type: "text" })
  body!: string;

  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: "text" })
  authorSub!: string;

  @Property({ type: "text" })
  authorRole!: string;

  @Property({ type: "text", nullable: true })
  changeNote?: string | null;

  @Property()
  published: boolean = false;
}
