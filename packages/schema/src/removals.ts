import { Migration } from "@mikro-orm/migrations";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { MigrationClass } from "./db";
import { appendOnlySql } from "./platform.migration";

export const REMOVALS_MIGRATION = "Migration00000000000001_removals";

/** Why a public record left the public graph (a tombstone's reason). */
export enum RemovalReason {
  /** It no longer exists: deleted, or replaced by a new version of its list (an agenda rewritten, attendance recorded again). */
  DELETED = "DELETED",
  /** Moderation hid it from the public (a comment); it may come back, with a newer `updatedAt`. */
  HIDDEN = "HIDDEN",
}

/**
 * Tombstones of public records, beside the audit log in the shared, append-only audit schema: a mirror that polls the
 * change feed (`updatedSince`) learns from them what to delete. Only what the public graph showed gets one, and only
 * the type, id, time and reason: nothing of the record itself.
 */
export function removalsMigration(auditSchema: string): MigrationClass {
  return class RemovalsMigration extends Migration {
    override async up(): Promise<void> {
      const a = `"${auditSchema}"`;
      this.addSql(`create table if not exists ${a}.removed_record (
        id bigint generated always as identity primary key,
        removed_at timestamptz not null default now(),
        subgraph text not null,
        entity_type text not null,
        entity_id integer not null,
        reason text not null check (reason in ('DELETED', 'HIDDEN')))`);
      this.addSql(`create index if not exists removed_record_time_idx on ${a}.removed_record (removed_at, id)`);
      for (const sql of appendOnlySql(a, "removed_record")) this.addSql(sql);
    }
  };
}

/**
 * Records that public records of `type` (a Node type name) left the public graph, in the caller's transaction (the
 * tombstone commits with the change or not at all).
 */
export async function recordRemovals(
  em: EntityManager,
  where: { auditSchema: string; subgraph: string },
  type: string,
  ids: readonly number[],
  reason: RemovalReason,
): Promise<void> {
  if (!ids.length) return;
  const rows = ids.map(() => "(?, ?, ?, ?)").join(", ");
  await em.execute(
    `insert into "${where.auditSchema}".removed_record (subgraph, entity_type, entity_id, reason) values ${rows}`,
    ids.flatMap((id) => [where.subgraph, type, id, reason]),
  );
}
