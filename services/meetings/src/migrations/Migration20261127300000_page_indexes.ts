import { Migration } from "@mikro-orm/migrations";

/** Indexes in the exact order the council's lists page by (year, number, id), so each page is an index range. */
export class Migration20261127300000_page_indexes extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`drop index if exists ${s}.minutes_council_idx`);
    this.addSql(`create index minutes_council_page_idx on ${s}.minutes (council_id, year desc, number desc, id desc)`);
    this.addSql(`drop index if exists ${s}.resolution_council_idx`);
    this.addSql(`create index resolution_council_page_idx on ${s}.resolution (council_id, year desc, number desc, id desc)`);
    this.addSql(`create index attendance_meeting_seat_idx on ${s}.attendance (meeting_id, seat_id, id)`);
    this.addSql(`create index minutes_version_minutes_idx on ${s}.minutes_version (minutes_id, number)`);
  }
}
