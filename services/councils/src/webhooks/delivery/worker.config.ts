import { readInt, readString, readUrl, ConfigError, type Env } from "@contagem/schema";

export interface WebhookWorkerConfig {
  databaseUrl: string;
  /** Where subscriptions and deliveries live (the councils subgraph's schema). */
  councilsSchema: string;
  /** The schemas whose outboxes are relayed (the meetings and participation subgraphs'). */
  sourceSchemas: string[];
  /** pg-boss's own schema. */
  queueSchema: string;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  allowPrivateHosts: boolean;
  pollMs: number;
  /** A job active this long (its worker died mid-delivery) is handed out again. */
  expireSeconds: number;
  concurrency: number;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (value === "true" || value === "false") return value === "true";
  throw new ConfigError(`${name} must be true or false, not ${JSON.stringify(value)}.`);
}

/** The worker's configuration, from the environment (README, "Webhooks"); a bad value is a ConfigError. */
export function readWebhookWorkerConfig(env: Env): WebhookWorkerConfig {
  const timeoutMs = readInt(env, "WEBHOOK_TIMEOUT_MS", 10_000, 100, 120_000);
  const config: WebhookWorkerConfig = {
    databaseUrl: readUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]),
    councilsSchema: readString(env, "COUNCILS_DB_SCHEMA", "councils"),
    sourceSchemas: [readString(env, "MEETINGS_DB_SCHEMA", "meetings"), readString(env, "PARTICIPATION_DB_SCHEMA", "participation")],
    queueSchema: readString(env, "WEBHOOK_QUEUE_SCHEMA", "webhook_queue"),
    maxAttempts: readInt(env, "WEBHOOK_MAX_ATTEMPTS", 10, 1, 100),
    backoffBaseMs: readInt(env, "WEBHOOK_BACKOFF_BASE_MS", 30_000, 1, 86_400_000),
    backoffMaxMs: readInt(env, "WEBHOOK_BACKOFF_MAX_MS", 6 * 3_600_000, 1, 7 * 86_400_000),
    timeoutMs,
    allowPrivateHosts: readBoolean(env, "WEBHOOK_ALLOW_PRIVATE_HOSTS", false),
    pollMs: readInt(env, "WEBHOOK_POLL_MS", 1000, 100, 60_000),
    expireSeconds: readInt(env, "WEBHOOK_EXPIRE_SECONDS", 60, 1, 86_400),
    concurrency: readInt(env, "WEBHOOK_CONCURRENCY", 4, 1, 100),
  };
  if (config.expireSeconds * 1000 <= timeoutMs) throw new ConfigError("WEBHOOK_EXPIRE_SECONDS must be longer than WEBHOOK_TIMEOUT_MS.");
  for (const schema of [config.councilsSchema, config.queueSchema, ...config.sourceSchemas]) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new ConfigError(`Schema name ${JSON.stringify(schema)} is not a plain identifier.`);
  }
  return config;
}

/** The delay before attempt `n + 1` after `n` failed attempts: base · 2^(n−1), capped. */
export const backoffMs = (config: Pick<WebhookWorkerConfig, "backoffBaseMs" | "backoffMaxMs">, failed: number): number =>
  Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** (failed - 1));
