import { Entity, ManyToOne, Property, type Ref, type Opt } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord } from "@contagem/schema";
import { ProcessEntity } from "../processes/process.entity";

/** A candidacy in a council election, as the official notice writes it, and its result. */
@Entity({ tableName: "candidacy" })
export class CandidacyEntity extends BaseEntity {
  @ManyToOne(() => ProcessEntity, { ref: true })
  process!: Ref<ProcessEntity>;

  @Property({ type: "text" })
  displayName!: string;

  @Property({ type: "text", nullable: true })
  segment?: string | null;

  /** The electoral micro-region (councils subgraph territory). */
  @Property({ nullable: true })
  territoryId?: number | null;

  @Property({ nullable: true })
  votes?: number | null;

  @Property({ nullable: true })
  elected?: boolean | null;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];
}
