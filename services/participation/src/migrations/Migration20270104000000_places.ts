import { placeColumnsSql } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/** Where works are: name, address in Contagem and WGS 84 coordinates (see PlaceEmbeddable). */
export class Migration20270104000000_places extends Migration {
  override async up(): Promise<void> {
    for (const sql of placeColumnsSql(`"${this.config.get("schema")}"`, "intervention")) this.addSql(sql);
  }
}
