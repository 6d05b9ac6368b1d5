import type { OpenDataResource } from "./open-data";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { createVerifier, readAuthConfig, type Verifier, ConfigError, checkRuntime, readInt, readOptional, readString, readUrl, type Env, createLogger, logUnhandledRejections, type Logger, readQueryLimits, type QueryLimits, DEFAULT_MAX_BODY_BYTES, readServerLimits, type ServerLimits, listen, readMetricsToken, stopTracing } from "@contagem/common";
import { readCivilTimeZone, useCivilTimeZone } from "./civil-time";
import { DEFAULT_AUDIT_SCHEMA, migrateDatabase, openDatabase, waitForDatabase, where, type DatabaseOptions } from "./db";
import { UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import type { FederatedSchema } from "./federation";
import { startingHandler } from "./starting";
import { createSubgraph, type Subgraph } from "./subgraph";
import { seedContext, type SeedContext } from "./peers";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SubgraphRoute } from "./http";
import type { RequestContext } from "./context";

/** What a subgraph package declares about itself; the process wiring below is the same for all of them. */
export interface SubgraphDefinition {
  name: string;
  defaultPort: number;
  database: Pick<DatabaseOptions, "entities" | "migrations">;
  buildSchema: () => Promise<FederatedSchema>;
  /** The default, idempotent seed of public facts; runs after migrations (and may ask its peers, see SeedContext). */
  seed?: (em: EntityManager, context: SeedContext) => Promise<unknown>;
  /** Other subgraphs this one asks for facts, by name; their URLs come from `<NAME>_URL`. */
  peers?: string[];
  /** Secrets it needs from the environment (each at least 32 characters), e.g. `PII_KEY`. */
  secrets?: string[];
  /** The public tables it owns in the open-data package (`npm run export`), in an order where references come first. */
  openData?: OpenDataResource[];
  /** Optional, non-secret settings it reads from the environment when set (e.g. `DOCUMENT_MAX_BYTES`), into `settings`. */
  settings?: string[];
  /** Checks those settings at start (a ConfigError names the bad one, and the process does not start). */
  checkSettings?: (settings: Record<string, string>) => void;
  /** Its own HTTP resources besides GraphQL, e.g. documents' uploads and downloads. */
  routes?: SubgraphRoute<RequestContext>;
}

/** A subgraph serves every gateway's fan-out (several subgraph requests per client request): twice the gateway's cap. */
export const SUBGRAPH_IN_FLIGHT = 128;

export interface SubgraphDeps {
  orm: MikroORM;
  /** The read replica's pool (DATABASE_READ_URL): anonymous reads go there (see subgraph.ts, `readsFrom`). */
  replicaOrm?: MikroORM;
  verify: Verifier;
  logger: Logger;
  auditSchema?: string;
  peers?: Record<string, string>;
  settings?: Record<string, string>;
  queryLimits?: QueryLimits | false;
  maxBodyBytes?: number;
  serverLimits?: ServerLimits;
  metricsToken?: string;
}

export async function createSubgraphServer(definition: SubgraphDefinition, deps: SubgraphDeps): Promise<Subgraph> {
  const { schema } = await definition.buildSchema();
  return createSubgraph({ name: definition.name, schema, routes: definition.routes, ...deps });
}

/** Migrates, seeds and opens the subgraph's database. */
export async function prepareDatabase(
  definition: SubgraphDefinition,
  options: {
    url: string;
    schema: string;
    auditSchema?: string;
    poolSize?: number;
    seed?: boolean;
    logger?: Logger;
    waitForever?: boolean;
    peers?: Record<string, string>;
  },
): Promise<MikroORM> {
  const database = {
    ...definition.database,
    url: options.url,
    schema: options.schema,
    auditSchema: options.auditSchema,
    logger: options.logger,
  };
  await waitForDatabase(options.url, {
    // A service process waits for its database as long as it takes, saying so; tests give up after a minute.
    timeoutMs: options.waitForever ? Number.POSITIVE_INFINITY : undefined,
    onWait: (reason, waitedMs) => options.logger?.warn({ waitedSeconds: Math.round(waitedMs / 1000) }, `waiting for the database: ${reason}`),
  });
  const applied = await migrateDatabase(database);
  if (applied.length) options.logger?.info({ applied }, "migrations applied");
  const orm = await openDatabase({ ...database, poolSize: options.poolSize });
  if (options.seed !== false && definition.seed) {
    const context = seedContext(definition.name, options.peers ?? {}, {
      waitForever: options.waitForever,
      auditSchema: options.auditSchema ?? DEFAULT_AUDIT_SCHEMA,
      onWait: (peer, reason, waitedMs) =>
        options.logger?.warn({ waitedSeconds: Math.round(waitedMs / 1000) }, `the default seed waits for the ${peer} subgraph: ${reason}`),
    });
    const seed = definition.seed;
    const seeded = await seedAlongsideReplicas(() => seed(orm.em.fork(), context), options.logger);
    options.logger?.info({ seeded }, "default seed checked");
  }
  return orm;
}

/**
 * Replicas starting at once against a new database each insert the same facts, and all but one fail on a unique key:
 * the seed is idempotent, so the loser seeds again and finds nothing left to add. No lock is held meanwhile: a
 * session's advisory lock does not hold behind PgBouncer in transaction mode, and a transaction held open while the
 * seed asks its peers would stall the embedded database (one query at a time).
 */
