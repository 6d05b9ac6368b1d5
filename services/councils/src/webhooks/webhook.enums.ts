import { WEBHOOK_EVENT_TYPES, type WebhookEventType as WireType } from "@contagem/schema";
import { registerEnumType } from "type-graphql";

/** The GraphQL spelling of each event type; on the wire (the payload's `type`) it is the dotted name. */
export enum WebhookEventType {
  MINUTES_PUBLISHED = "MINUTES_PUBLISHED",
  RESOLUTION_ADOPTED = "RESOLUTION_ADOPTED",
  RESOLUTION_AMENDED = "RESOLUTION_AMENDED",
  RESOLUTION_REVOKED = "RESOLUTION_REVOKED",
  MEETING_SCHEDULED = "MEETING_SCHEDULED",
  MEETING_CANCELLED = "MEETING_CANCELLED",
  MEETING_HELD = "MEETING_HELD",
  PROCESS_RESULTS_PUBLISHED = "PROCESS_RESULTS_PUBLISHED",
}

export const wireName = (type: WebhookEventType): WireType => type.toLowerCase().replace("_", ".") as WireType;
export const fromWireName = (name: string): WebhookEventType => name.replace(".", "_").toUpperCase() as WebhookEventType;

// Every wire name has its enum value, and back: a new outbox event type fails here, at start, until it is added.
for (const name of WEBHOOK_EVENT_TYPES) {
  if (wireName(fromWireName(name)) !== name || !(fromWireName(name) in WebhookEventType)) throw new Error(`No WebhookEventType for ${name}`);
}

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  RETRYING = "RETRYING",
  SUCCEEDED = "SUCCEEDED",
  DEAD = "DEAD",
}

registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description: "An event a webhook subscription can receive; the payload's `type` is its dotted wire name.",
  valuesConfig: {
    MINUTES_PUBLISHED: { description: "`minutes.published`: minutes (an ata) were published in the official gazette." },
    RESOLUTION_ADOPTED: { description: "`resolution.adopted`: a council adopted a resolution (also sent for one that amends or revokes another)." },
    RESOLUTION_AMENDED: { description: "`resolution.amended`: a resolution was amended by a newer one (`data.amendedBy`)." },
    RESOLUTION_REVOKED: { description: "`resolution.revoked`: a resolution was revoked by a newer one (`data.revokedBy`)." },
    MEETING_SCHEDULED: { description: "`meeting.scheduled`: a meeting was scheduled." },
    MEETING_CANCELLED: { description: "`meeting.cancelled`: a meeting was cancelled (a postponement is not a cancellation)." },
    MEETING_HELD: { description: "`meeting.held`: a convened meeting was held (its attendance list was recorded)." },
    PROCESS_RESULTS_PUBLISHED: {
      description: "`process.results_published`: a participatory process's results stand (an election's official results were recorded, or the process closed).",
    },
  },
});

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Waiting for its first attempt." },
    RETRYING: { description: "An attempt failed; the next one is at `nextAttemptAt` (exponential backoff)." },
    SUCCEEDED: { description: "The receiver answered 2xx." },
    DEAD: { description: "Dead letter: every attempt failed (or the subscription was disabled before delivery); not retried." },
  },
});
