import { Migration } from "@mikro-orm/migrations";

/** Works reached from the deliberation that decided them, a page at a time; why a proposal left the running. */
export class Migration20261201100000_integrity extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`create index intervention_deliberation_page_idx on ${s}.intervention (deliberation_id, year desc, id desc)`);
    this.addSql(`alter table ${s}.proposal add column status_reason text`);
    this.addSql(`alter table ${s}.proposal add constraint proposal_status_reason_check
      check (status <> 'WITHDRAWN' or status_reason is not null)`);
  }
}
