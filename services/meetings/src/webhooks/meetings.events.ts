import { globalId, type OutboxEvent } from "@contagem/schema";
import type { MeetingEntity } from "../meetings/meeting.entity";
import type { MinutesEntity } from "../minutes/minutes.entity";
import type { ResolutionEntity } from "../resolutions/resolution.entity";

/**
 * The webhook events of the meetings subgraph, each a small snapshot of public fields only: global ids, statuses,
 * dates, numbers. Names of people, texts and reasons stay out (a reason may name someone); a receiver asks the
 * graph for more by the ids.
 */
export function meetingEvent(type: "meeting.scheduled" | "meeting.cancelled" | "meeting.held", meeting: MeetingEntity): OutboxEvent {
  return {
    type,
    data: {
      id: globalId("Meeting", meeting.id),
      council: globalId("Council", meeting.councilId),
      type: meeting.type,
      status: meeting.status,
      startsAt: meeting.startsAt.toISOString(),
    },
  };
}

export function minutesPublished(minutes: MinutesEntity): OutboxEvent {
  return {
    type: "minutes.published",
    data: {
      id: globalId("Minutes", minutes.id),
      council: globalId("Council", minutes.councilId),
      meeting: globalId("Meeting", minutes.meeting.id),
      number: minutes.number,
      year: minutes.year,
      version: minutes.currentVersion,
      gazetteEdition: minutes.gazetteEdition ?? null,
      gazetteDate: minutes.gazetteDate ?? null,
    },
  };
}

const resolutionData = (resolution: ResolutionEntity) => ({
  id: globalId("Resolution", resolution.id),
  council: globalId("Council", resolution.councilId),
  number: resolution.number,
  year: resolution.year,
  date: resolution.date,
  status: resolution.status,
});

export const resolutionAdopted = (resolution: ResolutionEntity): OutboxEvent => ({
  type: "resolution.adopted",
  data: { ...resolutionData(resolution), meeting: globalId("Meeting", resolution.meeting.id) },
});

/** The amended or revoked resolution, and the new one that amends or revokes it. */
export const resolutionChanged = (change: "amend" | "revoke", target: ResolutionEntity, by: ResolutionEntity): OutboxEvent => ({
  type: change === "amend" ? "resolution.amended" : "resolution.revoked",
  data: { ...resolutionData(target), [change === "amend" ? "amendedBy" : "revokedBy"]: globalId("Resolution", by.id) },
});
