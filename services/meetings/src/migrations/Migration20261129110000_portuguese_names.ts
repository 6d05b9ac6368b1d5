import { collateNames } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/** Names and titles sort in Portuguese ("Ágora" with the A's), on PostgreSQL and on the embedded database alike. */
export class Migration20261129110000_portuguese_names extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    for (const sql of collateNames(s, [
      { table: "agenda_item", column: "title", type: "text" },
    ])) {
      this.addSql(sql);
    }
  }
}
