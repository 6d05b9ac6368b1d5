import { Migration } from "@mikro-orm/migrations";

/**
 * Counts and rules only where they are known (issue 11): a process of the public record states no minimum age, and
 * the options of its vote no supports — null, not the product's default of 16 or a count of 0. The seed sets them.
 */
export class Migration20261217100000_stated_counts extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`alter table ${s}.process alter column minimum_age drop not null`);
    this.addSql(`alter table ${s}.process add constraint process_minimum_age_stated_check check (minimum_age is not null or record_key is not null)`);
    this.addSql(`alter table ${s}.proposal alter column support_count drop not null`);
    this.addSql(`alter table ${s}.proposal add constraint proposal_support_count_known_check check (support_count is not null or author_id is null)`);
  }
}
