import { Embedded, Entity, Property, type Opt } from "@mikro-orm/core";
import { BaseEntity, type SourceRecord } from "@contagem/schema";
import { ImportedFrom } from "../decidim/source.entity";

/** A participatory space of Decide Contagem (Decidim's "assembly"): a body's page on the platform. */
@Entity({ tableName: "assembly" })
export class AssemblyEntity extends BaseEntity {
  /** Its slug on the platform: `https://decidim.contagem.mg.gov.br/assemblies/<slug>`. */
  @Property({ type: "text", unique: true })
  slug!: string;

  @Property({ type: "text" })
  name!: string;

  /** The council (councils subgraph) whose space it is, where the record says so. */
  @Property({ nullable: true })
  councilId?: number | null;

  /** What the record states about it, one fact a line. */
  @Property({ type: "text" })
  facts!: string;

  @Property({ type: "json" })
  sources: Opt<SourceRecord[]> = [];

  @Property({ length: 64, nullable: true, hidden: true })
  recordHash?: string | null;

  /** Its subtitle on Decide Contagem, as imported; null when not imported or none. */
  @Property({ type: "text", nullable: true })
  subtitle?: string | null;

  /** Its description on Decide Contagem (plain text), as imported; null when not imported. */
  @Property({ type: "text", nullable: true })
  description?: string | null;

  /** Set on a row imported from Decide Contagem (read-only here); null on this graph's own rows. */
  @Embedded(() => ImportedFrom, { prefix: "origin_", nullable: true })
  importedFrom?: ImportedFrom | null;
}
