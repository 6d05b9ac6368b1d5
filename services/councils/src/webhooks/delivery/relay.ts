import type { PoolClient, Pool } from "pg";
import type { PgBoss } from "pg-boss";
import type { WebhookWorkerConfig } from "./worker.config";

export const DELIVERY_QUEUE = "webhook-delivery";
const BATCH = 100;

/** pg-boss writes its jobs through our transaction's connection: the jobs commit with the rows they deliver. */
export const inTransaction = (client: PoolClient) => ({
  executeSql: (text: string, values?: unknown[]) => client.query(text, values),
});

/**
 * Moves one batch of a subgraph's outbox into deliveries, one per active subscription that wants the event's type,
 * each with its pg-boss job, and marks the events relayed — all in one transaction: a crash anywhere leaves the
 * events unrelayed, to be relayed again (a delivery is unique per subscription and event, so never twice).
 * `skip locked` lets two workers relay side by side. Returns how many events it relayed.
 */
export async function relayOutbox(pool: Pool, boss: PgBoss, config: WebhookWorkerConfig, source: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const { rows: events } = await client.query<{ id: string; event_id: string; type: string; payload: unknown }>(
      `select id, event_id, type, payload from "${source}".webhook_outbox
        where relayed_at is null order by id limit ${BATCH} for update skip locked`,
    );
    if (events.length) {
      const { rows: subscriptions } = await client.query<{ id: number; event_types: string[] }>(
        `select id, event_types from "${config.councilsSchema}".webhook_subscription where active order by id`,
      );
      const jobs: { data: { deliveryId: string } }[] = [];
      for (const event of events) {
        for (const subscription of subscriptions.filter((s) => s.event_types.includes(event.type))) {
          const { rows } = await client.query<{ id: string }>(
            `insert into "${config.councilsSchema}".webhook_delivery (subscription_id, event_id, event_type, payload)
             values ($1, $2, $3, $4::jsonb) on conflict (subscription_id, event_id) do nothing returning id`,
            [subscription.id, event.event_id, event.type, JSON.stringify(event.payload)],
          );
          if (rows[0]) jobs.push({ data: { deliveryId: String(rows[0].id) } });
        }
      }
      if (jobs.length) await boss.insert(DELIVERY_QUEUE, jobs, { db: inTransaction(client) });
      await client.query(`update "${source}".webhook_outbox set relayed_at = now() where id = any($1::bigint[])`, [events.map((e) => e.id)]);
    }
    await client.query("commit");
    return events.length;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Enqueues the deliveries ADMIN put back in line (`redeliverWebhookDeliveries` sets `requeue`), with their jobs, in
 * one transaction. Returns how many.
 */
export async function requeueDeliveries(pool: Pool, boss: PgBoss, config: WebhookWorkerConfig): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<{ id: string }>(
      `update "${config.councilsSchema}".webhook_delivery set requeue = false
        where id in (select id from "${config.councilsSchema}".webhook_delivery where requeue order by id limit ${BATCH} for update skip locked)
        returning id`,
    );
    if (rows.length) await boss.insert(DELIVERY_QUEUE, rows.map((row) => ({ data: { deliveryId: String(row.id) } })), { db: inTransaction(client) });
    await client.query("commit");
    return rows.length;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
