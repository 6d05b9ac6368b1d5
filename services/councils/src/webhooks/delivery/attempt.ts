import type { Pool } from "pg";
import type { PgBoss } from "pg-boss";
import { Webhook } from "standardwebhooks";
import { post } from "./post";
import { DELIVERY_QUEUE, inTransaction } from "./relay";
import { backoffMs, type WebhookWorkerConfig } from "./worker.config";

interface Due {
  id: string;
  event_id: string;
  body: string;
  status: string;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  active: boolean;
}

export type Outcome = "succeeded" | "retrying" | "dead" | "skipped";

/**
 * The Standard Webhooks headers of one attempt: `webhook-id` is the event's id (the same on every attempt and for
 * every subscription, so a receiver deduplicates on it), `webhook-timestamp` this attempt's time in Unix seconds,
 * `webhook-signature` the library's `v1,<base64 HMAC-SHA256>` over `id.timestamp.body`, one per secret (space-separated,
 * the current secret first): during a rotation's overlap both the new and the previous secret sign.
 */
export function signedHeaders(secrets: readonly string[], eventId: string, body: string, at = new Date()): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "contagem-participation-webhooks/1",
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(eventId, at, body)).join(" "),
  };
}

/**
 * One attempt of one delivery. No transaction is open while the receiver is awaited (one engine in the embedded
 * database: nothing may wait on a third party while holding it). The outcome is recorded only if the delivery is still
 * at the attempt count this attempt read, so a duplicate job (a worker that died after sending) cannot count twice;
 * a failure schedules the next attempt's job in the same transaction as the failure's record.
 */
export async function attemptDelivery(pool: Pool, boss: PgBoss, config: WebhookWorkerConfig, deliveryId: string): Promise<Outcome> {
  const c = `"${config.councilsSchema}"`;
  const { rows } = await pool.query<Due>(
    `select d.id, d.event_id, d.payload::text as body, d.status, d.attempts, s.url, s.secret,
            case when s.previous_secret_expires_at > now() then s.previous_secret end as previous_secret, s.active
       from ${c}.webhook_delivery d join ${c}.webhook_subscription s on s.id = d.subscription_id where d.id = $1`,
    [deliveryId],
  );
  const due = rows[0];
  if (!due || due.status === "SUCCEEDED" || due.status === "DEAD") return "skipped";
  if (!due.active) {
    await pool.query(
      `update ${c}.webhook_delivery set status = 'DEAD', last_error = 'the subscription was disabled before delivery',
         next_attempt_at = null, updated_at = now() where id = $1 and attempts = $2`,
      [due.id, due.attempts],
    );
    return "dead";
  }
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await post(due.url, due.body, signedHeaders([due.secret, ...(due.previous_secret ? [due.previous_secret] : [])], due.event_id, due.body), config);
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (cause) {
    error = (cause as Error).name === "TimeoutError" ? `no answer within ${config.timeoutMs} ms` : (cause as Error).message || String(cause);
  }
  const attempts = due.attempts + 1;
  if (error === null) {
    await pool.query(
      `update ${c}.webhook_delivery set status = 'SUCCEEDED', attempts = $3, last_status_code = $4, last_error = null,
         next_attempt_at = null, delivered_at = now(), updated_at = now() where id = $1 and attempts = $2`,
      [due.id, due.attempts, attempts, statusCode],
    );
    return "succeeded";
  }
  const dead = attempts >= config.maxAttempts;
  const next = dead ? null : new Date(Date.now() + backoffMs(config, attempts));
  const client = await pool.connect();
  try {
    await client.query("begin");
    const updated = await client.query(
      `update ${c}.webhook_delivery set status = $3, attempts = $4, last_status_code = $5, last_error = $6,
         next_attempt_at = $7, updated_at = now() where id = $1 and attempts = $2`,
      [due.id, due.attempts, dead ? "DEAD" : "RETRYING", attempts, statusCode, error.slice(0, 500), next],
    );
    if (next && updated.rowCount) {
      await boss.send(DELIVERY_QUEUE, { deliveryId: due.id }, { startAfter: next, db: inTransaction(client) });
    }
    await client.query("commit");
  } catch (cause) {
    await client.query("rollback").catch(() => {});
    throw cause;
  } finally {
    client.release();
  }
  return dead ? "dead" : "retrying";
}
