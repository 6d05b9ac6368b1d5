import { badInput, civilDate, StringLimit, civilYear, conflict, loadForWrite, MANDATE, optionalFact, parseId, recordRemovals, RemovalReason, replaceSources, requireSameCouncil, requireSecretariatRecord, sourcesInput, startOfCivilYear, TERRITORY, tryParseId, write, type CouncilRef, type RequestContext, type Viewer, checkPlace } from "@contagem/schema";
import { requiredNoticeHours as noticeHoursOf } from "@contagem/rules";
import type { EntityManager } from "@mikro-orm/postgresql";
import { councilFacts, requireCouncil, termAt, type CouncilFacts } from "../directory/council-directory";
import { agendaMinutes, requireAgendaMinutes, type AgendaMinutes } from "./agenda-minutes";
import { AgendaItemEntity, MeetingEntity } from "./meeting.entity";
import { MeetingStatus, MeetingType, Modality, RecordProvenance } from "./meeting.enums";
import type { AgendaItemInput, CancelMeetingInput, ConveneMeetingInput, RecordMeetingReportInput, ScheduleMeetingInput, UpdateMeetingInput } from "./meeting.inputs";
import { canWriteMeetings, writesMeetings } from "./meeting.policy";
import { meetingEvent } from "../webhooks/meetings.events";
import { checkAgenda, checkText, checkTimes, checkUrl, checkVenue, type CheckedAgendaItem } from "./meeting.validation";

export const DENIED = "Only ADMIN or a SECRETARY of this council may do this.";

const ORDINAL_TYPE: Record<MeetingType, string> = {
  ORDINARY: "Reunião Ordinária",
  EXTRAORDINARY: "Reunião Extraordinária",
  PUBLIC_HEARING: "Audiência Pública",
  TERRITORIAL_PLENARY: "Plenária Territorial",
  COMMISSION: "Reunião de Comissão",
  INAUGURAL: "Reunião de Posse",
  BOARD: "Reunião da Mesa Diretora",
  NOT_STATED: "Reunião",
};

/** One check for every subgraph that writes around meetings (shared with participation). */
export { requireSecretariatRecord };

/** NOT_STATED says what a public listing left out; a secretariat states the type and modality of its meetings. */
function requireStated(type: MeetingType | null | undefined, modality: Modality | null | undefined): void {
  if (type === MeetingType.NOT_STATED) throw badInput("type", '"type" NOT_STATED is only for meetings recorded from a public listing.');
  if (modality === Modality.NOT_STATED) throw badInput("modality", '"modality" NOT_STATED is only for meetings recorded from a public listing.');
}

/**
 * The council behind an existing meeting, read before the transaction (its facts come from another service), with
 * the other facts the write needs from peers (`more`), asked in the same tick: one request per peer.
 */
export async function councilOfMeeting<M extends object = object>(
  ctx: RequestContext,
  meetingId: string,
  more?: () => Promise<M>,
  field = "meetingId",
): Promise<{ council: CouncilFacts | null } & Partial<M>> {
  const id = tryParseId(meetingId);
  if (id === null) parseId(meetingId, field);
  const meeting = await ctx.em.fork().findOne(MeetingEntity, { id: id! }, { fields: ["councilId"] });
  const [council, facts] = await Promise.all([meeting ? councilFacts(ctx, meeting.councilId) : null, more?.()]);
  return { council, ...(facts as Partial<M>) };
}

type Prepared = { council: CouncilFacts | null };

/** The steps shared by writes on an existing meeting: its council from the directory, the record locked, the policy. */
export function onMeeting<M extends object = object>(ctx: RequestContext, meetingId: string, more?: () => Promise<M>) {
  return {
    entityType: "Meeting",
    entity: MeetingEntity,
    prepare: () => councilOfMeeting(ctx, meetingId, more),
    gate: (viewer: Viewer) => writesMeetings(viewer),
    locate: async (em: EntityManager, { council }: Prepared) => {
      const record = await loadForWrite(em, MeetingEntity, meetingId, "Meeting", "meetingId");
      requireSecretariatRecord(record);
      return { record, council: asRef(council) };
    },
    allow: (viewer: Viewer, { council }: { council?: CouncilRef | null }) => canWriteMeetings(viewer, council),
    denied: DENIED,
  };
}

/** The steps shared by writes that add to an existing meeting (a deliberation, its minutes, a resolution). */
export function atMeeting<M extends object = object>(ctx: RequestContext, meetingId: string, more?: () => Promise<M>) {
  return {
    prepare: () => councilOfMeeting(ctx, meetingId, more),
    gate: (viewer: Viewer) => writesMeetings(viewer),
    locate: async (em: EntityManager, { council }: Prepared) => {
      const meeting = await em.findOne(MeetingEntity, { id: parseId(meetingId, "meetingId") });
      if (!meeting) throw badInput("meetingId", `No meeting with id ${JSON.stringify(meetingId)}.`);
      requireSecretariatRecord(meeting);
      return { council: asRef(council) };
    },
    allow: (viewer: Viewer, { council }: { council?: CouncilRef | null }) => canWriteMeetings(viewer, council),
    denied: DENIED,
  };
}

