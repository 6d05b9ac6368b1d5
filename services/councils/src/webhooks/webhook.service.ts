import { badInput, conflict, loadForWrite, write, type RequestContext } from "@contagem/schema";
import { randomBytes } from "node:crypto";
import { WebhookSubscriptionEntity } from "./webhook-subscription.entity";
import { wireName, type WebhookEventType } from "./webhook.enums";
import type { CreateWebhookSubscriptionInput, RedeliverWebhookDeliveriesInput, UpdateWebhookSubscriptionInput } from "./webhook.inputs";
import { canManageWebhooks } from "./webhook.policy";
import { checkReceiverUrl } from "./webhook.url";

const DENIED = "Only ADMIN may manage webhook subscriptions.";

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64 (the library's format). */
export const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

function checkEventTypes(types: WebhookEventType[]): string[] {
  if (types.length === 0) throw badInput("eventTypes", '"eventTypes" must name at least one event type.');
  if (new Set(types).size !== types.length) throw badInput("eventTypes", '"eventTypes" names an event type twice.');
  return types.map(wireName);
}

function checkDescription(value: string | null | undefined): string | null {
  const text = value?.trim() || null;
  if (text && text.length > 500) throw badInput("description", '"description" must have at most 500 characters.');
  return text;
}

const adminOnly = {
  gate: canManageWebhooks,
  allow: canManageWebhooks,
  denied: DENIED,
  entityType: "WebhookSubscription",
  entity: WebhookSubscriptionEntity,
};

export function createWebhookSubscription(ctx: RequestContext, input: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionEntity> {
  return write(ctx, {
    ...adminOnly,
    action: "webhook-subscription.create",
    input,
    run: async (em) =>
      em.create(WebhookSubscriptionEntity, {
        url: checkReceiverUrl(input.url),
        eventTypes: checkEventTypes(input.eventTypes),
        description: checkDescription(input.description),
        secret: newSecret(),
      }),
  });
}

export function updateWebhookSubscription(ctx: RequestContext, input: UpdateWebhookSubscriptionInput): Promise<WebhookSubscriptionEntity> {
  return write(ctx, {
    ...adminOnly,
    action: "webhook-subscription.update",
    input,
    locate: async (em) => ({ record: await loadForWrite(em, WebhookSubscriptionEntity, input.id, "WebhookSubscription") }),
    run: async (em, { record }) => {
      const subscription = record!;
      if (input.url != null) subscription.url = checkReceiverUrl(input.url);
      if (input.eventTypes != null) subscription.eventTypes = checkEventTypes(input.eventTypes);
      if (input.description !== undefined) subscription.description = checkDescription(input.description);
      if (input.active != null) subscription.active = input.active;
      return subscription;
    },
  });
}

/**
 * Puts a subscription's dead letters back in line: each starts again from attempt 0, with the same event id (the
 * receiver deduplicates as always). The worker enqueues them on its next pass (`requeue`): the subgraph does not
 * talk to the queue. Returns the subscription and how many deliveries were requeued.
 */
export async function redeliverWebhookDeliveries(ctx: RequestContext, input: RedeliverWebhookDeliveriesInput): Promise<{ subscription: WebhookSubscriptionEntity; requeued: number }> {
  let requeued = 0;
  const subscription = await write(ctx, {
    ...adminOnly,
    action: "webhook-subscription.redeliver",
    input,
    locate: async (em) => ({ record: await loadForWrite(em, WebhookSubscriptionEntity, input.subscriptionId, "WebhookSubscription", "subscriptionId") }),
    run: async (em, { record }) => {
      if (!record!.active) throw conflict("The subscription is disabled: enable it before redelivering.");
      const rows = await em.execute<{ id: string }[]>(
        `update "${em.config.get("schema")}".webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), requeue = true, updated_at = now()
          where subscription_id = ? and status = 'DEAD' returning id`,
        [record!.id],
      );
      requeued = rows.length;
      return record!;
    },
  });
  return { subscription, requeued };
}
