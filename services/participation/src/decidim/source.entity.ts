import { Embeddable, Enum, Property } from "@mikro-orm/core";
import { SourceSystem } from "./source.enums";

/**
 * Where an imported row lives (columns `origin_*`): its system, its record type and id there, its public page, when
 * its current content was read, and that content's hash (so that a sync rewrites, and moves `updatedAt` of, only the
 * rows whose content changed). Null on the rows kept in this graph (written through its mutations, or seeded).
 * Unique per (system, type, externalId): a sync finds its rows again by it.
 */
@Embeddable()
export class ImportedFrom {
  @Enum({ items: () => SourceSystem })
  system!: SourceSystem;

  /** The record's type there, e.g. `Proposal` or `Project` (Decidim's ids are unique per type only). */
  @Property({ type: "text" })
  type!: string;

  @Property({ type: "text" })
  externalId!: string;

  @Property({ type: "text" })
  url!: string;

  @Property({ type: "timestamptz" })
  importedAt!: Date;

  @Property({ length: 64 })
  contentHash!: string;
}

/** Whether a row was imported from another system (and so is read-only here). */
export const isImported = (row: { importedFrom?: ImportedFrom | null }): boolean => row.importedFrom?.system != null;

/** The filter condition for rows kept in `system` (a list's `source` filter): CONTAGEM is a row with no import. */
export const keptIn = (system: SourceSystem): Record<string, unknown> => ({ importedFrom: { system: system === SourceSystem.CONTAGEM ? null : system } });
