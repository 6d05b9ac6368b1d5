import type { EntityManager } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { randomUUID } from "node:crypto";

/** The events a webhook subscription can ask for; each is written by the subgraph that owns the change. */
export const WEBHOOK_EVENT_TYPES = [
  "minutes.published",
  "resolution.adopted",
  "resolution.amended",
  "resolution.revoked",
  "meeting.scheduled",
  "meeting.cancelled",
  "meeting.held",
  "process.results_published",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * An event a write announces: its type and a small snapshot of public data (global ids, statuses, dates). Never
 * personal data: a receiver is a third party, and what it is sent cannot be taken back.
 */
export interface OutboxEvent {
  type: WebhookEventType;
  data: Record<string, string | number | boolean | null>;
}

/** The outbox table's name in every subgraph schema that announces events. */
export const OUTBOX_TABLE = "webhook_outbox";

/**
 * Writes events into the subgraph's own outbox, in the transaction of `em` (the write mechanism calls it after the
 * change and its audit entry): the event exists if and only if the change committed. Each gets its stable id here
 * (`msg_…`, the Standard Webhooks `webhook-id`), which every retry of every delivery repeats, so receivers can
 * deduplicate.
 */
export async function recordEvents(em: EntityManager, events: OutboxEvent[]): Promise<void> {
  const schema = em.config.get("schema")!;
  for (const event of events) {
    const id = `msg_${randomUUID().replaceAll("-", "")}`;
    const payload = { type: event.type, timestamp: new Date().toISOString(), data: event.data };
    await em.execute(`insert into "${schema}".${OUTBOX_TABLE} (event_id, type, payload) values (?, ?, ?::jsonb)`, [
      id,
      event.type,
      JSON.stringify(payload),
    ]);
  }
}

/**
 * The outbox of a subgraph that announces events (a migration in its own list): rows wait with `relayed_at` null
 * until the webhook worker has turned them into deliveries, in one transaction with the relay.
 */
export class OutboxMigration extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`create table ${s}.${OUTBOX_TABLE} (
      id bigint generated always as identity primary key,
      event_id text not null unique,
      type text not null,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      relayed_at timestamptz)`);
    this.addSql(`create index ${OUTBOX_TABLE}_pending_idx on ${s}.${OUTBOX_TABLE} (id) where relayed_at is null`);
  }
}
