import { createLogger, prepareDatabase, type SubgraphDefinition } from "@contagem/schema";
import type { MikroORM } from "@mikro-orm/postgresql";
import { randomBytes } from "node:crypto";

export const testDatabaseUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the tests through jest's global setup (npm test).");
  return url;
};

export const isEmbedded = () => process.env.TEST_EMBEDDED_DATABASE === "1";

export const freshSchemaName = (base: string) => `${base}_t${randomBytes(5).toString("hex")}`;

export interface TestDatabase {
  orm: MikroORM;
  schema: string;
  auditSchema: string;
  /** Drops the test's schema and closes the connections. */
  drop(): Promise<void>;
}

/** A subgraph's database in a fresh, isolated PostgreSQL schema: migrated from empty, seeded unless told not to. */
export async function createTestDatabase(
  definition: SubgraphDefinition,
  options: { seed?: boolean; poolSize?: number; auditSchema?: string; url?: string; peers?: Record<string, string> } = {},
): Promise<TestDatabase> {
  const schema = freshSchemaName(definition.name);
  const auditSchema = options.auditSchema ?? freshSchemaName("audit");
  const orm = await prepareDatabase(definition, {
    url: options.url ?? testDatabaseUrl(),
    schema,
    auditSchema,
    seed: options.seed,
    peers: options.peers,
    poolSize: options.poolSize ?? 4,
    logger: createLogger(`test-${definition.name}`, "silent"),
  });
  return {
    orm,
    schema,
    auditSchema,
    async drop() {
      await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
      if (!options.auditSchema) await orm.em.getConnection().execute(`drop schema if exists "${auditSchema}" cascade`);
      await orm.close(true);
    },
  };
}
