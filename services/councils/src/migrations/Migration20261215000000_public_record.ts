import { BASE_COLUMNS, sqlCheckIn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

const COUNCIL_KINDS = ["POLICY", "REGIONAL", "DISTRICT", "COMMISSION", "COMMITTEE", "SCHOOL_COUNCIL", "TERRITORIAL", "FORUM"];
const ACT_KINDS = ["LAW", "COMPLEMENTARY_LAW", "DECREE", "ORDINANCE", "RESOLUTION", "NORMATIVE_DELIBERATION", "NOTICE", "BILL"];

/**
 * The public record (issue 11): where each seeded row comes from (`sources`), the record's hash the seed last applied
 * (so that a restart neither rewrites an ADMIN's later edit nor misses a change of the record), a council's several
 * legal acts, the body it is bound to, its nature as the source words it, and the kinds the record names.
 */
export class Migration20261215000000_public_record extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    for (const table of ["territory", "legal_act", "council", "organization"]) {
      this.addSql(`alter table ${s}.${table}
        add column sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array'),
        add column record_hash varchar(64)`);
    }
    this.addSql(`alter table ${s}.legal_act drop constraint if exists legal_act_kind_check`);
    this.addSql(`alter table ${s}.legal_act add constraint legal_act_kind_check ${sqlCheckIn("kind", ACT_KINDS)}`);
    // Numbers such as "Eleição dos Conselhos Regionais 2025" (an edital named, not numbered) are longer than 32.
    this.addSql(`alter table ${s}.legal_act alter column number type varchar(64)`);
    this.addSql(`alter table ${s}.council drop constraint if exists council_kind_check`);
    this.addSql(`alter table ${s}.council add constraint council_kind_check ${sqlCheckIn("kind", COUNCIL_KINDS)}`);
    this.addSql(`alter table ${s}.council
      add column nature_statement text,
      add column bound_to_statement text,
      add column bound_to_id integer references ${s}.organization (id)`);
    this.addSql(`create index council_bound_to_idx on ${s}.council (bound_to_id)`);
    this.addSql(`create table ${s}.council_legal_act (${BASE_COLUMNS},
      council_id integer not null references ${s}.council (id) on delete cascade,
      legal_act_id integer not null references ${s}.legal_act (id),
      unique (council_id, legal_act_id))`);
    this.addSql(`create index council_legal_act_act_idx on ${s}.council_legal_act (legal_act_id)`);
  }
}
