import { Migration } from "@mikro-orm/migrations";

/**
 * Webhook subscriptions and their deliveries (issue 14, part 3). A delivery is one event for one subscription: its
 * status, attempts, last error and next attempt are what ADMIN reads; the job queue (pg-boss, in its own schema)
 * only says when the worker tries next.
 */
export class Migration20261231000000_webhooks extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`create table ${s}.webhook_subscription (
      id serial primary key,
      url text not null check (url ~ '^https?://' and length(url) <= 2000),
      description text,
      event_types text[] not null check (cardinality(event_types) > 0),
      secret text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1)`);
    this.addSql(`create table ${s}.webhook_delivery (
      id bigint generated always as identity primary key,
      subscription_id integer not null references ${s}.webhook_subscription (id) on delete cascade,
      event_id text not null,
      event_type text not null,
      payload jsonb not null,
      status text not null default 'PENDING' check (status in ('PENDING', 'RETRYING', 'SUCCEEDED', 'DEAD')),
      attempts integer not null default 0,
      last_status_code integer,
      last_error text,
      next_attempt_at timestamptz,
      delivered_at timestamptz,
      requeue boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (subscription_id, event_id))`);
    this.addSql(`create index webhook_delivery_page_idx on ${s}.webhook_delivery (subscription_id, id desc)`);
    this.addSql(`create index webhook_delivery_status_idx on ${s}.webhook_delivery (status, id desc)`);
    this.addSql(`create index webhook_delivery_requeue_idx on ${s}.webhook_delivery (id) where requeue`);
  }
}
