import { checkRuntime, ConfigError, createLogger, readMetricsToken, readCivilTimeZone, readInt, readOptional, readString, readUrl, useCivilTimeZone, waitForDatabase } from "@contagem/schema";
import { SUBGRAPHS } from "@contagem/gateway";
import { isAbsolute, join } from "node:path";
import { ROOT } from "./artifacts";
import { startStack } from "./launcher";
import { openDataDirOf, readOpenDataSchedule } from "./open-data/schedule";

/** `npm start`: the whole system on one machine, on the embedded PostgreSQL unless DATABASE_URL is set. */
async function main() {
  const logger = createLogger("stack");
  const env = process.env;
  let config;
  try {
    const dataDir = readString(env, "DATA_DIR", ".data");
    config = {
      node: checkRuntime(),
      databaseUrl: readOptional(env, "DATABASE_URL") && readUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]),
      // Read by each subgraph process; a replica of the embedded database cannot exist.
      readUrl: readOptional(env, "DATABASE_READ_URL") && readUrl(env, "DATABASE_READ_URL", ["postgres:", "postgresql:"]),
      dataDir: isAbsolute(dataDir) ? dataDir : join(ROOT, dataDir),
      port: readInt(env, "PORT", 4000),
      host: readString(env, "HOST", "127.0.0.1"),
      // Read by each subgraph process; checked here too, so that a bad zone stops the launch before anything starts.
      civilTimeZone: readCivilTimeZone(env),
      poolSize: readInt(env, "DB_POOL_SIZE", env.DATABASE_URL ? 10 : 4, 1, 200),
      openDataDir: openDataDirOf(env).openDataDir,
      openDataSchedule: readOpenDataSchedule(env.OPEN_DATA_SCHEDULE),
      webhooks: readString(env, "WEBHOOKS", "on") !== "off",
      // Read by the gateway and each subgraph; checked here, so that a bad token stops the launch before anything starts.
      metrics: readMetricsToken(env) !== undefined,
      // Read by each export (a child process); checked here, so that a bad value stops the launch instead of every export.
      openDataKeep: readInt(env, "OPEN_DATA_KEEP", 30, 1, 3650),
      subgraphPorts: Object.fromEntries(
        SUBGRAPHS.map(({ name, defaultPort }) => [name, readInt(env, `${name.toUpperCase()}_PORT`, defaultPort)]),
      ),
      env,
    };
    if (config.readUrl && !config.databaseUrl) throw new ConfigError("DATABASE_READ_URL is a replica of DATABASE_URL: set both, or neither for the embedded database.");
  } catch (error) {
    logger.fatal(`Bad configuration: ${(error as Error).message}`);
    process.exit(78);
  }
  useCivilTimeZone(config.civilTimeZone);
  if (config.databaseUrl) {
    // One look before anything starts: a database missing from the server is a fatal configuration error, said once
    // (a server that is down is waited for by each service, as always).
    await waitForDatabase(config.databaseUrl, { timeoutMs: 0 }).catch((error: unknown) => {
      if (!(error instanceof ConfigError)) return;
      logger.fatal(`Bad configuration: ${error.message}`);
      process.exit(78);
    });
  }
  const started = Date.now();
  const stack = await startStack({ ...config, databaseUrl: config.databaseUrl || undefined}, logger).catch((error) => {
    logger.fatal(`Could not start: ${(error as Error).message}`);
    process.exit(1);
  });
  const database = config.databaseUrl ? "PostgreSQL at DATABASE_URL" : `embedded PostgreSQL in ${config.dataDir}`;
  process.stdout.write(
    `\n  Contagem Participation Graph is up in ${((Date.now() - started) / 1000).toFixed(1)} s (${database}, Node ${config.node}).\n` +
      `  GraphQL API and IDE: ${stack.gatewayUrl}\n  Secretaries' console: ${stack.gatewayUrl.replace(/\/graphql$/, "/console/")}\n  Open data: ${stack.gatewayUrl.replace(/\/graphql$/, "/open-data/")}\n` +
      `  ${metricsWhere(config.metrics, stack.gatewayUrl, config.subgraphPorts)}\n  Press Ctrl-C to stop.\n\n`,
  );
  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "stopping");
    await stack.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void stop("SIGINT", 0));
  process.once("SIGTERM", () => void stop("SIGTERM", 0));
  void stack.fatal.then((reason) => stop(reason, 1));
}

/** Where the Prometheus metrics are, or how to open them (they are closed unless METRICS_TOKEN is set). */
function metricsWhere(open: boolean, gatewayUrl: string, subgraphPorts: Record<string, number>): string {
  if (!open) return "Metrics: closed (set METRICS_TOKEN to serve /metrics; README, \"Observability\")";
  const subgraphs = Object.entries(subgraphPorts).map(([name, port]) => `${name} http://127.0.0.1:${port}/metrics`);
  return `Metrics (Authorization: Bearer $METRICS_TOKEN): ${gatewayUrl.replace(/\/graphql$/, "/metrics")}; ${subgraphs.join(", ")}`;
}

void main();
