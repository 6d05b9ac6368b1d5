import { placeColumnsSql } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/** A meeting's structured place: name, address in Contagem and WGS 84 coordinates (see PlaceEmbeddable). */
export class Migration20270104000000_places extends Migration {
  override async up(): Promise<void> {
    for (const sql of placeColumnsSql(`"${this.config.get("schema")}"`, "meeting")) this.addSql(sql);
  }
}
