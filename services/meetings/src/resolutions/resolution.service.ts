import { badInput, civilDate, conflict, findOrBadInput, loadForWrite, parseId, requireSameCouncil, sourcesInput, write, type RequestContext } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { DeliberationEntity } from "../deliberations/deliberation.entity";
import { DeliberationOutcome } from "../deliberations/deliberation.enums";
import { MeetingEntity } from "../meetings/meeting.entity";
import { MeetingStatus } from "../meetings/meeting.enums";
import { canWriteMeetings, writesMeetings } from "../meetings/meeting.policy";
import { DENIED, asRef, atMeeting, councilOfMeeting, requireSecretariatRecord, requireStatus } from "../meetings/meeting.service";
import { nextNumber } from "../numbering/numbering";
import { ResolutionEntity } from "./resolution.entity";
import { ResolutionStatus } from "./resolution.enums";
import { resolutionAdopted, resolutionChanged } from "../webhooks/meetings.events";
import type { AdoptResolutionInput, ChangeResolutionInput, ResolutionTextInput } from "./resolution.inputs";

/** Creates a resolution adopted at a held meeting, numbered in its council's series for the year. */
async function createResolution(em: EntityManager, input: ResolutionTextInput): Promise<ResolutionEntity> {
  const meeting = await em.findOne(MeetingEntity, { id: parseId(input.meetingId, "meetingId") });
  if (!meeting) throw badInput("meetingId", `No meeting with id ${JSON.stringify(input.meetingId)}.`);
  requireSecretariatRecord(meeting);
  requireStatus(meeting, [MeetingStatus.HELD], "adopt a resolution at");
  let deliberation: DeliberationEntity | null = null;
  if (input.deliberationId != null) {
    deliberation = await findOrBadInput(em, DeliberationEntity, input.deliberationId, "deliberationId");
    const decidedAt = await em.findOneOrFail(MeetingEntity, { id: deliberation.meeting.id });
    requireSameCouncil("deliberationId", meeting.councilId, decidedAt.councilId);
    if (decidedAt.id !== meeting.id) throw badInput("deliberationId", "The deliberation is not one of this meeting's.");
    if (deliberation.outcome !== DeliberationOutcome.APPROVED) throw conflict("Only an approved deliberation adopts a resolution.");
  }
  const summary = input.summary.trim();
  if (summary.length < 3 || summary.length > 2000) throw badInput("summary", '"summary" must have 3 to 2000 characters.');
  if (!input.body.trim()) throw badInput("body", '"body" is empty.');
  // Adopted on the civil date of the meeting: at 21:30 on 10 March in Contagem, 10 March (already the 11th in UTC).
  const date = input.date ?? civilDate(meeting.startsAt);
  const year = Number(date.slice(0, 4));
  return em.create(ResolutionEntity, {
    councilId: meeting.councilId,
    year,
    number: await nextNumber(em, meeting.councilId, year, "RESOLUTION"),
    date,
    summary,
    body: input.body,
    meeting,
    deliberation,
    status: ResolutionStatus.IN_FORCE,
    gazetteEdition: input.gazetteEdition ?? null,
    gazettePages: input.gazettePages?.trim() || null,
    gazetteDate: input.gazetteDate ?? null,
    sources: sourcesInput(input.sources) ?? [],
  });
}

export function adoptResolution(ctx: RequestContext, input: AdoptResolutionInput): Promise<ResolutionEntity> {
  return write(ctx, {
    action: "resolution.adopt",
    entityType: "Resolution",
    entity: ResolutionEntity,
    input,
    ...atMeeting(ctx, input.meetingId),
    run: (em) => createResolution(em, input),
    events: (resolution) => [resolutionAdopted(resolution)],
  });
}

function changeResolution(ctx: RequestContext, input: ChangeResolutionInput, change: "amend" | "revoke"): Promise<ResolutionEntity> {
  return write(ctx, {
    action: `resolution.${change}`,
    entityType: "Resolution",
    entity: ResolutionEntity,
    input,
    prepare: () => councilOfMeeting(ctx, input.meetingId),
    gate: (viewer) => writesMeetings(viewer),
    locate: async (em, { council }) => {
      if (!council) throw badInput("meetingId", `No meeting with id ${JSON.stringify(input.meetingId)}.`);
      return { record: await loadForWrite(em, ResolutionEntity, input.resolutionId, "Resolution", "resolutionId"), council: asRef(council) };
    },
    allow: (viewer, { council }) => canWriteMeetings(viewer, council),
    denied: DENIED,
    // The new resolution is adopted, and the one it changes is amended or revoked: two events, one transaction.
    events: (resolution, { record }) => [resolutionAdopted(resolution), resolutionChanged(change, record!, resolution)],
    run: async (em, { record }) => {
      const target = record!;
      const meeting = await em.findOneOrFail(MeetingEntity, { id: parseId(input.meetingId) });
      requireSameCouncil("resolutionId", meeting.councilId, target.councilId);
      if (target.status === ResolutionStatus.REVOKED) throw conflict("The resolution was revoked: it can no longer be changed.");
      const resolution = await createResolution(em, input);
      if (change === "amend") {
        resolution.amends = em.getReference(ResolutionEntity, target.id, { wrapped: true });
        target.status = ResolutionStatus.AMENDED;
      } else {
        resolution.revokes = em.getReference(ResolutionEntity, target.id, { wrapped: true });
        target.status = ResolutionStatus.REVOKED;
      }
      return resolution;
    },
  });
}

export const amendResolution = (ctx: RequestContext, input: ChangeResolutionInput) => changeResolution(ctx, input, "amend");
export const revokeResolution = (ctx: RequestContext, input: ChangeResolutionInput) => changeResolution(ctx, input, "revoke");
