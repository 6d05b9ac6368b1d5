import { OutboxMigration } from "@contagem/schema";

/** The outbox of this subgraph's webhook events (see OutboxMigration). */
export class Migration20261231000000_webhook_outbox extends OutboxMigration {}
