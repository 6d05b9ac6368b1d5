import { BASE_COLUMNS, sqlCheckIn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

const CHANNELS = ["DIGITAL_PLATFORM", "IN_PERSON", "TERRITORIAL_PLENARY", "PUBLIC_HEARING", "OMBUDSMAN"];

/** Participants (personal data), processes and phases, proposals and supports, ballots, contributions, works, elections. */
export class Migration20261127200000_participation extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    const base = BASE_COLUMNS;
    this.addSql(`create schema if not exists ${s}`);
    this.addSql(`create table ${s}.participant (${base},
      subject text unique,
      full_name text,
      email text,
      phone text,
      document_hash text unique,
      document_last_digits text,
      birth_date date,
      neighbourhood text,
      territory_id integer,
      handle text unique check (handle ~ '^[a-z0-9_]{3,30}$'),
      profile_public boolean not null default false,
      channel text not null ${sqlCheckIn("channel", CHANNELS)},
      erased_at timestamptz,
      check (erased_at is null or (subject is null and full_name is null and email is null and phone is null
        and document_hash is null and birth_date is null and neighbourhood is null and handle is null)))`);
    this.addSql(`create table ${s}.process (${base},
      kind text not null ${sqlCheckIn("kind", ["PRIORITISATION_VOTE", "REGIONAL_WORKS_BUDGET", "PUBLIC_CONSULTATION", "CONFERENCE", "COUNCIL_ELECTION", "PUBLIC_HEARING", "TERRITORIAL_PLENARY"])},
      title text not null,
      description text not null,
      status text not null default 'PLANNED' ${sqlCheckIn("status", ["PLANNED", "OPEN", "CLOSED", "CANCELLED"])},
      council_id integer,
      territory_id integer,
      max_choices integer check (max_choices > 0),
      minimum_age integer not null default 16 check (minimum_age between 0 and 120),
      rules_text text,
      source_url text)`);
    this.addSql(`create index process_council_idx on ${s}.process (council_id)`);
    this.addSql(`create index process_territory_idx on ${s}.process (territory_id)`);
    this.addSql(`create table ${s}.phase (${base},
      process_id integer not null references ${s}.process (id),
      position integer not null,
      kind text not null ${sqlCheckIn("kind", ["INFORMATION", "PROPOSALS", "SUPPORTS", "VOTING", "DELIBERATION", "RESULTS"])},
      title text not null,
      starts_at timestamptz not null,
      ends_at timestamptz,
      unique (process_id, position),
      check (ends_at is null or ends_at > starts_at))`);
    this.addSql(`create table ${s}.process_meeting (${base},
      process_id integer not null references ${s}.process (id),
      meeting_id integer not null,
      unique (process_id, meeting_id))`);
    this.addSql(`create table ${s}.proposal (${base},
      process_id integer not null references ${s}.process (id),
      author_id integer references ${s}.participant (id),
      title text not null,
      body text not null,
      territory_id integer,
      status text not null default 'PUBLISHED' ${sqlCheckIn("status", ["PUBLISHED", "SELECTED", "NOT_SELECTED", "WITHDRAWN"])},
      support_count integer not null default 0 check (support_count >= 0))`);
    this.addSql(`create index proposal_process_idx on ${s}.proposal (process_id, id)`);
    this.addSql(`create table ${s}.support (${base},
      proposal_id integer not null references ${s}.proposal (id),
      participant_id integer not null references ${s}.participant (id),
      channel text not null ${sqlCheckIn("channel", CHANNELS)},
      unique (proposal_id, participant_id))`);
    this.addSql(`create index support_participant_idx on ${s}.support (participant_id)`);
    this.addSql(`create table ${s}.ballot (${base},
      process_id integer not null references ${s}.process (id),
      participant_id integer not null references ${s}.participant (id),
      channel text not null ${sqlCheckIn("channel", CHANNELS)},
      unique (process_id, participant_id))`);
    this.addSql(`create index ballot_participant_idx on ${s}.ballot (participant_id)`);
    this.addSql(`create table ${s}.ballot_choice (${base},
      ballot_id integer not null references ${s}.ballot (id),
      proposal_id integer not null references ${s}.proposal (id),
      unique (ballot_id, proposal_id))`);
    this.addSql(`create index ballot_choice_proposal_idx on ${s}.ballot_choice (proposal_id)`);
    this.addSql(`create table ${s}.contribution (${base},
      participant_id integer not null references ${s}.participant (id),
      meeting_id integer,
      proposal_id integer references ${s}.proposal (id),
      council_id integer,
      body text not null,
      status text not null default 'PENDING' ${sqlCheckIn("status", ["PENDING", "PUBLISHED", "HIDDEN"])},
      hidden_reason text,
      channel text not null ${sqlCheckIn("channel", CHANNELS)},
      published_at timestamptz,
      check ((meeting_id is null) <> (proposal_id is null)),
      check (status <> 'HIDDEN' or hidden_reason is not null))`);
    this.addSql(`create index contribution_meeting_idx on ${s}.contribution (meeting_id, id)`);
    this.addSql(`create index contribution_proposal_idx on ${s}.contribution (proposal_id, id)`);
    this.addSql(`create index contribution_participant_idx on ${s}.contribution (participant_id)`);
    this.addSql(`create table ${s}.meeting_presence (${base},
      participant_id integer not null references ${s}.participant (id),
      meeting_id integer not null,
      council_id integer,
      channel text not null ${sqlCheckIn("channel", CHANNELS)},
      unique (participant_id, meeting_id))`);
    this.addSql(`create index meeting_presence_meeting_idx on ${s}.meeting_presence (meeting_id)`);
    this.addSql(`create table ${s}.intervention (${base},
      council_id integer not null,
      territory_id integer,
      process_id integer references ${s}.process (id),
      deliberation_id integer,
      title text not null,
      description text,
      estimated_cost numeric(14, 2) not null check (estimated_cost >= 0),
      year integer not null,
      status text not null default 'PLANNED' ${sqlCheckIn("status", ["PLANNED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED"])},
      progress integer not null default 0 check (progress between 0 and 100))`);
    this.addSql(`create index intervention_council_idx on ${s}.intervention (council_id, year)`);
    this.addSql(`create table ${s}.milestone (${base},
      intervention_id integer not null references ${s}.intervention (id),
      position integer not null,
      title text not null,
      due_on date,
      done_on date,
      unique (intervention_id, position))`);
    this.addSql(`create table ${s}.candidacy (${base},
      process_id integer not null references ${s}.process (id),
      display_name text not null,
      segment text,
      territory_id integer,
      votes integer check (votes >= 0),
      elected boolean)`);
    this.addSql(`create index candidacy_process_idx on ${s}.candidacy (process_id)`);
  }
}
