import { Migration } from "@mikro-orm/migrations";

/**
 * Webhook secret rotation: after `rotateWebhookSecret` the previous secret keeps signing (beside the new one, as
 * Standard Webhooks allows several signatures in `webhook-signature`) until `previous_secret_expires_at`, so a
 * receiver can switch to the new secret without losing a delivery.
 */
export class Migration20270106000000_webhook_secret_rotation extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    this.addSql(`alter table ${s}.webhook_subscription add column previous_secret text, add column previous_secret_expires_at timestamptz,
      add constraint webhook_subscription_previous_secret_check check ((previous_secret is null) = (previous_secret_expires_at is null))`);
  }
}
