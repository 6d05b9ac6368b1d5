import { BASE_COLUMNS, NAME_COLLATION, sqlCheckIn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/**
 * The public record (issue 11): Decide Contagem's processes and assemblies with their sources, the record's natural
 * key and the hash the seed last applied; a status the record does not state.
 */
export class Migration20261216100000_public_record extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`alter table ${s}.process
      add column sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array'),
      add column record_key text unique,
      add column record_hash varchar(64)`);
    this.addSql(`alter table ${s}.process drop constraint if exists process_status_check`);
    this.addSql(`alter table ${s}.process add constraint process_status_check
      ${sqlCheckIn("status", ["PLANNED", "OPEN", "CLOSED", "CANCELLED", "NOT_STATED"])}`);
    this.addSql(`alter table ${s}.process add constraint process_status_stated_check check (status <> 'NOT_STATED' or record_key is not null)`);
    this.addSql(`create table ${s}.assembly (${BASE_COLUMNS},
      slug text not null unique,
      name text collate ${s}.${NAME_COLLATION} not null,
      council_id integer,
      facts text not null,
      sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array'),
      record_hash varchar(64))`);
  }
}
