import { Doc, LongText } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { WebhookEventType } from "./webhook.enums";

@InputType({ description: "A new webhook receiver (ADMIN)." })
export class CreateWebhookSubscriptionInput {
  @LongText("URL")
  @Field({ description: "Where events are POSTed: http or https, no user or password in it, no fragment, at most 2000 characters; otherwise BAD_USER_INPUT. Private and loopback addresses are refused at delivery time unless the deployment allows them (WEBHOOK_ALLOW_PRIVATE_HOSTS)." })
  url: string;

  @Field(() => [WebhookEventType], { description: "The event types to receive: at least one, each once." })
  eventTypes: WebhookEventType[];

  @Field(() => String, { nullable: true, description: "What the receiver is, for ADMIN (at most 500 characters)." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Sends a subscription's dead letters again (ADMIN), e.g. once its receiver is fixed." })
export class RedeliverWebhookDeliveriesInput {
  @Field(() => ID, { description: "The subscription; unknown: NOT_FOUND. Disabled: CONFLICT (enable it first)." })
  subscriptionId: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Only these deliveries of the subscription, 1 to 100 ids (from `webhookDeliveries`), DEAD or SUCCEEDED (a receiver that lost " +
      "what it had accepted gets it again, with the same `webhook-id`); deliveries still PENDING or RETRYING are already in line and " +
      "are left as they are. An id that is not one of this subscription's deliveries: BAD_USER_INPUT. Omitted: every DEAD delivery.",
  })
  deliveryIds?: string[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Changes to a webhook receiver (ADMIN); omitted fields keep their values." })
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { description: "The subscription; unknown: NOT_FOUND." })
  id: string;

  @Field(() => Int, { description: "The subscription's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

  @LongText("URL")
  @Field(() => String, { nullable: true, description: "A new receiver URL, under the same rules as on creation." })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: "The new set of event types: at least one, each once." })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true, description: "A new description (at most 500 characters); empty clears it." })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: "false disables the subscription (no new deliveries; pending ones end DEAD), true enables it again." })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Replaces a subscription's signing secret (ADMIN), keeping the old one valid for a while." })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: "The subscription; unknown: NOT_FOUND." })
  subscriptionId: string;

  @Field(() => Int, { description: "The subscription's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

  @Field(() => Int, {
    defaultValue: 24,
    description:
      "Hours, 0 to 168, during which every delivery is signed with both the new and the previous secret (two `v1,…` signatures in " +
      "`webhook-signature`, as Standard Webhooks allows), so the receiver can switch secrets without rejecting one; 0 drops the " +
      "previous secret at once. Outside 0–168: BAD_USER_INPUT.",
  })
  overlapHours: number;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
