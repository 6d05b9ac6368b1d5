import { Migration } from "@mikro-orm/migrations";
import type { MigrationClass } from "./db";

export const PLATFORM_MIGRATION = "Migration00000000000000_platform";

/**
 * What every subgraph's writes stand on: its idempotency keys (in its own schema) and the system-wide, append-only
 * audit log (in the shared audit schema, written in the same transaction as the change it records).
 */
export function platformMigration(auditSchema: string): MigrationClass {
  return class PlatformMigration extends Migration {
    override async up(): Promise<void> {
      const s = `"${this.config.get("schema")}"`;
      const a = `"${auditSchema}"`;
      this.addSql(`create schema if not exists ${s}`);
      this.addSql(`create table ${s}.idempotency_key (
        actor_sub text not null,
        key varchar(255) not null,
        action text not null,
        request_hash char(64) not null,
        entity_type text,
        entity_id integer,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        primary key (actor_sub, key))`);
      this.addSql(`create index idempotency_key_expiry_idx on ${s}.idempotency_key (expires_at)`);
      this.addSql(`create schema if not exists ${a}`);
      this.addSql(`create table if not exists ${a}.audit_entry (
        id bigint generated always as identity primary key,
        occurred_at timestamptz not null default now(),
        subgraph text not null,
        actor_sub text not null,
        actor_roles text[] not null,
        council_id integer,
        action text not null,
        entity_type text not null,
        entity_id integer not null,
        before_hash char(64),
        after_hash char(64),
        request_id text not null,
        idempotency_key varchar(255),
        details jsonb)`);
      this.addSql(`create index if not exists audit_entry_entity_idx on ${a}.audit_entry (entity_type, entity_id, id)`);
      this.addSql(`create index if not exists audit_entry_council_idx on ${a}.audit_entry (council_id, id)`);
      this.addSql(`create index if not exists audit_entry_actor_idx on ${a}.audit_entry (actor_sub, id)`);
      // Append-only in the database itself, whatever the code does: UPDATE, DELETE and TRUNCATE are refused.
      this.addSql(`create or replace function ${a}.refuse_audit_change() returns trigger language plpgsql as $$
        begin
          raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
        end $$`);
      for (const sql of appendOnlySql(a, "audit_entry")) this.addSql(sql);
    }
  };
}

/** Triggers that refuse UPDATE, DELETE and TRUNCATE on a log table of the audit schema, whatever the code does. */
export function appendOnlySql(auditSchema: string, table: string): string[] {
  return [
    `drop trigger if exists ${table}_append_only on ${auditSchema}.${table}`,
    `create trigger ${table}_append_only before update or delete on ${auditSchema}.${table}
        for each row execute function ${auditSchema}.refuse_audit_change()`,
    `drop trigger if exists ${table}_no_truncate on ${auditSchema}.${table}`,
    `create trigger ${table}_no_truncate before truncate on ${auditSchema}.${table}
        for each statement execute function ${auditSchema}.refuse_audit_change()`,
  ];
}
