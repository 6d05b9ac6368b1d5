import { badInput, loadForWrite, write, type RequestContext } from "@contagem/schema";
import { randomBytes } from "node:crypto";
import { WebhookSubscriptionEntity } from "./webhook-subscription.entity";
import { wireName, type WebhookEventType } from "./webhook.enums";
import type { CreateWebhookSubscriptionInput, UpdateWebhookSubscriptionInput } from "./webhook.inputs";
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
