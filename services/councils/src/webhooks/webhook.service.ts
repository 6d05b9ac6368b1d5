import { badInput, conflict, loadForWrite, parseId, write, type RequestContext } from "@contagem/schema";
import { randomBytes } from "node:crypto";
import { WebhookSubscriptionEntity } from "./webhook-subscription.entity";
import { wireName, type WebhookEventType } from "./webhook.enums";
import type { CreateWebhookSubscriptionInput, RedeliverWebhookDeliveriesInput, RotateWebhookSecretInput, UpdateWebhookSubscriptionInput } from "./webhook.inputs";
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

/** At most this many deliveries named in one `redeliverWebhookDeliveries`. */
export const MAX_REDELIVERIES = 100;
/** The longest overlap of two secrets after a rotation, in hours (a week). */
export const MAX_OVERLAP_HOURS = 168;

function checkDeliveryIds(ids: string[]): number[] {
  if (ids.length === 0 || ids.length > MAX_REDELIVERIES) {
    throw badInput("deliveryIds", `"deliveryIds" must name 1 to ${MAX_REDELIVERIES} deliveries.`);
  }
  return [...new Set(ids.map((id) => parseId(id, "deliveryIds")))];
}

/**
 * Puts deliveries back in line: a subscription's dead letters, or the DEAD or SUCCEEDED deliveries named. Each starts
 * again from attempt 0, with the same event id (the receiver deduplicates as always). The worker enqueues them on its
 * next pass (`requeue`): the subgraph does not talk to the queue. Returns the subscription and how many were requeued.
 */
export async function redeliverWebhookDeliveries(ctx: RequestContext, input: RedeliverWebhookDeliveriesInput): Promise<{ subscription: WebhookSubscriptionEntity; requeued: number }> {
  let requeued = 0;
  const named = input.deliveryIds == null ? null : checkDeliveryIds(input.deliveryIds);
  const subscription = await write(ctx, {
    ...adminOnly,
    action: "webhook-subscription.redeliver",
    input,
    locate: async (em) => ({ record: await loadForWrite(em, WebhookSubscriptionEntity, input.subscriptionId, "WebhookSubscription", "subscriptionId") }),
    run: async (em, { record }) => {
      if (!record!.active) throw conflict("The subscription is disabled: enable it before redelivering.");
      const table = `"${em.config.get("schema")}".webhook_delivery`;
      const list = named?.map(() => "?").join(", ");
      if (named) {
        const [{ found }] = await em.execute<{ found: string }[]>(
          `select count(*) as found from ${table} where subscription_id = ? and id in (${list})`,
          [record!.id, ...named],
        );
        if (Number(found) !== named.length) {
          throw badInput("deliveryIds", `"deliveryIds" names ${named.length - Number(found)} delivery(ies) that are not this subscription's.`);
        }
      }
      const rows = await em.execute<{ id: string }[]>(
        `update ${table} set status = 'PENDING', attempts = 0, next_attempt_at = now(), requeue = true, updated_at = now()
          where subscription_id = ? and ${named ? `id in (${list}) and status in ('DEAD', 'SUCCEEDED')` : "status = 'DEAD'"} returning id`,
        named ? [record!.id, ...named] : [record!.id],
      );
      requeued = rows.length;
      return record!;
    },
  });
  return { subscription, requeued };
}

/**
 * A new signing secret for a subscription. For `overlapHours` the previous one keeps signing beside it (every
 * delivery carries both signatures), so a receiver that still has the old secret verifies until it switches.
 * The new secret is returned once, like on creation.
 */
export function rotateWebhookSecret(ctx: RequestContext, input: RotateWebhookSecretInput): Promise<WebhookSubscriptionEntity> {
  const hours = input.overlapHours;
  if (!Number.isInteger(hours) || hours < 0 || hours > MAX_OVERLAP_HOURS) {
    throw badInput("overlapHours", `"overlapHours" must be a whole number of hours from 0 to ${MAX_OVERLAP_HOURS}.`);
  }
  return write(ctx, {
    ...adminOnly,
    action: "webhook-subscription.rotate-secret",
    input,
    locate: async (em) => ({ record: await loadForWrite(em, WebhookSubscriptionEntity, input.subscriptionId, "WebhookSubscription", "subscriptionId") }),
    run: async (_em, { record }) => {
      const subscription = record!;
      const [previous, until] = hours > 0 ? [subscription.secret, new Date(Date.now() + hours * 3_600_000)] : [null, null];
      subscription.previousSecret = previous;
      subscription.previousSecretExpiresAt = until;
      subscription.secret = newSecret();
      return subscription;
    },
  });
}
