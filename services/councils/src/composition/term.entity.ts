import { Entity, ManyToOne, Property, type Ref, type Opt } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord } from "@contagem/schema";
import { CouncilEntity } from "../councils/council.entity";
import { LegalActEntity } from "../legal-acts/legal-act.entity";

/** A council's mandate period (gestão). */
@Entity({ tableName: "term" })
export class TermEntity extends BaseEntity {
  @ManyToOne(() => CouncilEntity, { ref: true })
  council!: Ref<CouncilEntity>;

  @Property({ length: 120 })
  label!: string;

  @Property({ type: "date" })
  startsOn!: string;

  @Property({ type: "date" })
  endsOn!: string;

  @ManyToOne(() => LegalActEntity, { nullable: true, ref: true })
  appointmentAct?: Ref<LegalActEntity> | null;

  /** ADMIN's reason for a term longer than the council's rule; null when the term respects it. */
  @Property({ type: "text", nullable: true })
  lengthOverrideReason?: string | null;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];
}
