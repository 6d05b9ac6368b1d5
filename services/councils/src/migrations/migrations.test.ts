import { migrateDatabase, openDatabase, PLATFORM_MIGRATION, prepareDatabase, REMOVALS_MIGRATION } from "@contagem/schema";
import { freshSchemaName, isEmbedded, testDatabaseUrl } from "@contagem/testkit";
import { councils } from "../definition";
import { seedCouncils } from "../seed/seed";

const auditSchema = freshSchemaName("audit");
const database = (schema: string) => ({ ...councils.database, url: testDatabaseUrl(), schema, auditSchema });

describe("councils migrations", () => {
  it("build the schema from an empty database, and a second run applies nothing", async () => {
    const schema = freshSchemaName("councils");
    const first = await migrateDatabase(database(schema));
    expect(first).toEqual([PLATFORM_MIGRATION, REMOVALS_MIGRATION, ...councils.database.migrations.map((m) => m.name)]);
    expect(await migrateDatabase(database(schema))).toEqual([]);

    const orm = await openDatabase(database(schema));
    try {
      const tables = await orm.em
        .getConnection()
        .execute<{ table_name: string }[]>(
          `select table_name from information_schema.tables where table_schema = ? order by table_name`,
          [schema],
        );
      expect(tables.map((t) => t.table_name)).toEqual([
        "council",
        "council_legal_act",
        "idempotency_key",
        "legal_act",
        "mandate",
        "mikro_orm_migrations",
        "organization",
        "public_person",
        "seat",
        "seat_rule",
        "term",
        "territory",
        "webhook_delivery",
        "webhook_subscription",
      ]);
    } finally {
      await orm.em.getConnection().execute(`drop schema "${schema}" cascade`);
      await orm.em.getConnection().execute(`drop schema "${auditSchema}" cascade`);
      await orm.close(true);
    }
  });

  // Not on the embedded database: it serves every connection from one PostgreSQL session, where advisory locks do not
  // exclude one another; it runs one process of each subgraph (npm start), never replicas.
  const onServer = isEmbedded() ? it.skip : it;
  onServer("let two replicas start at once on an empty database: both come up, and the facts are seeded once", async () => {
    const schema = freshSchemaName("councils");
    // Before the seed ran again on a unique-key clash, the second replica failed (duplicate territory) and died.
    const orms = await Promise.all([1, 2].map(() => prepareDatabase(councils, { url: testDatabaseUrl(), schema, auditSchema })));
    try {
      const [{ n }] = await orms[0].em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from "${schema}".council`);
      expect(n).toBe(35);
    } finally {
      await orms[1].close(true);
      await orms[0].em.getConnection().execute(`drop schema "${schema}" cascade`);
      await orms[0].em.getConnection().execute(`drop schema if exists "${auditSchema}" cascade`);
      await orms[0].close(true);
    }
  });

  it("seed Contagem's public facts once: the second run adds nothing", async () => {
    const schema = freshSchemaName("councils");
    const orm = await prepareDatabase(councils, { url: testDatabaseUrl(), schema, auditSchema, seed: false });
    try {
      const none = { deleted: [], kept: [] };
      expect(await seedCouncils(orm.em.fork(), { auditSchema })).toEqual({ territories: 9, legalActs: 37, councils: 35, outOfRecord: none });
      expect(await seedCouncils(orm.em.fork(), { auditSchema })).toEqual({ territories: 0, legalActs: 0, councils: 0, outOfRecord: none });
    } finally {
      await orm.em.getConnection().execute(`drop schema "${schema}" cascade`);
      await orm.em.getConnection().execute(`drop schema if exists "${auditSchema}" cascade`);
      await orm.close(true);
    }
  });
});