async function seedAlongsideReplicas<T>(seed: () => Promise<T>, logger?: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await seed();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || attempt >= 5) throw error;
      logger?.info({ attempt }, "another replica seeded the same facts at the same time; seeding again");
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}

/**
 * The body of a subgraph's main.ts: reads configuration once (failing fast with the variable's name), migrates,
 * seeds, listens, and on SIGINT/SIGTERM stops taking requests, finishes open ones and closes the database.
 */
export async function runSubgraphProcess(definition: SubgraphDefinition, env: Env = process.env): Promise<void> {
  const logger = createLogger(definition.name);
  const prefix = definition.name.toUpperCase();
  let config;
  try {
    config = {
      node: checkRuntime(),
      url: readUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]),
      readUrl: readOptional(env, "DATABASE_READ_URL") && readUrl(env, "DATABASE_READ_URL", ["postgres:", "postgresql:"]),
      schema: readString(env, `${prefix}_DB_SCHEMA`, definition.name),
      auditSchema: readString(env, "AUDIT_DB_SCHEMA", DEFAULT_AUDIT_SCHEMA),
      poolSize: readInt(env, "DB_POOL_SIZE", 10, 1, 200),
      port: readInt(env, `${prefix}_PORT`, definition.defaultPort),
      host: readString(env, "HOST", "127.0.0.1"),
      seed: readString(env, "SEED", "true") !== "false",
      civilTimeZone: readCivilTimeZone(env),
      auth: readAuthConfig(env),
      queryLimits: readQueryLimits(env),
      maxBodyBytes: readInt(env, "MAX_REQUEST_BYTES", DEFAULT_MAX_BODY_BYTES, 1024, 100 * 1024 * 1024),
      serverLimits: readServerLimits(env, SUBGRAPH_IN_FLIGHT),
      metricsToken: readMetricsToken(env),
      settings: Object.fromEntries([
        ...(definition.settings ?? []).filter((name) => env[name] !== undefined).map((name) => [name, env[name]!]),
        ...(definition.secrets ?? []).map((name) => {
          const value = readString(env, name);
          if (value.length < 32) throw new ConfigError(`${name} must be at least 32 characters.`);
          return [name, value];
        }),
      ]),
      peers: Object.fromEntries(
        (definition.peers ?? []).map((peer) => [peer, readUrl(env, `${peer.toUpperCase()}_URL`, ["http:", "https:"])]),
      ),
    };
    definition.checkSettings?.(config.settings);
  } catch (error) {
    logger.fatal(`Bad configuration: ${(error as Error).message}`);
    process.exit(78);
  }
  // Listening comes first, so that health checks see a process that is alive and not yet ready (503) while the
  // database is awaited, migrated and seeded; requests get SERVICE_UNAVAILABLE meanwhile, never a refused connection.
  let serve: (req: IncomingMessage, res: ServerResponse) => Promise<void> = startingHandler(where(config.url));
  const listening = await listen((req, res) => serve(req, res), config.port, { ...config.serverLimits, host: config.host, logger });
  logger.info({ url: listening.url, node: process.version }, `${definition.name} subgraph listening (starting)`);
  logUnhandledRejections(logger);
  useCivilTimeZone(config.civilTimeZone);
  const orm = await prepareDatabase(definition, { ...config, logger, waitForever: true }).catch((error: unknown) => {
    // A database that does not exist will not appear by waiting: say so in one line, and what creates it.
    if (!(error instanceof ConfigError)) throw error;
    logger.fatal(`Bad configuration: ${error.message}`);
    process.exit(78);
  });
  // The read replica, when there is one: a pool of its own, the same size, never migrated (it follows the primary).
  let replicaOrm: MikroORM | undefined;
  if (config.readUrl) {
    const readUrl = config.readUrl;
    await waitForDatabase(readUrl, {
      timeoutMs: Number.POSITIVE_INFINITY,
      onWait: (reason, waitedMs) => logger.warn({ waitedSeconds: Math.round(waitedMs / 1000) }, `waiting for the read replica: ${reason}`),
    });
    replicaOrm = await openDatabase({ ...definition.database, url: readUrl, schema: config.schema, auditSchema: config.auditSchema, poolSize: config.poolSize, logger, role: "replica" });
    logger.info({ replica: where(readUrl) }, "anonymous reads go to the read replica");
  }
  // SQL computes civil dates with PostgreSQL's own time zone data: the database must know the zone as well.
  await orm.em
    .getConnection()
    .execute("select now() at time zone ?", [config.civilTimeZone])
    .catch(() => {
      logger.fatal(`Bad configuration: the database does not know CIVIL_TIME_ZONE ${config.civilTimeZone}.`);
      process.exit(78);
    });
  const server = await createSubgraphServer(definition, {
    orm,
    replicaOrm,
    verify: await createVerifier(config.auth),
    logger,
    auditSchema: config.auditSchema,
    peers: config.peers,
    settings: config.settings,
    queryLimits: config.queryLimits,
    maxBodyBytes: config.maxBodyBytes,
    serverLimits: config.serverLimits,
    metricsToken: config.metricsToken,
  });
  await server.start();
  serve = server.handler;
  logger.info({ url: listening.url }, `${definition.name} subgraph ready`);
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await listening.close();
    await server.stop();
    await orm.close();
    await replicaOrm?.close();
    await stopTracing();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
