import { addSearchColumns } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";
import { resolutionSearchDocument } from "../resolutions/resolution.entity";

/**
 * `searchResolutions`: each resolution's label, ementa and text, folded for accents and plurals (written by the entity
 * on every insert and update), with its Portuguese search vector and the indexes the minutes have; the resolutions
 * already on record are folded here.
 */
export class Migration20270103000000_resolution_search extends Migration {
  override async up(): Promise<void> {
    await addSearchColumns(
      (sql, params) => this.execute(sql, params),
      `"${this.config.get("schema")}".resolution`,
      ["number", "year", "summary", "body"],
      resolutionSearchDocument,
    );
  }
}
