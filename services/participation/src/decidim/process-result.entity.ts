import { Embedded, Entity, ManyToOne, Property, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { ProcessEntity } from "../processes/process.entity";
import { ImportedFrom } from "./source.entity";

/** What a process delivered, with its progress: today only imported from Decidim's accountability component. */
@Entity({ tableName: "process_result" })
export class ProcessResultEntity extends BaseEntity {
  @ManyToOne(() => ProcessEntity, { ref: true })
  process!: Ref<ProcessEntity>;

  /** The result it is part of (Decidim's results nest), or null. */
  @ManyToOne(() => ProcessResultEntity, { ref: true, nullable: true, deleteRule: "set null" })
  parent?: Ref<ProcessResultEntity> | null;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "text" })
  description!: string;

  @Property({ type: "date", nullable: true })
  startDate?: string | null;

  @Property({ type: "date", nullable: true })
  endDate?: string | null;

  /** 0 to 100; null when not stated. */
  @Property({ type: "double", nullable: true })
  progress?: number | null;

  @Property({ type: "text", nullable: true })
  statusName?: string | null;

  @Embedded(() => ImportedFrom, { prefix: "origin_", nullable: true })
  importedFrom?: ImportedFrom | null;
}
