import { migrateDatabase, NAME_COLLATION, NAME_COLUMNS, openDatabase } from "@contagem/schema";
import { freshSchemaName, testDatabaseUrl } from "@contagem/testkit";
import { DEFINITIONS } from "./artifacts";

/**
 * Every column that holds a name or a title, in every subgraph, sorts in Portuguese: the order is the column's, so a
 * new list sorted by it (or a new `title` column) cannot fall back to bytewise order unnoticed.
 */
describe("names and titles", () => {
  it.each(DEFINITIONS.map((d) => [d.name, d] as const))("of the %s subgraph are collated in Portuguese", async (_name, definition) => {
    const schema = freshSchemaName(definition.name);
    const auditSchema = freshSchemaName("audit");
    const database = { ...definition.database, url: testDatabaseUrl(), schema, auditSchema };
    await migrateDatabase(database);
    const orm = await openDatabase(database);
    try {
      const columns = await orm.em.getConnection().execute<{ column: string; collation: string | null }[]>(
        `select table_name || '.' || column_name as column, collation_name as collation from information_schema.columns
         where table_schema = ? and table_name <> 'mikro_orm_migrations' and column_name in (${NAME_COLUMNS.map(() => "?").join(", ")}) order by 1`,
        [schema, ...NAME_COLUMNS],
      );
      expect(columns.length).toBeGreaterThan(0);
      expect(columns).toEqual(columns.map(({ column }) => ({ column, collation: NAME_COLLATION })));
    } finally {
      await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
      await orm.em.getConnection().execute(`drop schema if exists "${auditSchema}" cascade`);
      await orm.close(true);
    }
  });
});
