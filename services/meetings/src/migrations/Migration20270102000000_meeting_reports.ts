import { Migration } from "@mikro-orm/migrations";

/** A held meeting's recording (URL) and closing report (Markdown), published by its secretariat. */
export class Migration20270102000000_meeting_reports extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`alter table ${s}.meeting add column recording_url text, add column closing_report text`);
  }
}
