import { Migration } from "@mikro-orm/migrations";
import type { MigrationClass } from "./db";

/**
 * Names and titles sort as a Portuguese reader expects: "agora", "Ágora", "Assembleia", "Conselho", … — accents and
 * case refine the order of equal letters, never send a name to the end (as bytewise "C" order does). The order is
 * ICU's for pt-BR, which PostgreSQL built with ICU and PGlite (ICU inside its WebAssembly build) both have, and which
 * JavaScript's `Intl.Collator("pt-BR")` shares. The collation is set on the column, once, so every ORDER BY, keyset
 * comparison (`(name, id) > (…)`) and index of the column uses it, whoever writes the query. ICU collations are
 * deterministic: names that differ in any byte never tie, and `id` breaks the ties of equal names.
 */
export const NAME_COLLATION = "portuguese";

/** Columns that hold a name or a title, by their name: each one is collated in Portuguese (a test checks them all). */
export const NAME_COLUMNS: readonly string[] = ["name", "display_name", "full_name", "title"];

/**
 * A migration that moves `columns` (each with its SQL type) of the subgraph's schema to the Portuguese collation,
 * creating the collation there first; PostgreSQL rebuilds the indexes on those columns. A server without ICU refuses
 * its first statement.
 */
export function collateNamesMigration(columns: { table: string; column: string; type: string }[]): MigrationClass {
  return class CollateNames extends Migration {
    override async up(): Promise<void> {
      const s = `"${this.config.get("schema")}"`;
      this.addSql(`create collation if not exists ${s}.${NAME_COLLATION} (provider = icu, locale = 'pt-BR')`);
      for (const { table, column, type } of columns) {
        this.addSql(`alter table ${s}.${table} alter column ${column} type ${type} collate ${s}.${NAME_COLLATION}`);
      }
    }
  };
}
