import { addSourcesColumn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/**
 * Every stored public record cites its sources (issue 14, §5): the records that had none gain the column the public
 * record's ones have (a jsonb array of `{url, note}`), empty for the rows written before.
 */
export class Migration20270105000000_sources extends Migration {
  override async up(): Promise<void> {
    for (const table of ["proposal", "intervention", "candidacy"]) this.addSql(addSourcesColumn(this.config.get("schema") as string, table));
  }
}
