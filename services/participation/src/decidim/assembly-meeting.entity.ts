import { Embedded, Entity, ManyToOne, Property, type Opt, type Ref } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";
import { AssemblyEntity } from "../decide/assembly.entity";
import { ImportedFrom } from "./source.entity";

export interface AgendaEntry {
  title: string;
  description: string;
}

/**
 * A meeting of a Decide Contagem assembly (e.g. a regional council's), as Decidim publishes it. Kept here, apart from the
 * meetings subgraph's `Meeting`: that subgraph owns its tables, and these records are Decidim's, read-only.
 */
@Entity({ tableName: "assembly_meeting" })
export class AssemblyMeetingEntity extends BaseEntity {
  @ManyToOne(() => AssemblyEntity, { ref: true })
  assembly!: Ref<AssemblyEntity>;

  @Property({ type: "text" })
  title!: string;

  @Property({ type: "text" })
  description!: string;

  @Property({ type: "timestamptz" })
  startsAt!: Date;

  @Property({ type: "timestamptz", nullable: true })
  endsAt?: Date | null;

  @Property({ type: "text", nullable: true })
  address?: string | null;

  @Property({ type: "json" })
  agenda: Opt<AgendaEntry[]> = [];

  @Property()
  closed!: boolean;

  @Property({ type: "text", nullable: true })
  closingReport?: string | null;

  @Property({ type: "integer", nullable: true })
  attendeesCount?: number | null;

  @Property({ type: "integer", nullable: true })
  contributionsCount?: number | null;

  @Property({ type: "text", nullable: true })
  attendingOrganizations?: string | null;

  @Embedded(() => ImportedFrom, { prefix: "origin_", nullable: true })
  importedFrom?: ImportedFrom | null;
}
