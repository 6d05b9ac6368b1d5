import { Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { WebhookEventType } from "./webhook.enums";

@InputType({ description: "A new webhook receiver (ADMIN)." })
export class CreateWebhookSubscriptionInput {
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

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Changes to a webhook receiver (ADMIN); omitted fields keep their values." })
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { description: "The subscription; unknown: NOT_FOUND." })
  id: string;

  @Field(() => Int, { description: "The subscription's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

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
