import { Embedded, Entity, Enum, ManyToOne, Property, Unique, type Opt, type Ref } from "@mikro-orm/core";
import { BaseEntity, type SourceRecord } from "@contagem/schema";
import { ImportedFrom } from "../decidim/source.entity";
import { PhaseKind, ProcessKind, ProcessStatus } from "./process.enums";

@Entity({ tableName: "process" })
export class ProcessEntity extends BaseEntity<"status" | "minimumAge"> {

  @Enum({ items: () => ProcessKind })
  kind!: ProcessKind;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "text" })
  description!: string;

  @Enum({ items: () => ProcessStatus })
  status: ProcessStatus = ProcessStatus.PLANNED;

  @Property({ nullable: true })
  councilId?: number | null;

  @Property({ nullable: true })
  territoryId?: number | null;

  /** For votes: how many options each participant may pick. */
  @Property({ nullable: true })
  maxChoices?: number | null;

  /**
   * Minimum age to take part, in years: 16 unless the process's act says otherwise (createProcess's default); null for
   * a process of the public record that states none.
   */
  @Property({ type: "integer", nullable: true })
  minimumAge: number | null = 16;

  @Property({ type: "text", nullable: true })
  rulesText?: string | null;

  @Property({ type: "text", nullable: true })
  sourceUrl?: string | null;

  /** Where this row's facts come from (the public record); empty for processes entered through mutations. */
  @Property({ type: "json" })
  sources: Opt<SourceRecord[]> = [];

  /** For a process of the public record: its natural key there (its name), so that the seed finds the row again. */
  @Property({ type: "text", nullable: true, hidden: true })
  recordKey?: string | null;

  @Property({ length: 64, nullable: true, hidden: true })
  recordHash?: string | null;

  /** Set on a row imported from Decide Contagem (read-only here); null on this graph's own rows. */
  @Embedded(() => ImportedFrom, { prefix: "origin_", nullable: true })
  importedFrom?: ImportedFrom | null;
}

@Entity({ tableName: "phase" })
export class PhaseEntity extends BaseEntity {
  @ManyToOne(() => ProcessEntity, { ref: true })
  process!: Ref<ProcessEntity>;

  @Property()
  position!: number;

  @Enum({ items: () => PhaseKind })
  kind!: PhaseKind;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "timestamptz" })
  startsAt!: Date;

  /** Null when the end is not on record (historical processes). */
  @Property({ type: "timestamptz", nullable: true })
  endsAt?: Date | null;
}

/** A meeting (meetings subgraph) that is part of a process: a hearing, a plenary, a council's deliberation. */
@Entity({ tableName: "process_meeting" })
@Unique({ properties: ["process", "meetingId"] })
export class ProcessMeetingEntity extends BaseEntity {
  @ManyToOne(() => ProcessEntity, { ref: true })
  process!: Ref<ProcessEntity>;

  @Property()
  meetingId!: number;
}
