import { batchOptions, byId, byParent, civilToday, startOfCivilDay, type RequestContext } from "@contagem/schema";
import DataLoader from "dataloader";
import { AttendanceEntity } from "./attendance/attendance.entity";
import { DeliberationEntity, VoteEntity } from "./deliberations/deliberation.entity";
import { DocumentEntity } from "./documents/document.entity";
import { AgendaItemEntity, MeetingEntity } from "./meetings/meeting.entity";
import { MeetingStatus } from "./meetings/meeting.enums";
import { MinutesEntity, MinutesVersionEntity } from "./minutes/minutes.entity";
import { ResolutionEntity } from "./resolutions/resolution.entity";

/** Every entity and list-to-entity path of this subgraph goes through one of these per-request loaders. */
export const meetingById = byId(MeetingEntity);
export const agendaItemById = byId(AgendaItemEntity);
export const deliberationById = byId(DeliberationEntity);
export const minutesById = byId(MinutesEntity);
export const minutesVersionById = byId(MinutesVersionEntity);
export const attendanceById = byId(AttendanceEntity);
export const resolutionById = byId(ResolutionEntity);
export const agendaByMeeting = byParent(AgendaItemEntity, "meeting", { position: "asc" });
export const attendanceByMeeting = byParent(AttendanceEntity, "meeting", { seatId: "asc", id: "asc" });
export const deliberationsByMeeting = byParent(DeliberationEntity, "meeting", { id: "asc" });
export const deliberationsByAgendaItem = byParent(DeliberationEntity, "agendaItem", { id: "asc" });
export const votesByDeliberation = byParent(VoteEntity, "deliberation", { id: "asc" });
export const minutesByMeeting = byParent(MinutesEntity, "meeting");
export const versionsByMinutes = byParent(MinutesVersionEntity, "minutes", { number: "asc" });
export const resolutionsByMeeting = byParent(ResolutionEntity, "meeting", { number: "asc" });
export const resolutionsAmending = byParent(ResolutionEntity, "amends", { year: "asc", number: "asc" });
export const resolutionsRevoking = byParent(ResolutionEntity, "revokes", { year: "asc", number: "asc" });

/** The version a minutes' `currentVersion` names, one statement for all the minutes asked (no other versions read). */
export const currentVersionOf = (ctx: RequestContext) =>
  new DataLoader<{ minutesId: number; number: number }, MinutesVersionEntity | null, string>(async (keys) => {
    const rows = await ctx.em.find(MinutesVersionEntity, { $or: keys.map((k) => ({ minutes: k.minutesId, number: k.number })) });
    const byKey = new Map(rows.map((v) => [`${v.minutes.id}:${v.number}`, v]));
    return keys.map((k) => byKey.get(`${k.minutesId}:${k.number}`) ?? null);
  }, { ...batchOptions, cacheKeyFn: (k) => `${k.minutesId}:${k.number}` });

/**
 * Each council's next meeting: the first scheduled or convened one from the start of Contagem's today, so that a
 * meeting under way this evening stays the next one until it is held. One statement for all councils asked.
 */
export const nextMeetingByCouncil = (ctx: RequestContext) =>
  new DataLoader<number, MeetingEntity | null>(async (councilIds) => {
    const schema = ctx.em.config.get("schema");
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select distinct on (council_id) * from "${schema}".meeting
       where council_id in (${councilIds.map(() => "?").join(", ")}) and status in (?, ?) and starts_at >= ?
       order by council_id, starts_at, id`,
      [...councilIds, MeetingStatus.SCHEDULED, MeetingStatus.CONVENED, startOfCivilDay(civilToday()).toISOString()],
    );
    const byCouncil = new Map(rows.map((row) => [Number(row.council_id), ctx.em.map(MeetingEntity, row)]));
    return councilIds.map((id) => byCouncil.get(id) ?? null);
  }, batchOptions);

/** Documents by record: withdrawn ones are never read. */
export const documentById = byId(DocumentEntity);
export const documentsByMeeting = byParent(DocumentEntity, "meeting", { id: "asc" }, { withdrawnAt: null });
export const documentsByMinutesVersion = byParent(DocumentEntity, "minutesVersion", { id: "asc" }, { withdrawnAt: null });
export const documentsByResolution = byParent(DocumentEntity, "resolution", { id: "asc" }, { withdrawnAt: null });
