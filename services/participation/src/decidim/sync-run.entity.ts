import { Entity, Property, type Opt } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";

/** Per record kind: rows created, rewritten (content changed), left as they were, and removed. */
export interface SyncCounts {
  [kind: string]: { created: number; updated: number; unchanged: number; removed: number };
}

/** One run of the Decidim sync: when, from where, what it changed, or why it failed (then it changed nothing). */
@Entity({ tableName: "decidim_sync_run" })
export class DecidimSyncRunEntity extends BaseEntity {
  @Property({ type: "timestamptz" })
  startedAt!: Date;

  @Property({ type: "timestamptz", nullable: true })
  finishedAt?: Date | null;

  @Property({ type: "text", nullable: true })
  apiUrl?: string | null;

  @Property({ type: "text", nullable: true })
  decidimVersion?: string | null;

  @Property({ type: "json" })
  counts: Opt<SyncCounts> = {};

  /** Records of the snapshot this graph has no place for (e.g. proposals of an assembly), per kind. */
  @Property({ type: "json" })
  skipped: Opt<Record<string, number>> = {};

  /** Why it failed (an error's message, no stack); null when it succeeded. */
  @Property({ type: "text", nullable: true })
  error?: string | null;
}
