import { BASE_COLUMNS, sqlCheckIn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";


/** Meetings, attendance, deliberations, minutes with their immutable versions, resolutions, and numbering. */
export class Migration20261127100000_meetings extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    const base = BASE_COLUMNS;
    this.addSql(`create extension if not exists pg_trgm`);
    this.addSql(`create schema if not exists ${s}`);
    this.addSql(`create table ${s}.meeting (${base},
      council_id integer not null,
      term_id integer,
      type text not null ${sqlCheckIn("type", ["ORDINARY", "EXTRAORDINARY", "PUBLIC_HEARING", "TERRITORIAL_PLENARY", "COMMISSION", "INAUGURAL"])},
      sequence_label varchar(200) not null,
      status text not null default 'SCHEDULED' ${sqlCheckIn("status", ["SCHEDULED", "CONVENED", "HELD", "CANCELLED", "POSTPONED"])},
      status_reason text,
      modality text not null ${sqlCheckIn("modality", ["IN_PERSON", "ONLINE", "HYBRID"])},
      starts_at timestamptz not null,
      ends_at timestamptz,
      place text,
      online_url text,
      territory_id integer,
      convened_at timestamptz,
      convened_by_mandate_id integer,
      notice_required_hours integer,
      quorum_rule text,
      seats_total integer,
      quorum_required integer,
      present_count integer,
      check (ends_at is null or ends_at > starts_at),
      check (status not in ('CANCELLED', 'POSTPONED') or status_reason is not null))`);
    this.addSql(`create index meeting_council_starts_idx on ${s}.meeting (council_id, starts_at, id)`);
    this.addSql(`create index meeting_starts_idx on ${s}.meeting (starts_at, id)`);
    this.addSql(`create index meeting_updated_idx on ${s}.meeting (updated_at, id)`);
    this.addSql(`create table ${s}.agenda_item (${base},
      meeting_id integer not null references ${s}.meeting (id),
      position integer not null check (position > 0),
      kind text not null ${sqlCheckIn("kind", ["APPROVAL_OF_MINUTES", "DELIBERATION", "INFORMATIVE", "PRESENTATION", "GENERAL_MATTERS"])},
      title text not null,
      description text,
      minutes_id integer,
      unique (meeting_id, position))`);
    this.addSql(`create table ${s}.attendance (${base},
      meeting_id integer not null references ${s}.meeting (id),
      mandate_id integer not null,
      seat_id integer not null,
      status text not null ${sqlCheckIn("status", ["PRESENT", "ABSENT", "JUSTIFIED", "SUBSTITUTED"])},
      substitute_mandate_id integer,
      note text,
      unique (meeting_id, mandate_id),
      check ((status = 'SUBSTITUTED') = (substitute_mandate_id is not null)))`);
    this.addSql(`create table ${s}.deliberation (${base},
      meeting_id integer not null references ${s}.meeting (id),
      agenda_item_id integer not null references ${s}.agenda_item (id),
      text text not null,
      votes_for integer not null check (votes_for >= 0),
      votes_against integer not null check (votes_against >= 0),
      abstentions integer not null check (abstentions >= 0),
      outcome text not null ${sqlCheckIn("outcome", ["APPROVED", "REJECTED", "WITHDRAWN", "POSTPONED"])})`);
    this.addSql(`create index deliberation_meeting_idx on ${s}.deliberation (meeting_id)`);
    this.addSql(`create table ${s}.vote (${base},
      deliberation_id integer not null references ${s}.deliberation (id),
      mandate_id integer not null,
      choice text not null ${sqlCheckIn("choice", ["FOR", "AGAINST", "ABSTAIN"])},
      unique (deliberation_id, mandate_id))`);
    this.addSql(`create table ${s}.minutes (${base},
      council_id integer not null,
      meeting_id integer not null unique references ${s}.meeting (id),
      year integer not null,
      number integer not null check (number > 0),
      status text not null default 'DRAFT' ${sqlCheckIn("status", ["DRAFT", "APPROVED", "PUBLISHED"])},
      current_version integer not null,
      approved_at_meeting_id integer references ${s}.meeting (id),
      approved_at timestamptz,
      gazette_edition integer,
      gazette_pages varchar(32),
      gazette_date date,
      published_at timestamptz,
      search_document text,
      search_vector tsvector,
      unique (council_id, year, number),
      check (status = 'DRAFT' or approved_at_meeting_id is not null),
      check (status <> 'PUBLISHED' or (gazette_edition is not null and published_at is not null)))`);
    this.addSql(`create index minutes_council_idx on ${s}.minutes (council_id, year desc, number desc)`);
    this.addSql(`create index minutes_search_idx on ${s}.minutes using gin (search_vector)`);
    this.addSql(`create index minutes_trgm_idx on ${s}.minutes using gin (search_document gin_trgm_ops)`);
    this.addSql(`create table ${s}.minutes_version (${base},
      minutes_id integer not null references ${s}.minutes (id),
      number integer not null check (number > 0),
      body text not null,
      sha256 char(64) not null,
      author_sub text not null,
      author_role text not null,
      change_note text,
      published boolean not null default false,
      unique (minutes_id, number))`);
    // A published version is the legal record: the database refuses to change or delete it, whatever the code does.
    this.addSql(`create or replace function ${s}.refuse_published_version_change() returns trigger language plpgsql as $$
      begin
        if old.published then
          raise exception 'published minutes version % is immutable: % refused', old.id, tg_op
            using errcode = 'insufficient_privilege';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$`);
    this.addSql(`create trigger minutes_version_immutable before update or delete on ${s}.minutes_version
      for each row execute function ${s}.refuse_published_version_change()`);
    this.addSql(`create table ${s}.resolution (${base},
      council_id integer not null,
      year integer not null,
      number integer not null check (number > 0),
      date date not null,
      summary text not null,
      body text not null,
      meeting_id integer not null references ${s}.meeting (id),
      deliberation_id integer references ${s}.deliberation (id),
      status text not null default 'IN_FORCE' ${sqlCheckIn("status", ["IN_FORCE", "AMENDED", "REVOKED"])},
      amends_id integer references ${s}.resolution (id),
      revokes_id integer references ${s}.resolution (id),
      gazette_edition integer,
      gazette_pages varchar(32),
      gazette_date date,
      unique (council_id, year, number))`);
    this.addSql(`create index resolution_council_idx on ${s}.resolution (council_id, year desc, number desc)`);
    // Per council and year counters: assigned in the writing transaction, so numbers have no gaps or duplicates.
    this.addSql(`create table ${s}.numbering (
      council_id integer not null,
      year integer not null,
      series text not null ${sqlCheckIn("series", ["MINUTES", "RESOLUTION"])},
      last_number integer not null,
      primary key (council_id, year, series))`);
  }
}
