import { Migration } from "@mikro-orm/migrations";

/** A mandate's attendance and votes page by (mandate, id desc): each page an index range. */
export class Migration20261230000000_mandate_records extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`create index attendance_mandate_page_idx on ${s}.attendance (mandate_id, id desc)`);
    this.addSql(`create index attendance_substitute_idx on ${s}.attendance (substitute_mandate_id) where substitute_mandate_id is not null`);
    this.addSql(`create index vote_mandate_page_idx on ${s}.vote (mandate_id, id desc)`);
  }
}
