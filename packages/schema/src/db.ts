import { Migrator } from "@mikro-orm/migrations";
import { MikroORM, PostgreSqlDriver, type EntityManager, type Options } from "@mikro-orm/postgresql";
import type { Migration } from "@mikro-orm/migrations";
import { type Logger, ConfigError, isUnavailable } from "@contagem/common";
import { PLATFORM_MIGRATION, platformMigration } from "./platform.migration";
import { REMOVALS_MIGRATION, removalsMigration } from "./removals";
import { ACQUIRE_TIMEOUT_MS, enforcePoolRules } from "./pool";

export type { EntityManager };
export type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

export interface DatabaseOptions {
  /** postgres:// URL of the server: a real PostgreSQL, or the embedded PGlite served on a local port. */
  url: string;
  /** The PostgreSQL schema this subgraph owns (`councils`, `meetings`, `participation`; tests use a fresh one). */
  schema: string;
  entities: Options["entities"];
  migrations: { name: string; class: MigrationClass }[];
  /** The shared, append-only audit log's schema (default `audit`). */
  auditSchema?: string;
  poolSize?: number;
  /** How long a query may wait for a pooled connection (then SERVICE_UNAVAILABLE). */
  acquireTimeoutMs?: number;
  logger?: Logger;
}

export const DEFAULT_AUDIT_SCHEMA = "audit";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  for (const name of [options.schema, options.auditSchema ?? DEFAULT_AUDIT_SCHEMA]) {
    if (!SCHEMA_NAME.test(name)) throw new Error(`Invalid schema name ${JSON.stringify(name)}.`);
  }
  const log = options.logger;
  const auditSchema = options.auditSchema ?? DEFAULT_AUDIT_SCHEMA;
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    schema: options.schema,
    // Each subgraph's ORM has its own context: MikroORM finds a transaction's entity manager by context name, and
    // several ORMs in one process (tests, seed:demo's one transaction over three schemas) must not take each other's.
    contextName: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: [
        { name: PLATFORM_MIGRATION, class: platformMigration(auditSchema) },
        { name: REMOVALS_MIGRATION, class: removalsMigration(auditSchema) },
        ...options.migrations,
      ],
      tableName: "mikro_orm_migrations",
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: options.poolSize ?? 10, acquireTimeoutMillis: options.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS },
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    // Timestamps go over the wire as UTC; `date` columns stay plain 'YYYY-MM-DD' strings.
    forceUtcTimezone: true,
    debug: false,
    logger: (message) => log?.debug({ orm: message }),
    allowGlobalContext: false,
  });
  enforcePoolRules(orm);
  return orm;
}

/**
 * Runs `work` while this process holds the PostgreSQL session advisory lock `key`, so that replicas starting at once
 * take turns. The lock lives on an ORM of its own with a single connection (lock, work on that session if it uses
 * the ORM it is given, unlock); the lock is released with the session if the process dies.
 */
export async function withAdvisoryLock<T>(options: DatabaseOptions, key: string, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await openDatabase({ ...options, poolSize: 1 });
  const connection = orm.em.getConnection();
  try {
    await connection.execute(`select pg_advisory_lock(hashtext(?))`, [key]);
    try {
      return await work(orm);
    } finally {
      await connection.execute(`select pg_advisory_unlock(hashtext(?))`, [key]);
    }
  } finally {
    await orm.close(true);
  }
}

/**
 * Applies pending migrations. Replicas may start at once, so an advisory lock serialises them; one lock for every
 * subgraph: they share the audit schema, whose DDL must not race.
 */
export async function migrateDatabase(options: DatabaseOptions): Promise<string[]> {
  return withAdvisoryLock(options, "contagem:migrate", async (orm) => (await orm.getMigrator().up()).map((m) => m.name));
}

/**
 * Waits until the server at `url` accepts connections: processes may start while their database is still coming up
 * (the embedded one initialises in parallel with them).
 */
export async function waitForDatabase(
  url: string,
  options: { timeoutMs?: number; onWait?: (reason: string, waitedMs: number) => void } = {},
): Promise<void> {
  const { Client } = await import("pg");
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 60_000);
  let delay = 100;
  let told = 0;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if ((error as { code?: string }).code === MISSING_DATABASE) throw missingDatabase(url);
      // A server that is down or starting is waited for; a wrong password or database name is a configuration
      // error, reported at once.
      if (Date.now() > deadline || !isUnavailable(error)) throw error;
      if (Date.now() - told >= 5000) {
        told = Date.now();
        options.onWait?.(`${(error as Error).message || (error as { code?: string }).code} (${where(url)})`, told - started);
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 2000);
    }
  }
}

/** PostgreSQL's invalid_catalog_name: the server is up, the database in the URL does not exist. */
const MISSING_DATABASE = "3D000";

/** The one-line answer to a DATABASE_URL naming a database the server does not have: what to run to create it. */
function missingDatabase(url: string): ConfigError {
  const { hostname, port, pathname, username } = new URL(url);
  const name = decodeURIComponent(pathname.slice(1));
  const command = ["createdb", "-h", hostname, "-p", port || "5432", ...(username ? ["-U", decodeURIComponent(username)] : []), name];
  const quoted = command.map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, "'\\''")}'`)).join(" ");
  return new ConfigError(`the database "${name}" does not exist on ${where(url).replace(/\/[^/]*$/, "")}: create it with \`${quoted}\` (or unset DATABASE_URL to use the embedded database).`);
}

/** host:port/database of a URL, without its credentials, for messages. */
export function where(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `PostgreSQL at ${hostname}:${port || 5432}${pathname}`;
  } catch {
    return "PostgreSQL";
  }
}
