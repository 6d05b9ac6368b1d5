import type { Logger } from "@contagem/schema";
import { Pool } from "pg";
import { PgBoss } from "pg-boss";
import { attemptDelivery } from "./attempt";
import { DELIVERY_QUEUE, relayOutbox, requeueDeliveries } from "./relay";
import type { WebhookWorkerConfig } from "./worker.config";

export interface WebhookWorker {
  stop(): Promise<void>;
}

/**
 * The webhook worker: relays the subgraphs' outboxes into deliveries (every `pollMs`) and works the delivery queue
 * (pg-boss, PostgreSQL-backed: no Redis, no NATS). Attempts are jobs; a job whose worker died mid-delivery expires
 * after `expireSeconds` and is handed out again, so a kill loses nothing (at-least-once).
 */
export async function startWebhookWorker(config: WebhookWorkerConfig, logger: Logger): Promise<WebhookWorker> {
  const recheckSeconds = Math.max(1, Math.min(60, Math.floor(config.expireSeconds / 2)));
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2, application_name: "webhooks-worker" });
  const boss = new PgBoss({
    connectionString: config.databaseUrl,
    schema: config.queueSchema,
    max: 2,
    application_name: "webhooks-queue",
    schedule: false,
    // How often expired jobs (a dead worker's) are looked for: within the expiry itself, and at least every minute.
    superviseIntervalSeconds: recheckSeconds,
    monitorIntervalSeconds: recheckSeconds,
  });
  boss.on("error", (error) => logger.error({ err: error }, "webhook queue error"));
  await boss.start();
  await boss.createQueue(DELIVERY_QUEUE, {
    expireInSeconds: config.expireSeconds,
    // Retries of the job itself are only for a worker that died or a database error; the delivery's own attempts
    // and backoff are counted on the delivery (attempt.ts).
    retryLimit: 1000,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 300,
  });
  let stopping = false;
  let relaying: Promise<void> = Promise.resolve();
  const relayAll = async () => {
    for (const source of config.sourceSchemas) {
      while (!stopping && (await relayOutbox(pool, boss, config, source)) > 0);
    }
    while (!stopping && (await requeueDeliveries(pool, boss, config)) > 0);
  };
  const timer = setInterval(() => {
    relaying = relaying.then(relayAll).catch((error: unknown) => logger.error({ err: error }, "webhook relay failed; retrying"));
  }, config.pollMs);
  await boss.work<{ deliveryId: string }>(
    DELIVERY_QUEUE,
    { pollingIntervalSeconds: Math.max(0.5, config.pollMs / 1000), batchSize: 1, localConcurrency: config.concurrency },
    async ([job]) => {
      const outcome = await attemptDelivery(pool, boss, config, job.data.deliveryId);
      logger.info({ deliveryId: job.data.deliveryId, outcome }, `webhook delivery ${outcome}`);
    },
  );
  logger.info({ sources: config.sourceSchemas, queue: config.queueSchema }, "webhook worker started");
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await relaying;
      await boss.stop({ graceful: true, timeout: config.timeoutMs + 1000 });
      await pool.end();
    },
  };
}
