import { createGateway, type ConsoleConfig, type PersistedDocumentsOptions, type QueryLimits, type QueryPlanner } from "@contagem/gateway";
import {
  createLogger,
  createSubgraphServer,
  createVerifier,
  openDatabase,
  type Listening,
  type Subgraph,
  type SubgraphDefinition,
  type AuthConfig,
} from "@contagem/schema";
import type { MikroORM } from "@mikro-orm/postgresql";
import { TEST_AUTH } from "./auth";
import { createTestDatabase, freshSchemaName, testDatabaseUrl, type TestDatabase } from "./database";
import { SqlCounter } from "./sql-counter";

/** Test values of the secrets subgraphs declare (never production keys). */
export const TEST_SECRETS: Record<string, string> = {
  PII_KEY: "test-pii-key-test-pii-key-test-pii-key-0123",
  default: "test-secret-value-test-secret-value-0123456",
};

export type LogDestination = NonNullable<Parameters<typeof createLogger>[2]>;

const testLogger = (name: string, logs?: LogDestination) =>
  logs ? createLogger(name, "info", logs) : createLogger(name, process.env.TEST_LOG_LEVEL ?? "silent");

export interface RunningSubgraph {
  name: string;
  url: string;
  orm: MikroORM;
  database: TestDatabase;
  server: Subgraph;
  sql: SqlCounter;
  stop(): Promise<void>;
}

/** A subgraph in-process on an ephemeral port, over a fresh schema of the test database. */
export async function startSubgraph(
  definition: SubgraphDefinition,
  options: {
    seed?: boolean;
    auditSchema?: string;
    peers?: Record<string, string>;
    queryLimits?: QueryLimits | false;
    url?: string;
    /** Settings as the environment would give them (e.g. `DOCUMENT_MAX_BYTES`); test secrets are added. */
    settings?: Record<string, string>;
    /** METRICS_TOKEN: opens /metrics. */
    metricsToken?: string;
    /** Where the logs go, at info level (silent otherwise, unless TEST_LOG_LEVEL says). */
    logs?: LogDestination;
    /** How tokens are verified (default TEST_AUTH: the tests' secret and key pair), e.g. an identity provider's JWKS. */
    auth?: AuthConfig;
  } = {},
): Promise<RunningSubgraph> {
  const database = await createTestDatabase(definition, options);
  const logger = testLogger(`test-${definition.name}`, options.logs);
  const server = await createSubgraphServer(definition, {
    orm: database.orm,
    verify: await createVerifier(options.auth ?? TEST_AUTH),
    logger,
    auditSchema: database.auditSchema,
    peers: options.peers,
    queryLimits: options.queryLimits,
    settings: {
      ...options.settings,
      ...Object.fromEntries((definition.secrets ?? []).map((name) => [name, TEST_SECRETS[name] ?? TEST_SECRETS.default])),
    },
    metricsToken: options.metricsToken,
  });
  const listening: Listening = await server.listen(0);
  const sql = new SqlCounter(database.orm);
  return {
    name: definition.name,
    url: listening.url,
    orm: database.orm,
    database,
    server,
    sql,
    async stop() {
      sql.dispose();
      await server.stop();
      await database.drop();
    },
  };
}

export interface RunningSystem {
  gatewayUrl: string;
  /** Every gateway's URL (the first is `gatewayUrl`): replicas over the same subgraphs when `gateways` > 1. */
  gatewayUrls: string[];
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/** The gateway over `supergraph` and every subgraph, all in-process on ephemeral ports. */
export async function startSystem(
  definitions: SubgraphDefinition[],
  supergraph: string,
  options: {
    queryPlanner?: QueryPlanner;
    responseCacheTtlMs?: number;
    queryLimits?: QueryLimits | false;
    ratePerMinute?: number;
    persistedDocuments?: PersistedDocumentsOptions;
    openDataDir?: string;
    settings?: Record<string, string>;
    metricsToken?: string;
    logs?: LogDestination;
    /** Gateway replicas over the same subgraphs (default 1). */
    gateways?: number;
    /** The Redis the gateways share (REDIS_URL), with a key prefix of the test's own. */
    redis?: { url: string; keyPrefix: string };
    /** The secretaries' console and its sign-in (the development one signs with the tests' secret). */
    console?: ConsoleConfig;
    /** How every process verifies tokens (default TEST_AUTH), e.g. a local identity provider's JWKS. */
    auth?: AuthConfig;
    /** The subgraphs' DATABASE_URL (default: the test database), e.g. through PgBouncer. */
    url?: string;
  } = {},
): Promise<RunningSystem> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  // One audit log for the whole system, as in production.
  const auditSchema = freshSchemaName("audit");
  const peers: Record<string, string> = {};
  for (const definition of definitions) {
    // In order: a subgraph's peers (e.g. councils for meetings) are listed before it.
    subgraphs[definition.name] = await startSubgraph(definition, { auditSchema, peers: { ...peers }, queryLimits: options.queryLimits, settings: options.settings, metricsToken: options.metricsToken, logs: options.logs, url: options.url, auth: options.auth });
    peers[definition.name] = subgraphs[definition.name].url;
  }
  const stopSubgraphs = async () => {
    for (const subgraph of Object.values(subgraphs)) await subgraph.stop();
  };
  const gateways: ReturnType<typeof createGateway>[] = [];
  const urls: string[] = [];
  try {
    const verify = await createVerifier(options.auth ?? TEST_AUTH);
    for (let i = 0; i < (options.gateways ?? 1); i++) {
      const gateway = createGateway({
        supergraph,
        subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
        logger: testLogger("test-gateway", options.logs),
        // The product default (the Rust planner); TEST_QUERY_PLANNER=js runs the federated suite on the JavaScript one.
        queryPlanner: options.queryPlanner ?? (process.env.TEST_QUERY_PLANNER as QueryPlanner | undefined) ?? "rust",
        responseCacheTtlMs: options.responseCacheTtlMs ?? 0,
        queryLimits: options.queryLimits,
        rateLimit: { perMinute: options.ratePerMinute ?? 0, trustProxy: false },
        verify,
        persistedDocuments: options.persistedDocuments,
        openDataDir: options.openDataDir,
        metricsToken: options.metricsToken,
        redis: options.redis,
        console: options.console,
      });
      gateways.push(gateway);
      urls.push((await gateway.listen(0)).url);
    }
  } catch (error) {
    for (const gateway of gateways) await gateway.stop();
    await stopSubgraphs();
    throw error;
  }
  return {
    gatewayUrl: urls[0],
    gatewayUrls: urls,
    subgraphs,
    async stop() {
      for (const gateway of gateways) await gateway.stop();
      for (const subgraph of Object.values(subgraphs)) await subgraph.stop();
      const [first] = Object.values(subgraphs);
      if (first) {
        const cleanup = await openDatabase({ ...definitions[0].database, url: testDatabaseUrl(), schema: first.database.schema, auditSchema });
        await cleanup.em.getConnection().execute(`drop schema if exists "${auditSchema}" cascade`);
        await cleanup.close(true);
      }
    },
  };
}
