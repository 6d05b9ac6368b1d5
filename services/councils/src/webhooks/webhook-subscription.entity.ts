import { Entity, Property, type Opt } from "@mikro-orm/core";
import { BaseEntity } from "@contagem/schema";

/** A receiver registered by ADMIN: where events go, which ones, and the secret that signs them. */
@Entity({ tableName: "webhook_subscription" })
export class WebhookSubscriptionEntity extends BaseEntity {
  @Property({ type: "text" })
  url!: string;

  @Property({ type: "text", nullable: true })
  description?: string | null;

  /** Wire names (`minutes.published`), as the outbox writes them. */
  @Property({ type: "text[]" })
  eventTypes!: string[];

  /** The Standard Webhooks signing secret (`whsec_` + base64): shown to ADMIN once, on creation. */
  @Property({ type: "text", hidden: true })
  secret!: string;

  /** After a rotation: the secret that also signs until `previousSecretExpiresAt` (both null otherwise). */
  @Property({ type: "text", nullable: true, hidden: true })
  previousSecret?: string | null;

  @Property({ type: "timestamptz", nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Property()
  active: Opt<boolean> = true;
}
