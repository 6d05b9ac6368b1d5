import { Migration } from "@mikro-orm/migrations";

/** ADMIN's reason for a term longer than its council's rule. */
export class Migration20261201000000_integrity extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`alter table ${s}.term add column length_override_reason text`);
  }
}
