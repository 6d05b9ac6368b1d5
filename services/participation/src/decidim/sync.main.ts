import "reflect-metadata";
import { checkRuntime, createLogger, DEFAULT_AUDIT_SCHEMA, logUnhandledRejections, openDatabase, readCivilTimeZone, readString, readUrl, useCivilTimeZone } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { entities } from "../entities";
import { migrations } from "../migrations";
import { readDecidimSnapshot } from "./client";
import { startDecidimSync } from "./sync";
import { readDecidimSyncConfig } from "./sync.config";

/**
 * The Decide Contagem sync's process (started by `npm start` when DECIDIM_API_URL is set; README, "Decide Contagem").
 * Runs after the participation subgraph has migrated. Exit 78: bad configuration.
 */
async function main() {
  const logger = createLogger("decidim-sync");
  let config;
  let database;
  try {
    checkRuntime();
    useCivilTimeZone(readCivilTimeZone(process.env));
    config = readDecidimSyncConfig(process.env);
    database = {
      url: readUrl(process.env, "DATABASE_URL", ["postgres:", "postgresql:"]),
      schema: readString(process.env, "PARTICIPATION_DB_SCHEMA", "participation"),
      auditSchema: readString(process.env, "AUDIT_DB_SCHEMA", DEFAULT_AUDIT_SCHEMA),
    };
  } catch (error) {
    logger.fatal(`Bad configuration: ${(error as Error).message}`);
    process.exit(78);
  }
  if (!config) {
    // Idle rather than exit: a container orchestrator would restart an exited process forever.
    logger.info("DECIDIM_API_URL is unset: no Decide Contagem sync");
    process.once("SIGINT", () => process.exit(0));
    process.once("SIGTERM", () => process.exit(0));
    setInterval(() => {}, 2 ** 31 - 1);
    return;
  }
  logUnhandledRejections(logger);
  const orm = await openDatabase({ ...database, entities, migrations, poolSize: 2, logger });
  const worker = await startDecidimSync(
    { databaseUrl: database.url, em: orm.em as EntityManager, readSnapshot: (signal) =>
        readDecidimSnapshot({ apiUrl: config.apiUrl, maxRequestsPerSecond: config.requestsPerMinute / 60, allowUntestedVersion: config.allowUntestedVersion, signal }), auditSchema: database.auditSchema, logger },
    config,
  );
  logger.info({ apiUrl: config.apiUrl, everySeconds: config.intervalSeconds }, "decidim sync started");
  const stop = async (signal: string) => {
    logger.info({ signal }, "decidim sync stopping");
    await worker.stop();
    await orm.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

void main();
