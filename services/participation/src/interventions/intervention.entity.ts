import { Entity, Enum, ManyToOne, Property, type Ref, type Opt, Embedded } from "@mikro-orm/core";
import { BaseEntity, SourcesProperty, type SourceRecord, PlaceEmbeddable } from "@contagem/schema";
import { ProcessEntity } from "../processes/process.entity";
import { InterventionStatus } from "./intervention.enums";

/** Works or a service chosen by a regional council for its region, with cost and progress. */
@Entity({ tableName: "intervention" })
export class InterventionEntity extends BaseEntity<"status" | "progress"> {

  @Property()
  councilId!: number;

  @Property({ nullable: true })
  territoryId?: number | null;

  @ManyToOne(() => ProcessEntity, { ref: true, nullable: true })
  process?: Ref<ProcessEntity> | null;

  /** The deliberation (meetings subgraph) that decided it. */
  @Property({ nullable: true })
  deliberationId?: number | null;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "text", nullable: true })
  description?: string | null;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  estimatedCost!: string;

  @Property()
  year!: number;

  @Enum({ items: () => InterventionStatus })
  status: InterventionStatus = InterventionStatus.PLANNED;

  @Property()
  progress: number = 0;

  /** Where this record's facts come from: the public documents cited with its write (or by the seed). */
  @SourcesProperty()
  sources: Opt<SourceRecord[]> = [];

  /** Where the works are (name, address, coordinates); null when not recorded. */
  @Embedded(() => PlaceEmbeddable, { prefix: "location_", nullable: true })
  location?: PlaceEmbeddable | null;
}

@Entity({ tableName: "milestone" })
export class MilestoneEntity extends BaseEntity {
  @ManyToOne(() => InterventionEntity, { ref: true })
  intervention!: Ref<InterventionEntity>;

  @Property()
  position!: number;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "date", nullable: true })
  dueOn?: string | null;

  @Property({ type: "date", nullable: true })
  doneOn?: string | null;
}
