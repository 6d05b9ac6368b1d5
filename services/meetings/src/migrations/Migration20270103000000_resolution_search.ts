import { Migration } from "@mikro-orm/migrations";
import { resolutionSearchDocument } from "../resolutions/resolution.entity";

/**
 * `searchResolutions`: each resolution's label, ementa and text, folded for accents and plurals (written by the entity
 * on every insert and update), with the Portuguese search vector PostgreSQL derives from it (a generated column, so
 * the two never drift), a GIN index on the vector and a trigram index on the folded text for misspellings — as the
 * minutes have. The resolutions already on record are folded here.
 */
export class Migration20270103000000_resolution_search extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    await this.execute(`alter table ${s}.resolution
      add column search_document text,
      add column search_vector tsvector generated always as (to_tsvector('portuguese', coalesce(search_document, ''))) stored`);
    const rows = (await this.execute(`select id, number, year, summary, body from ${s}.resolution order by id`)) as {
      id: number; number: number; year: number; summary: string; body: string;
    }[];
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500);
      await this.execute(
        `update ${s}.resolution r set search_document = v.document from (values ${slice.map(() => "(?::int, ?::text)").join(", ")}) as v(id, document) where r.id = v.id`,
        slice.flatMap((row) => [row.id, resolutionSearchDocument(row)]),
      );
    }
    await this.execute(`create index resolution_search_idx on ${s}.resolution using gin (search_vector)`);
    await this.execute(`create index resolution_trgm_idx on ${s}.resolution using gin (search_document gin_trgm_ops)`);
  }
}
