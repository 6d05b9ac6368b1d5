import { Entity, Enum, ManyToOne, Property, Unique, type Ref, type Opt, BeforeCreate, BeforeUpdate } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord, foldText } from "@contagem/schema";
import { DeliberationEntity } from "../deliberations/deliberation.entity";
import { MeetingEntity } from "../meetings/meeting.entity";
import { formatNumber } from "../numbering/numbering";
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

  /**
   * What `searchResolutions` reads: its label, ementa and text, folded. PostgreSQL derives the search vector from it
   * (a generated column), so the two never drift; mapped lazily, so that no read ships it.
   */
  @Property({ type: "text", lazy: true, nullable: true })
  searchDocument?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  foldSearchDocument(): void {
    // A partial load (some fields only) lacks the text: it changes none of it either.
    if (this.summary != null && this.body != null) this.searchDocument = resolutionSearchDocument(this);
  }
}

/** A resolution's searched text, folded: "Resolução 001/2021", its ementa and its text (the seeds' bulk inserts use it too). */
export const resolutionSearchDocument = (r: { number: number; year: number; summary: string; body: string }) =>
  foldText(`Resolução ${formatNumber(r.number, r.year)}\n${r.summary}\n${r.body}`);
