// First: tracing patches node:http and the fetch client as they load (nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset).
import "./tracing";
import { ConfigError, checkRuntime, readMetricsToken, createLogger, logUnhandledRejections, createVerifier, readAuthConfig, DEFAULT_MAX_BODY_BYTES, readInt, readOptional, readQueryLimits, readServerLimits, readString, stopTracing } from "@contagem/common";
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, type QueryPlanner } from "./runtime";
import { DEFAULT_CACHE_MAX_BYTES } from "./response-cache";
import { readTrustedDocuments } from "./persisted-documents";
import { readCorsOrigins } from "./security";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readPublicUrl } from "./feeds/atom";
import { createGateway, GATEWAY_IN_FLIGHT } from "./server";
import { readSubgraphUrls } from "./subgraphs";
import { readConsoleConfig } from "./console";

export const SUPERGRAPH_PATH = join(__dirname, "..", "supergraph.graphql");

function readQueryPlanner(value: string | undefined): QueryPlanner {
  if (value === undefined || value === "" || value === "js" || value === "rust") return (value || "rust") as QueryPlanner;
  throw new ConfigError(`GATEWAY_QUERY_PLANNER must be "js" or "rust"; got ${JSON.stringify(value)}.`);
}

/** TRUSTED_DOCUMENTS: a manifest file; TRUSTED_DOCUMENTS_ONLY=true refuses every other document (needs the manifest). */
function readPersistedDocuments(env: NodeJS.ProcessEnv) {
  const path = readString(env, "TRUSTED_DOCUMENTS", "");
  const only = readString(env, "TRUSTED_DOCUMENTS_ONLY", "false");
  if (only !== "true" && only !== "false") throw new ConfigError(`TRUSTED_DOCUMENTS_ONLY must be "true" or "false"; got ${JSON.stringify(only)}.`);
  if (only === "true" && !path) throw new ConfigError("TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS (the manifest of trusted documents).");
  try {
    return { trusted: path ? readTrustedDocuments(path) : undefined, trustedOnly: only === "true" };
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** An IANA zone name the runtime knows (the subgraphs check it against the database's data too). */
function readTimeZone(name: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
  } catch {
    throw new ConfigError(`CIVIL_TIME_ZONE: unknown time zone ${JSON.stringify(name)}.`);
  }
  return name;
}

/** REDIS_URL: the Redis the replicas share (redis:// or rediss://); unset or empty: state in this process. */
function readRedis(value: string | undefined): { url: string } | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError("REDIS_URL: not a URL (redis://[user:password@]host:6379[/db] or rediss://…).");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new ConfigError("REDIS_URL: must start with redis:// or rediss://.");
  return { url: value };
}

async function main() {
  const logger = createLogger("gateway");
  let config;
  try {
    config = {
      node: checkRuntime(),
      port: readInt(process.env, "PORT", 4000),
      host: readString(process.env, "HOST", "127.0.0.1"),
      subgraphUrls: readSubgraphUrls(process.env),
      supergraph: readFileSync(readString(process.env, "SUPERGRAPH_PATH", SUPERGRAPH_PATH), "utf8"),
      queryPlanner: readQueryPlanner(process.env.GATEWAY_QUERY_PLANNER),
      responseCacheTtlMs: readInt(process.env, "RESPONSE_CACHE_TTL_MS", 5000, 0, 3_600_000),
      subgraphTimeoutMs: readInt(process.env, "SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_TIMEOUT_MS, 100, 600_000),
      rateLimit: {
        perMinute: readInt(process.env, "RATE_LIMIT_PER_MINUTE", 1200, 0, 1_000_000),
        trustProxy: readString(process.env, "TRUST_PROXY", "false") === "true",
      },
      queryLimits: readQueryLimits(process.env),
      maxBodyBytes: readInt(process.env, "MAX_REQUEST_BYTES", DEFAULT_MAX_BODY_BYTES, 1024, 100 * 1024 * 1024),
      serverLimits: readServerLimits(process.env, GATEWAY_IN_FLIGHT),
      responseCacheMaxBytes: readInt(process.env, "RESPONSE_CACHE_MAX_BYTES", DEFAULT_CACHE_MAX_BYTES, 1024 * 1024, 4 * 1024 * 1024 * 1024),
      corsOrigins: readCorsOrigins(process.env.CORS_ORIGINS),
      auth: readAuthConfig(process.env),
      persistedDocuments: readPersistedDocuments(process.env),
      openDataDir: readOptional(process.env, "OPEN_DATA_DIR"),
      civilTimeZone: readTimeZone(readString(process.env, "CIVIL_TIME_ZONE", "America/Sao_Paulo")),
      publicUrl: readPublicUrl(process.env.PUBLIC_URL),
      metricsToken: readMetricsToken(process.env),
      redis: readRedis(process.env.REDIS_URL),
      console: readConsoleConfig(process.env),
    };
  } catch (error) {
    logger.fatal(`Bad configuration: ${(error as Error).message}`);
    process.exit(78);
  }
  // Listening for SIGTERM/SIGINT before the port opens: a signal that comes as the gateway says "listening" (a launcher
  // stopping right after start, a test) stops it in order rather than kill it mid-start, exit handlers unrun.
  const running: { gateway?: ReturnType<typeof createGateway> } = {};
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await running.gateway?.stop();
    await stopTracing();
    process.exit(0);
  };
  logUnhandledRejections(logger);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  running.gateway = createGateway({ ...config, logger, verify: await createVerifier(config.auth) });
  await running.gateway.listen(config.port, config.host);
}

void main();
