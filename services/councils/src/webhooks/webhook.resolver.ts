import { badInput, forbidden, parseId, unauthenticated, type RequestContext } from "@contagem/schema";
import { Arg, Ctx, Directive, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { WebhookSubscriptionEntity } from "./webhook-subscription.entity";
import { fromWireName, WebhookDeliveryStatus } from "./webhook.enums";
import { CreateWebhookSubscriptionInput, RedeliverWebhookDeliveriesInput, RotateWebhookSecretInput, UpdateWebhookSubscriptionInput } from "./webhook.inputs";
import { canManageWebhooks } from "./webhook.policy";
import { createWebhookSubscription, redeliverWebhookDeliveries, rotateWebhookSecret, updateWebhookSubscription } from "./webhook.service";
import { WebhookDelivery, WebhookSubscription } from "./webhook.type";

@ObjectType({ description: "The result of `createWebhookSubscription`." })
export class CreateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { description: "The subscription registered." })
  subscription: WebhookSubscription;

  @Field({ description: "The signing secret (`whsec_…`, Standard Webhooks): give it to the receiver to verify signatures. Shown only here (and on a replay of the same idempotency key)." })
  secret: string;
}

@ObjectType({ description: "The result of `updateWebhookSubscription`." })
export class UpdateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { description: "The subscription as changed." })
  subscription: WebhookSubscription;
}

@ObjectType({ description: "The result of `rotateWebhookSecret`." })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookSubscription, { description: "The subscription, with `previousSecretExpiresAt` telling until when the old secret still signs." })
  subscription: WebhookSubscription;

  @Field({ description: "The new signing secret (`whsec_…`): give it to the receiver. Shown only here (and on a replay of the same idempotency key)." })
  secret: string;
}

@ObjectType({ description: "The result of `redeliverWebhookDeliveries`." })
export class RedeliverWebhookDeliveriesPayload {
  @Field(() => WebhookSubscription, { description: "The subscription whose deliveries were requeued." })
  subscription: WebhookSubscription;

  @Field(() => Int, { description: "How many deliveries were put back in line (0 on a replay of the same idempotency key)." })
  requeued: number;
}

interface DeliveryRow {
  id: string;
  subscription_id: number;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

export const toSubscription = (entity: WebhookSubscriptionEntity): WebhookSubscription => ({
  id: String(entity.id),
  url: entity.url,
  description: entity.description ?? null,
  eventTypes: entity.eventTypes.map(fromWireName),
  active: entity.active,
  previousSecretExpiresAt: entity.previousSecretExpiresAt && entity.previousSecretExpiresAt > new Date() ? entity.previousSecretExpiresAt : null,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
  version: entity.version,
});

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: String(row.id),
  subscriptionId: String(row.subscription_id),
  eventId: row.event_id,
  eventType: fromWireName(row.event_type),
  status: row.status,
  attempts: row.attempts,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at && new Date(row.next_attempt_at),
  deliveredAt: row.delivered_at && new Date(row.delivered_at),
  createdAt: new Date(row.created_at),
});

function requireAdmin(ctx: RequestContext): void {
  if (!ctx.viewer) throw unauthenticated();
  if (!canManageWebhooks(ctx.viewer)) throw forbidden("Only ADMIN may read webhook subscriptions and deliveries.");
}

/** ADMIN's view of the webhooks: few subscriptions (a list), and the latest deliveries, dead letters first to find. */
@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookSubscription], { nullable: true, description: "Every webhook subscription, oldest first (ADMIN; without a token: UNAUTHENTICATED; otherwise FORBIDDEN)." })
  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  async webhookSubscriptions(@Ctx() ctx: RequestContext): Promise<WebhookSubscription[]> {
    requireAdmin(ctx);
    const rows = await ctx.em.find(WebhookSubscriptionEntity, {}, { orderBy: { id: "asc" }, limit: 1000 });
    return rows.map(toSubscription);
  }

  @Query(() => [WebhookDelivery], { nullable: true, description: "The latest webhook deliveries, newest first, with their status, attempts, last error and next attempt (ADMIN; without a token: UNAUTHENTICATED; otherwise FORBIDDEN)." })
  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  async webhookDeliveries(
    @Arg("subscriptionId", () => ID, { nullable: true, description: "Only this subscription's deliveries; not an id: BAD_USER_INPUT." }) subscriptionId: string | undefined,
    @Arg("status", () => WebhookDeliveryStatus, { nullable: true, description: "Only deliveries in this status (DEAD: the dead letters)." }) status: WebhookDeliveryStatus | undefined,
    @Arg("first", () => Int, { defaultValue: 50, description: "How many, 1 to 100." }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDelivery[]> {
    requireAdmin(ctx);
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput("first", '"first" must be 1 to 100.');
    const where: string[] = [];
    const params: unknown[] = [];
    if (subscriptionId != null) {
      where.push("subscription_id = ?");
      params.push(parseId(subscriptionId, "subscriptionId"));
    }
    if (status != null) {
      where.push("status = ?");
      params.push(status);
    }
    const schema = ctx.em.config.get("schema");
    const rows = await ctx.em.execute<DeliveryRow[]>(
      `select id, subscription_id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at, delivered_at, created_at
       from "${schema}".webhook_delivery ${where.length ? `where ${where.join(" and ")}` : ""} order by id desc limit ${first}`,
      params,
    );
    return rows.map(toDelivery);
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => CreateWebhookSubscriptionPayload, { description: "Registers a webhook receiver and returns its signing secret (ADMIN)." })
  async createWebhookSubscription(@Arg("input") input: CreateWebhookSubscriptionInput, @Ctx() ctx: RequestContext) {
    const entity = await createWebhookSubscription(ctx, input);
    return { subscription: toSubscription(entity), secret: entity.secret };
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => UpdateWebhookSubscriptionPayload, { description: "Changes a webhook receiver: its URL, event types, description, or whether it is active (ADMIN)." })
  async updateWebhookSubscription(@Arg("input") input: UpdateWebhookSubscriptionInput, @Ctx() ctx: RequestContext) {
    return { subscription: toSubscription(await updateWebhookSubscription(ctx, input)) };
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => RedeliverWebhookDeliveriesPayload, { description: "Sends a subscription's dead letters (DEAD deliveries), or the deliveries named, again, each from its first attempt and with its original `webhook-id` (ADMIN)." })
  async redeliverWebhookDeliveries(@Arg("input") input: RedeliverWebhookDeliveriesInput, @Ctx() ctx: RequestContext) {
    const { subscription, requeued } = await redeliverWebhookDeliveries(ctx, input);
    return { subscription: toSubscription(subscription), requeued };
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => RotateWebhookSecretPayload, { description: "Gives a subscription a new signing secret; the previous one keeps signing beside it for `overlapHours` (ADMIN)." })
  async rotateWebhookSecret(@Arg("input") input: RotateWebhookSecretInput, @Ctx() ctx: RequestContext) {
    const entity = await rotateWebhookSecret(ctx, input);
    return { subscription: toSubscription(entity), secret: entity.secret };
  }
}
