import "reflect-metadata";
import { checkRuntime, ConfigError, createLogger, DEFAULT_AUDIT_SCHEMA, migrateDatabase, readString, readUrl, waitForDatabase } from "@contagem/schema";
import { DEFINITIONS } from "./artifacts";

/**
 * `migrate` (the container image's command; OPERATIONS.md, "Upgrades"): applies every subgraph's pending migrations
 * and exits, so that an upgrade can migrate once before the new replicas roll out. The services also migrate on start
 * (under the same advisory lock): this is for operators who want the schema change to be a step of its own. It does
 * not seed: the default seed asks peer subgraphs, and runs when the subgraphs start.
 */
async function main() {
  const logger = createLogger("migrate");
  let config;
  try {
    checkRuntime();
    config = {
      url: readUrl(process.env, "DATABASE_URL", ["postgres:", "postgresql:"]),
      auditSchema: readString(process.env, "AUDIT_DB_SCHEMA", DEFAULT_AUDIT_SCHEMA),
      schemas: Object.fromEntries(DEFINITIONS.map((d) => [d.name, readString(process.env, `${d.name.toUpperCase()}_DB_SCHEMA`, d.name)])),
    };
  } catch (error) {
    logger.fatal(`Bad configuration: ${(error as Error).message}`);
    process.exit(78);
  }
  try {
    await waitForDatabase(config.url, { onWait: (reason) => logger.warn(`waiting for the database: ${reason}`) });
    for (const definition of DEFINITIONS) {
      const applied = await migrateDatabase({ ...definition.database, url: config.url, schema: config.schemas[definition.name], auditSchema: config.auditSchema, logger });
      logger.info({ subgraph: definition.name, schema: config.schemas[definition.name], applied }, applied.length ? "migrations applied" : "schema up to date");
    }
  } catch (error) {
    logger.fatal(`${error instanceof ConfigError ? "Bad configuration" : "Migration failed"}: ${(error as Error).message}`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  }
  process.exit(0);
}

void main();
