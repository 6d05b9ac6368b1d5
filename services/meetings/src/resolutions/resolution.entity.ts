import { Entity, Enum, ManyToOne, Property, Unique, type Ref, type Opt } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord } from "@contagem/schema";
import { DeliberationEntity } from "../deliberations/deliberation.entity";
import { MeetingEntity } from "../meetings/meeting.entity";
import { ResolutionStatus } from "./resolution.enums";

/** A resolution (resolução), numbered per council and year, adopted by a deliberation at a meeting. */
@Entity({ tableName: "resolution" })
@Unique({ properties: ["councilId", "year", "number"] })
export class ResolutionEntity extends BaseEntity {
  @Property()
  councilId!: number;

  @Property()
  year!: number;

  @Property()
  number!: number;

  @Property({ type: "date" })
  date!: string;

  @Property({ type: "text" })
  summary!: string;

  @Property({ type: "text" })
  body!: string;

  @ManyToOne(() => MeetingEntity, { ref: true })
  meeting!: Ref<MeetingEntity>;

  @ManyToOne(() => DeliberationEntity, { ref: true, nullable: true })
  deliberation?: Ref<DeliberationEntity> | null;

  @Enum({ items: () => ResolutionStatus })
  status: ResolutionStatus = ResolutionStatus.IN_FORCE;

  /** The resolution this one amends or revokes, if any. */
  @ManyToOne(() => ResolutionEntity, { ref: true, nullable: true })
  amends?: Ref<ResolutionEntity> | null;

  @ManyToOne(() => ResolutionEntity, { ref: true, nullable: true })
  revokes?: Ref<ResolutionEntity> | null;

  @Property({ nullable: true })
  gazetteEdition?: number | null;

  @Property({ length: 32, nullable: true })
  gazettePages?: string | null;

  @Property({ type: "date", nullable: true })
  gazetteDate?: string | null;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];
}