export const asRef = (council: CouncilFacts | null | undefined) => (council ? { id: council.id, slug: council.slug } : null);

/** Refuses a transition from a state that does not allow it, naming both. */
export function requireStatus(meeting: MeetingEntity, allowed: MeetingStatus[], action: string): void {
  if (!allowed.includes(meeting.status)) {
    throw conflict(`Cannot ${action} a meeting that is ${meeting.status}; it must be ${allowed.join(" or ")}.`, {
      status: meeting.status,
    });
  }
}

/** The agenda, each item naming only minutes of the meeting's own council that the viewer can see. */
const agendaOf = (input: AgendaItemInput[], councilId: number, minutes: AgendaMinutes) =>
  checkAgenda(input, (field, id) => requireAgendaMinutes(minutes, councilId, field, id));

async function replaceAgenda(ctx: RequestContext, em: EntityManager, meeting: MeetingEntity, items: CheckedAgendaItem[]): Promise<void> {
  const old = meeting.agenda.getItems();
  // A flush writes inserts before deletes: the old items go first, or the new ones collide on (meeting, position).
  if (old.length) {
    await recordRemovals(em, ctx, "AgendaItem", old.map((item) => item.id), RemovalReason.DELETED);
    em.remove(old);
    await em.flush();
  }
  for (const item of items) em.create(AgendaItemEntity, { meeting, ...item });
}

/** "2ª Reunião Ordinária de 2026": the meetings of its type before it in its civil year (Contagem's, not UTC's). */
async function defaultLabel(em: EntityManager, councilId: number, type: MeetingType, startsAt: Date): Promise<string> {
  const year = civilYear(startsAt);
  const count = await em.count(MeetingEntity, {
    councilId,
    type,
    status: { $ne: MeetingStatus.CANCELLED },
    recordedFrom: RecordProvenance.SECRETARIAT,
    startsAt: { $gte: startOfCivilYear(year), $lt: startsAt },
  });
  return `${count + 1}ª ${ORDINAL_TYPE[type]} de ${year}`;
}

export function scheduleMeeting(ctx: RequestContext, input: ScheduleMeetingInput): Promise<MeetingEntity> {
  const councilId = parseId(input.councilId, "councilId");
  return write(ctx, {
    action: "meeting.schedule",
    entityType: "Meeting",
    entity: MeetingEntity,
    input,
    events: (meeting) => [meetingEvent("meeting.scheduled", meeting)],
    prepare: async () => {
      const [council, territory, term, minutes] = await Promise.all([
        requireCouncil(ctx, input.councilId),
        optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
        termAt(ctx, councilId, civilDate(input.startsAt)),
        agendaMinutes(ctx, input.agenda),
      ]);
      return { council, territoryId: territory?.id ?? null, termId: term?.id ?? null, minutes };
    },
    gate: (viewer) => writesMeetings(viewer),
    locate: async (_em, { council }) => ({ council: asRef(council) }),
    allow: (viewer, { council }) => canWriteMeetings(viewer, council),
    denied: DENIED,
    run: async (em, _located, { termId, territoryId, minutes }) => {
      requireStated(input.type, input.modality);
      checkTimes(input.startsAt, input.endsAt);
      const onlineUrl = checkUrl(input.onlineUrl, "onlineUrl");
      const location = input.location ? checkPlace(input.location, "location", ctx.settings) : null;
      checkVenue(input.modality, input.place, onlineUrl, location);
      const agenda = agendaOf(input.agenda ?? [], councilId, minutes);
      const meeting = em.create(MeetingEntity, {
        councilId,
        termId,
        type: input.type,
        sequenceLabel: input.sequenceLabel
          ? checkText(input.sequenceLabel, "sequenceLabel", 3, 200)
          : await defaultLabel(em, councilId, input.type, input.startsAt),
        status: MeetingStatus.SCHEDULED,
        modality: input.modality,
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        place: input.place?.trim() || null,
        location,
        onlineUrl,
        territoryId,
        sources: sourcesInput(input.sources) ?? [],
      });
      await replaceAgenda(ctx, em, meeting, agenda);
      return meeting;
    },
  });
}

