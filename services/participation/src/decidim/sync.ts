import { DEFAULT_AUDIT_SCHEMA, type Logger } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { PgBoss } from "pg-boss";
import { applyDecidimSnapshot, SYNC_ACTOR } from "./import";
import type { DecidimSnapshot } from "./records";
import type { DecidimSyncConfig } from "./sync.config";
import { cleanText } from "./text";
import { DecidimSyncRunEntity } from "./sync-run.entity";

/** The queue of the sync's jobs, beside the webhooks' deliveries (same pg-boss schema). */
export const SYNC_QUEUE = "decidim-sync";


/**
 * Where a sync reads from: the Decidim client (client.ts) in production, a snapshot built by the test in tests. `signal`
 * is aborted when the sync must stop (its process is shutting down): the read gives up rather than hold the job.
 */
export type ReadSnapshot = (signal?: AbortSignal) => Promise<DecidimSnapshot>;

/**
 * One sync: reads a whole snapshot, then applies it in one transaction. A failure — reading (the API down, a page
 * refused) or applying — changes nothing in the graph: it is recorded as a failed run (a read's error message; an
 * apply's kind and SQLSTATE only), with an audit entry, and the next sync starts over.
 */
export async function runDecidimSync(
  em: EntityManager,
  readSnapshot: ReadSnapshot,
  options: { auditSchema?: string; today?: string; signal?: AbortSignal } = {},
): Promise<DecidimSyncRunEntity> {
  const startedAt = new Date();
  const auditSchema = options.auditSchema ?? DEFAULT_AUDIT_SCHEMA;
  let snapshot: DecidimSnapshot;
  try {
    snapshot = await readSnapshot(options.signal);
  } catch (error) {
    return recordFailure(em.fork(), startedAt, cleanText(error instanceof Error ? error.message : String(error)).slice(0, 2_000), auditSchema);
  }
  // Stopped while reading (the read had finished anyway): nothing is applied; the next sync starts over.
  if (options.signal?.aborted) return recordFailure(em.fork(), startedAt, STOPPED, auditSchema);
  try {
    return await applyDecidimSnapshot(em.fork(), snapshot, options);
  } catch (error) {
    return recordFailure(em.fork(), startedAt, applyFailure(error), auditSchema);
  }
}

/** What a sync stopped from outside records. */
export const STOPPED = "the sync was stopped (its process is shutting down) before it applied anything; nothing changed";

/**
 * What a failed apply records (STAFF read it in `decidimSyncRuns`): the error's kind and SQLSTATE only. The database's
 * message carries the statement with the records' texts, which may quote a person, and may hold the very text that
 * made it fail (then recording it would fail too).
 */
function applyFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return `the snapshot could not be applied (${name}${typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? `, SQLSTATE ${code}` : ""}); nothing changed`;
}

async function recordFailure(em: EntityManager, startedAt: Date, error: string, auditSchema: string): Promise<DecidimSyncRunEntity> {
  return em.transactional(async (tx) => {
    const run = tx.create(DecidimSyncRunEntity, { startedAt, finishedAt: new Date(), error });
    await tx.flush();
    await tx.execute(
      `insert into "${auditSchema}".audit_entry (subgraph, actor_sub, actor_roles, action, entity_type, entity_id, request_id, details)
       values ('participation', ?, '{}'::text[], 'decidim.sync.failed', 'DecidimSyncRun', ?, ?, ?::jsonb)`,
      [SYNC_ACTOR, run.id, `decidim-sync-${run.id}`, JSON.stringify({ error })],
    );
    return run;
  });
}

export interface DecidimSyncWorker {
  /** Asks for a sync now (none is queued when one is already waiting or running). */
  trigger(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The scheduled sync, a job on the webhooks' queue (pg-boss, PostgreSQL-backed): every `intervalSeconds` a job is
 * sent to an `exclusive` queue — at most one sync waiting or running across every process — and worked here. A job
 * whose process died is failed after `heartbeatSeconds` without a heartbeat (one running past `expireSeconds` too), and
 * the next sync starts over from a fresh snapshot; `stop()` stops a running read at once.
 */
export async function startDecidimSync(
  deps: { databaseUrl: string; em: EntityManager; readSnapshot: ReadSnapshot; auditSchema?: string; logger: Logger },
  config: Pick<DecidimSyncConfig, "intervalSeconds" | "queueSchema" | "expireSeconds"> & Partial<Pick<DecidimSyncConfig, "heartbeatSeconds">>,
): Promise<DecidimSyncWorker> {
  const heartbeatSeconds = config.heartbeatSeconds ?? 60;
  // This process supervises the queue too (as the webhook worker does), at least as often as a heartbeat is due.
  const supervise = Math.min(60, heartbeatSeconds);
  const boss = new PgBoss({
    connectionString: deps.databaseUrl, schema: config.queueSchema, max: 2, application_name: "decidim-sync", schedule: false,
    superviseIntervalSeconds: supervise, monitorIntervalSeconds: supervise,
  });
  boss.on("error", (error) => deps.logger.error({ err: error }, "decidim sync queue error"));
  await boss.start();
  // A heartbeat: a sync whose process died (SIGKILL, a lost node) is failed within `heartbeatSeconds` (and a
  // supervision pass), not held for `expireSeconds`, and the next one may run. Options given again on an existing
  // queue (a changed setting applies).
  const queue = { expireInSeconds: config.expireSeconds, retryLimit: 0, heartbeatSeconds };
  await boss.createQueue(SYNC_QUEUE, { policy: "exclusive", ...queue });
  await boss.updateQueue(SYNC_QUEUE, queue);
  // Stopping stops a running sync's read at once (it records a failed run, nothing changed), rather than wait for it.
  const stopping = new AbortController();
  await boss.work(SYNC_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    const signal = job ? AbortSignal.any([stopping.signal, job.signal]) : stopping.signal;
    const run = await runDecidimSync(deps.em, deps.readSnapshot, { auditSchema: deps.auditSchema, signal });
    // `reason`, not `error`: the logger reads an `error` as an Error object, and would log a string as `{ type: "string" }`.
    if (run.error) deps.logger.warn({ run: run.id, reason: run.error }, "decidim sync failed; nothing changed");
    else deps.logger.info({ run: run.id, counts: run.counts, skipped: run.skipped }, "decidim sync applied");
  });
  const trigger = async () => {
    await boss.send(SYNC_QUEUE, {});
  };
  const timer = setInterval(() => void trigger().catch((error: unknown) => deps.logger.error({ err: error }, "decidim sync not queued")), config.intervalSeconds * 1000);
  await trigger();
  return {
    trigger,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}
