import { BASE_COLUMNS, NAME_COLLATION, sqlCheckIn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/** The columns of a row imported from another system (`ImportedFrom`): all set, or all null (a row of ours). */
const sourceColumns = (table: string) => [
  `origin_system text ${sqlCheckIn("origin_system", ["DECIDIM"])}`,
  "origin_type text",
  "origin_external_id text",
  "origin_url text",
  "origin_imported_at timestamptz",
  "origin_content_hash varchar(64)",
].map((column) => `add column ${column}`).join(",\n      ") + `,
      add constraint ${table}_origin_all_or_none_check check (
        (origin_system is null) = (origin_type is null) and (origin_system is null) = (origin_external_id is null)
        and (origin_system is null) = (origin_url is null) and (origin_system is null) = (origin_imported_at is null)
        and (origin_system is null) = (origin_content_hash is null))`;

/** A sync finds its rows again by (system, type, external id): one row per record there. */
const sourceIndex = (s: string, table: string) =>
  `create unique index ${table}_origin_key on ${s}.${table} (origin_system, origin_type, origin_external_id) where origin_system is not null`;

/**
 * Decide Contagem in the graph (issue 17): processes, proposals (and budgeting projects as options) and assemblies
 * imported from Decidim carry their source; the accountability results and the assemblies' meetings get tables of
 * their own, and each sync run is recorded.
 */
export class Migration20270201000000_decidim extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    for (const table of ["process", "proposal", "assembly"]) {
      this.addSql(`alter table ${s}.${table} ${sourceColumns(table)}`);
      this.addSql(sourceIndex(s, table));
    }
    this.addSql(`alter table ${s}.process drop constraint process_status_stated_check`);
    this.addSql(`alter table ${s}.process add constraint process_status_stated_check
      check (status <> 'NOT_STATED' or record_key is not null or origin_system is not null)`);
    // Decidim states no minimum age for its processes either: null, as for the public record's.
    this.addSql(`alter table ${s}.process drop constraint process_minimum_age_stated_check`);
    this.addSql(`alter table ${s}.process add constraint process_minimum_age_stated_check
      check (minimum_age is not null or record_key is not null or origin_system is not null)`);
    this.addSql(`alter table ${s}.assembly add column subtitle text, add column description text`);
    this.addSql(`alter table ${s}.proposal
      add column official_answer text,
      add column answered_at timestamptz,
      add column authors_count integer check (authors_count >= 0),
      add column organization_author text,
      add column budget_amount double precision check (budget_amount >= 0),
      add column stated_votes integer check (stated_votes >= 0)`);
    const source = `origin_system text not null ${sqlCheckIn("origin_system", ["DECIDIM"])},
      origin_type text not null, origin_external_id text not null, origin_url text not null,
      origin_imported_at timestamptz not null, origin_content_hash varchar(64) not null`;
    this.addSql(`create table ${s}.process_result (${BASE_COLUMNS},
      process_id integer not null references ${s}.process (id) on delete cascade,
      parent_id integer references ${s}.process_result (id) on delete set null,
      title text collate ${s}.${NAME_COLLATION} not null, description text not null, start_date date, end_date date,
      progress double precision check (progress between 0 and 100), status_name text,
      ${source})`);
    this.addSql(`create index process_result_process_idx on ${s}.process_result (process_id, id)`);
    this.addSql(sourceIndex(s, "process_result"));
    this.addSql(`create table ${s}.assembly_meeting (${BASE_COLUMNS},
      assembly_id integer not null references ${s}.assembly (id) on delete cascade,
      title text collate ${s}.${NAME_COLLATION} not null, description text not null, starts_at timestamptz not null, ends_at timestamptz, address text,
      agenda jsonb not null default '[]' check (jsonb_typeof(agenda) = 'array'),
      closed boolean not null, closing_report text,
      attendees_count integer check (attendees_count >= 0), contributions_count integer check (contributions_count >= 0),
      attending_organizations text,
      ${source})`);
    this.addSql(`create index assembly_meeting_assembly_idx on ${s}.assembly_meeting (assembly_id, starts_at, id)`);
    this.addSql(sourceIndex(s, "assembly_meeting"));
    this.addSql(`create table ${s}.decidim_sync_run (${BASE_COLUMNS},
      started_at timestamptz not null, finished_at timestamptz, api_url text, decidim_version text,
      counts jsonb not null default '{}', skipped jsonb not null default '{}', error text)`);
    this.addSql(`create index decidim_sync_run_started_idx on ${s}.decidim_sync_run (started_at desc, id)`);
  }
}