export function updateMeeting(ctx: RequestContext, input: UpdateMeetingInput): Promise<MeetingEntity> {
  return write(ctx, {
    action: "meeting.update",
    input,
    ...onMeeting(ctx, input.meetingId, async () => ({ minutes: await agendaMinutes(ctx, input.agenda) })),
    run: async (em, { record }, { minutes }) => {
      const meeting = record!;
      requireStatus(meeting, [MeetingStatus.SCHEDULED, MeetingStatus.CONVENED, MeetingStatus.POSTPONED], "change");
      requireStated(null, input.modality);
      await meeting.agenda.init();
      if (input.sequenceLabel != null) meeting.sequenceLabel = checkText(input.sequenceLabel, "sequenceLabel", 3, 200);
      if (input.modality != null) meeting.modality = input.modality;
      if (input.place !== undefined) meeting.place = input.place?.trim() || null;
      if (input.location) meeting.location = checkPlace(input.location, "location", ctx.settings);
      if (input.onlineUrl !== undefined) meeting.onlineUrl = checkUrl(input.onlineUrl, "onlineUrl");
      if (input.endsAt !== undefined) meeting.endsAt = input.endsAt;
      replaceSources(meeting, input.sources);
      if (input.startsAt != null && input.startsAt.getTime() !== meeting.startsAt.getTime()) {
        // A new date voids the convocation: members must be convened again, with the notice the rules require.
        meeting.startsAt = input.startsAt;
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.statusReason = null;
        meeting.convenedAt = null;
        meeting.convenedByMandateId = null;
        meeting.noticeRequiredHours = null;
      }
      checkTimes(meeting.startsAt, meeting.endsAt);
      checkVenue(meeting.modality, meeting.place, meeting.onlineUrl, meeting.location);
      if (input.agenda) {
        if (meeting.status === MeetingStatus.CONVENED) {
          throw conflict("The agenda of a convened meeting is fixed: reschedule it to change the agenda.");
        }
        await replaceAgenda(ctx, em, meeting, agendaOf(input.agenda, meeting.councilId, minutes!));
      }
      return meeting;
    },
  });
}

/** Hours of notice the council's rules require for this type of meeting; null when the rule is not on record. */
export function requiredNoticeHours(council: CouncilFacts, type: MeetingType): number | null {
  return noticeHoursOf(council.rules, type);
}

export function conveneMeeting(ctx: RequestContext, input: ConveneMeetingInput): Promise<MeetingEntity> {
  return write(ctx, {
    action: "meeting.convene",
    input,
    ...onMeeting(ctx, input.meetingId, async () => ({
      convener: await optionalFact(ctx, MANDATE, input.convenedByMandateId, "convenedByMandateId"),
    })),
    run: async (_em, { record }, { council, convener }) => {
      const meeting = record!;
      requireStatus(meeting, [MeetingStatus.SCHEDULED], "convene");
      requireSameCouncil("convenedByMandateId", meeting.councilId, convener?.councilId);
      if ((await meeting.agenda.loadCount()) === 0) {
        throw conflict("A convocation names the agenda: add agenda items before convening.");
      }
      const convenedAt = input.convenedAt ?? new Date();
      if (convenedAt > meeting.startsAt) throw conflict("A meeting cannot be convened after it started.");
      meeting.status = MeetingStatus.CONVENED;
      meeting.convenedAt = convenedAt;
      meeting.convenedByMandateId = convener?.id ?? null;
      meeting.noticeRequiredHours = requiredNoticeHours(council!, meeting.type);
      return meeting;
    },
  });
}

export function cancelMeeting(ctx: RequestContext, input: CancelMeetingInput): Promise<MeetingEntity> {
  return write(ctx, {
    action: input.postpone ? "meeting.postpone" : "meeting.cancel",
    input,
    events: (meeting) => (input.postpone ? [] : [meetingEvent("meeting.cancelled", meeting)]),
    ...onMeeting(ctx, input.meetingId),
    run: async (_em, { record }) => {
      const meeting = record!;
      requireStatus(meeting, [MeetingStatus.SCHEDULED, MeetingStatus.CONVENED, MeetingStatus.POSTPONED], input.postpone ? "postpone" : "cancel");
      meeting.status = input.postpone ? MeetingStatus.POSTPONED : MeetingStatus.CANCELLED;
      meeting.statusReason = checkText(input.reason, "reason", 3, 2000);
      return meeting;
    },
  });
}

/** A held meeting's recording and closing report: set, replaced or removed by its council's secretariat (audited). */
export function recordMeetingReport(ctx: RequestContext, input: RecordMeetingReportInput): Promise<MeetingEntity> {
  return write(ctx, {
    action: "meeting.report",
    input,
    ...onMeeting(ctx, input.meetingId),
    run: async (_em, { record }) => {
      const meeting = record!;
      requireStatus(meeting, [MeetingStatus.HELD], "report on");
      if (input.recordingUrl === undefined && input.closingReport === undefined) {
        throw badInput("recordingUrl", 'Give "recordingUrl", "closingReport" or both (null removes one).');
      }
      if (input.recordingUrl !== undefined) {
        meeting.recordingUrl = checkUrl(input.recordingUrl, "recordingUrl", StringLimit.URL);
      }
      if (input.closingReport !== undefined) {
        meeting.closingReport = input.closingReport === null ? null : checkText(input.closingReport, "closingReport", 3, 20_000);
      }
      return meeting;
    },
  });
}
