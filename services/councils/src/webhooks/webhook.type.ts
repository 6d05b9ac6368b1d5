import { Field, ID, Int, ObjectType } from "type-graphql";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook.enums";

@ObjectType("WebhookSubscription", { description: "A receiver of webhook events, registered by ADMIN (ADMIN only)." })
export class WebhookSubscription {
  @Field(() => ID, { description: "The subscription's id (an integer, as a string)." })
  id: string;

  @Field({ description: "Where events are POSTed: an http(s) URL without credentials, at most 2000 characters." })
  url: string;

  @Field(() => String, { nullable: true, description: "What the receiver is, for ADMIN (at most 500 characters)." })
  description: string | null;

  @Field(() => [WebhookEventType], { description: "The event types it receives." })
  eventTypes: WebhookEventType[];

  @Field({ description: "Whether events are sent to it; a disabled subscription gets no new deliveries." })
  active: boolean;

  @Field(() => Date, {
    nullable: true,
    description: "After `rotateWebhookSecret`: until when (ISO 8601 instant) deliveries are also signed with the previous secret; null when only one secret signs.",
  })
  previousSecretExpiresAt: Date | null;

  @Field({ description: "When it was registered (ISO 8601 instant with its offset)." })
  createdAt: Date;

  @Field({ description: "When it last changed (ISO 8601 instant with its offset)." })
  updatedAt: Date;

  @Field(() => Int, { description: "Changes with every update: send it back as `expectedVersion` to updateWebhookSubscription." })
  version: number;
}

@ObjectType("WebhookDelivery", { description: "One event sent (or being sent) to one subscription (ADMIN only)." })
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's id (an integer, as a string); newer deliveries have larger ids." })
  id: string;

  @Field(() => ID, { description: "The subscription it is for." })
  subscriptionId: string;

  @Field({ description: "The event's id, the `webhook-id` header: the same on every attempt, for the receiver to deduplicate." })
  eventId: string;

  @Field(() => WebhookEventType, { description: "The event's type." })
  eventType: WebhookEventType;

  @Field(() => WebhookDeliveryStatus, { description: "Where the delivery stands; DEAD is the dead letter." })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: "Attempts made so far (0 before the first)." })
  attempts: number;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the last answer; null when there was none (refused, timeout)." })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed (at most 500 characters); null after a success." })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due (ISO 8601 instant); null once SUCCEEDED or DEAD." })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the receiver accepted it (ISO 8601 instant); null until then." })
  deliveredAt: Date | null;

  @Field({ description: "When the event was queued for this subscription (ISO 8601 instant with its offset)." })
  createdAt: Date;
}
