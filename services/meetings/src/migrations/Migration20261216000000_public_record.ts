import { sqlCheckIn } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

const TYPES = ["ORDINARY", "EXTRAORDINARY", "PUBLIC_HEARING", "TERRITORIAL_PLENARY", "COMMISSION", "INAUGURAL", "BOARD", "NOT_STATED"];
const MODALITIES = ["IN_PERSON", "ONLINE", "HYBRID", "NOT_STATED"];
const AGENDA_KINDS = ["APPROVAL_OF_MINUTES", "DELIBERATION", "INFORMATIVE", "PRESENTATION", "GENERAL_MATTERS", "OTHER"];

/**
 * The public record (issue 11): meetings imported from public listings, kept apart from the secretariat's own
 * records (`recorded_from`). Such a meeting keeps its natural key in the record, the hash the seed last applied, its
 * sources, the type and notes as the listing words them, the DOC publications it cites; it may say less than a
 * secretariat's record (no start time, type, modality or agenda kind stated) — and only it may — and it carries no
 * attendance or quorum.
 */
export class Migration20261216000000_public_record extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`alter table ${s}.meeting
      add column recorded_from text not null default 'SECRETARIAT' ${sqlCheckIn("recorded_from", ["SECRETARIAT", "PUBLIC_LISTING"])},
      add column record_key text unique,
      add column record_hash varchar(64),
      add column sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array'),
      add column type_label text,
      add column notes text,
      add column start_time_stated boolean not null default true,
      add column convoked_on date,
      add column publications jsonb not null default '[]' check (jsonb_typeof(publications) = 'array')`);
    this.addSql(`alter table ${s}.meeting drop constraint if exists meeting_type_check`);
    this.addSql(`alter table ${s}.meeting add constraint meeting_type_check ${sqlCheckIn("type", TYPES)}`);
    this.addSql(`alter table ${s}.meeting drop constraint if exists meeting_modality_check`);
    this.addSql(`alter table ${s}.meeting add constraint meeting_modality_check ${sqlCheckIn("modality", MODALITIES)}`);
    // A listing records no attendance: such a meeting carries no quorum figures, and cannot be given any.
    this.addSql(`alter table ${s}.meeting add constraint meeting_public_listing_check check (
      (recorded_from = 'PUBLIC_LISTING') = (record_key is not null)
      and (recorded_from = 'PUBLIC_LISTING' or (start_time_stated and type <> 'NOT_STATED' and modality <> 'NOT_STATED'))
      and (recorded_from = 'SECRETARIAT' or (present_count is null and seats_total is null and convened_at is null)))`);
    this.addSql(`alter table ${s}.agenda_item drop constraint if exists agenda_item_kind_check`);
    this.addSql(`alter table ${s}.agenda_item add constraint agenda_item_kind_check ${sqlCheckIn("kind", AGENDA_KINDS)}`);
  }
}
