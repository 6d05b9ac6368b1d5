import "reflect-metadata";
import { ConfigError, checkRuntime, createLogger, readInt, readString } from "@contagem/schema";
import { DEFAULT_QUERY_LIMITS, type QueryPlanner } from "./runtime";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createGateway } from "./server";
import { readSubgraphUrls } from "./subgraphs";

export const SUPERGRAPH_PATH = join(__dirname, "..", "supergraph.graphql");

function readQueryPlanner(value: string | undefined): QueryPlanner {
  if (value === undefined || value === "" || value === "js" || value === "rust") return (value || "rust") as QueryPlanner;
  throw new ConfigError(`GATEWAY_QUERY_PLANNER must be "js" or "rust"; got ${JSON.stringify(value)}.`);
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
      rateLimit: {
        perMinute: readInt(process.env, "RATE_LIMIT_PER_MINUTE", 1200, 0, 1_000_000),
        trustProxy: readString(process.env, "TRUST_PROXY", "false") === "true",
      },
      queryLimits: {
        depth: readInt(process.env, "QUERY_MAX_DEPTH", DEFAULT_QUERY_LIMITS.depth, 1, 100),
        aliases: readInt(process.env, "QUERY_MAX_ALIASES", DEFAULT_QUERY_LIMITS.aliases, 1, 1000),
        tokens: readInt(process.env, "QUERY_MAX_TOKENS", DEFAULT_QUERY_LIMITS.tokens, 10, 1_000_000),
        cost: readInt(process.env, "QUERY_MAX_COST", DEFAULT_QUERY_LIMITS.cost, 10, 100_000_000),
      },
    };
  } catch (error) {
    logger.fatal(`Bad configuration: ${(error as Error).message}`);
    process.exit(78);
  }
  const gateway = createGateway({ ...config, logger });
  await gateway.listen(config.port, config.host);
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await gateway.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
