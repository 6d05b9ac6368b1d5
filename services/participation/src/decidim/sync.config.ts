import { ConfigError, readInt, readString, readUrl, type Env } from "@contagem/schema";

export interface DecidimSyncConfig {
  /** The Decidim API read, e.g. `https://decidim.contagem.mg.gov.br/api`. */
  apiUrl: string;
  /** Seconds between syncs. */
  intervalSeconds: number;
  /** pg-boss's schema: the job queue the webhooks use. */
  queueSchema: string;
  /** The longest a sync may run, seconds: one running longer is failed (one whose process died: after 60 s without a heartbeat). */
  expireSeconds: number;
  /** Seconds without a heartbeat after which a running sync is taken as dead (its process killed) and failed. */
  heartbeatSeconds: number;
  /** Most requests a minute to the Decidim API (Decidim throttles each IP at 100 a minute by default). */
  requestsPerMinute: number;
  /** Read a Decidim release the connector was not tested against (other than 0.27.x/0.28.x, or hidden). */
  allowUntestedVersion: boolean;
}

/** A yes/no setting: `true` or `false` (unset: `fallback`). */
function readFlag(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (value === "true" || value === "false") return value === "true";
  throw new ConfigError(`${name} must be true or false; got ${JSON.stringify(value)}.`);
}

/**
 * The sync's configuration (README, "Decide Contagem"): null when DECIDIM_API_URL is unset (no sync; `npm start` needs
 * nothing); a bad value is a ConfigError.
 */
export function readDecidimSyncConfig(env: Env): DecidimSyncConfig | null {
  if (!env.DECIDIM_API_URL?.trim()) return null;
  const config = {
    apiUrl: readUrl(env, "DECIDIM_API_URL", ["https:", "http:"]),
    intervalSeconds: readInt(env, "DECIDIM_SYNC_INTERVAL", 900, 10, 86_400),
    queueSchema: readString(env, "WEBHOOK_QUEUE_SCHEMA", "webhook_queue"),
    expireSeconds: readInt(env, "DECIDIM_SYNC_EXPIRE_SECONDS", 3_600, 60, 86_400),
    heartbeatSeconds: readInt(env, "DECIDIM_SYNC_HEARTBEAT_SECONDS", 60, 10, 3_600),
    requestsPerMinute: readInt(env, "DECIDIM_REQUESTS_PER_MINUTE", 90, 1, 6_000),
    allowUntestedVersion: readFlag(env, "DECIDIM_ALLOW_UNTESTED_VERSION", false),
  };
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(config.queueSchema)) throw new ConfigError(`Schema name ${JSON.stringify(config.queueSchema)} is not a plain identifier.`);
  return config;
}
