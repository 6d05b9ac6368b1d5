import { BASE_COLUMNS, sqlCheckIn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";


const SECTORS = ["GOVERNMENT", "CIVIL_SOCIETY", "USERS", "WORKERS", "PROVIDERS"];

/** The councils subgraph's tables: territories, councils and their legal composition. */
export class Migration20261127000000_initial extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    const base = BASE_COLUMNS;
    this.addSql(`create schema if not exists ${s}`);
    this.addSql(`create table ${s}.territory (${base},
      scheme text not null ${sqlCheckIn("scheme", ["MUNICIPALITY", "REGIONAL_ADMIN", "ELECTORAL_MICROREGION", "HEALTH_DISTRICT", "SUAS_TERRITORY", "NEIGHBOURHOOD"])},
      code varchar(64) not null,
      name varchar(200) not null,
      parent_id integer references ${s}.territory (id),
      population integer check (population >= 0),
      population_source varchar(200),
      area_km2 numeric(10, 2),
      unique (scheme, code))`);
    this.addSql(`create index territory_parent_idx on ${s}.territory (parent_id)`);
    this.addSql(`create table ${s}.legal_act (${base},
      kind text not null ${sqlCheckIn("kind", ["LAW", "COMPLEMENTARY_LAW", "DECREE", "ORDINANCE", "RESOLUTION", "NOTICE", "BILL"])},
      number varchar(32) not null,
      year integer not null check (year between 1800 and 2200),
      date date,
      title text,
      gazette_edition integer,
      gazette_pages varchar(32),
      gazette_date date,
      url text,
      unique (kind, number, year))`);
    this.addSql(`create table ${s}.council (${base},
      slug varchar(80) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      acronym varchar(32),
      name varchar(300) not null,
      kind text not null ${sqlCheckIn("kind", ["POLICY", "REGIONAL", "DISTRICT", "COMMISSION", "FORUM"])},
      policy_area varchar(64),
      nature text[] not null default '{}',
      territory_id integer references ${s}.territory (id),
      legal_basis_id integer references ${s}.legal_act (id),
      status text not null default 'ACTIVE' ${sqlCheckIn("status", ["ACTIVE", "INACTIVE", "EXTINCT"])},
      rule_ordinary_meetings_per_year integer check (rule_ordinary_meetings_per_year between 0 and 366),
      rule_ordinary_notice_days integer check (rule_ordinary_notice_days >= 0),
      rule_extraordinary_notice_hours integer check (rule_extraordinary_notice_hours >= 0),
      rule_quorum_rule text ${sqlCheckIn("rule_quorum_rule", ["ABSOLUTE_MAJORITY", "SIMPLE_MAJORITY_OF_MEMBERS", "TWO_THIRDS", "ONE_THIRD", "ANY_PRESENT"])},
      rule_term_length_years integer check (rule_term_length_years between 1 and 10),
      rule_max_reappointments integer check (rule_max_reappointments >= 0),
      rule_parity boolean,
      notes text,
      search_text text not null default '')`);
    this.addSql(`create index council_territory_idx on ${s}.council (territory_id)`);
    this.addSql(`create index council_updated_idx on ${s}.council (updated_at, id)`);
    this.addSql(`create index council_name_idx on ${s}.council (name, id)`);
    this.addSql(`create table ${s}.organization (${base},
      name varchar(300) not null unique,
      acronym varchar(32),
      kind text not null ${sqlCheckIn("kind", ["GOVERNMENT_BODY", "LEGISLATURE", "CIVIL_SOCIETY", "UNION", "PROVIDER", "UNIVERSITY", "OTHER"])})`);
    this.addSql(`create table ${s}.public_person (${base},
      display_name varchar(300) not null)`);
    this.addSql(`create table ${s}.seat_rule (${base},
      council_id integer not null references ${s}.council (id),
      sector text not null ${sqlCheckIn("sector", SECTORS)},
      segment varchar(300),
      titulares integer not null check (titulares >= 0),
      suplentes integer not null check (suplentes >= 0))`);
    this.addSql(`create index seat_rule_council_idx on ${s}.seat_rule (council_id)`);
    this.addSql(`create table ${s}.term (${base},
      council_id integer not null references ${s}.council (id),
      label varchar(120) not null,
      starts_on date not null,
      ends_on date not null,
      appointment_act_id integer references ${s}.legal_act (id),
      check (ends_on > starts_on))`);
    this.addSql(`create index term_council_idx on ${s}.term (council_id, starts_on desc)`);
    this.addSql(`create table ${s}.seat (${base},
      term_id integer not null references ${s}.term (id),
      position integer not null check (position > 0),
      sector text not null ${sqlCheckIn("sector", SECTORS)},
      segment varchar(300),
      organization_id integer references ${s}.organization (id),
      territory_id integer references ${s}.territory (id),
      unique (term_id, position))`);
    this.addSql(`create table ${s}.mandate (${base},
      seat_id integer not null references ${s}.seat (id),
      person_id integer not null references ${s}.public_person (id),
      role text not null ${sqlCheckIn("role", ["TITULAR", "SUPLENTE"])},
      board_role text ${sqlCheckIn("board_role", ["PRESIDENT", "VICE_PRESIDENT", "EXECUTIVE_SECRETARY"])},
      starts_on date not null,
      ends_on date,
      end_reason text ${sqlCheckIn("end_reason", ["TERM_ENDED", "RESIGNED", "REPLACED", "REMOVED", "DECEASED"])},
      check (ends_on is null or ends_on >= starts_on))`);
    this.addSql(`create index mandate_seat_idx on ${s}.mandate (seat_id)`);
    this.addSql(`create index mandate_person_idx on ${s}.mandate (person_id)`);
    // One active holder per seat and role: a second titular needs the first mandate ended.
    this.addSql(`create unique index mandate_active_uq on ${s}.mandate (seat_id, role) where ends_on is null`);
  }
}
