import { MANDATE, badInput, civilDate, conflict, loadForWrite, parseId, recordRemovals, RemovalReason, requireFact, requireSameCouncil, write, type MandateRoleName, type RequestContext } from "@contagem/schema";
import { councilFacts, termAt, type TermFacts } from "../directory/council-directory";
import { MeetingEntity } from "../meetings/meeting.entity";
import { MeetingStatus } from "../meetings/meeting.enums";
import { canWriteMeetings, writesMeetings } from "../meetings/meeting.policy";
import { DENIED, asRef, requireSecretariatRecord, requireStatus } from "../meetings/meeting.service";
import { AttendanceEntity } from "./attendance.entity";
import { AttendanceStatus } from "./attendance.enums";
import type { RecordAttendanceInput } from "./attendance.inputs";
import { meetingEvent } from "../webhooks/meetings.events";
import { quorumOf } from "@contagem/rules";

interface SeatOfMandate {
  seatId: number;
  role: MandateRoleName;
}

/** Which seat and role each mandate of the term holds, on the meeting's date. */
function mandatesOnDate(term: TermFacts, date: string): Map<number, SeatOfMandate> {
  const map = new Map<number, SeatOfMandate>();
  for (const seat of term.seats) {
    for (const m of seat.mandates) {
      if (m.startsOn <= date && (m.endsOn == null || m.endsOn >= date)) map.set(m.id, { seatId: seat.id, role: m.role });
    }
  }
  return map;
}

/**
 * Records the attendance list (replacing an earlier one) and the quorum it gives under the council's rule, over the
 * seats of the term in force on the meeting's date. A convened meeting becomes HELD.
 */
export function recordAttendance(ctx: RequestContext, input: RecordAttendanceInput): Promise<MeetingEntity> {
  // `meeting.held` is announced once, when the list turns a convened meeting into a held one; a corrected list is not news.
  let becameHeld = false;
  return write(ctx, {
    action: "meeting.attendance",
    entityType: "Meeting",
    entity: MeetingEntity,
    input,
    events: (meeting) => (becameHeld ? [meetingEvent("meeting.held", meeting)] : []),
    prepare: async () => {
      const meeting = await ctx.em.fork().findOne(MeetingEntity, { id: parseId(input.meetingId, "meetingId") }, { fields: ["councilId", "startsAt"] });
      const date = meeting ? civilDate(meeting.startsAt) : undefined;
      // Every mandate the list names is asked of the councils subgraph with the council, in one request.
      const named = input.entries.flatMap((entry, i) => [
        requireFact(ctx, MANDATE, entry.mandateId, `entries[${i}].mandateId`),
        ...(entry.substituteMandateId == null ? [] : [requireFact(ctx, MANDATE, entry.substituteMandateId, `entries[${i}].substituteMandateId`)]),
      ]);
      const [council, term, mandates] = await Promise.all([
        meeting ? councilFacts(ctx, meeting.councilId) : null,
        meeting ? termAt(ctx, meeting.councilId, date!) : null,
        Promise.all(named),
      ]);
      return { council, date, term, councilOf: new Map(mandates.map((m) => [m.id, m.councilId])) };
    },
    gate: (viewer) => writesMeetings(viewer),
    locate: async (em, { council }) => {
      const record = await loadForWrite(em, MeetingEntity, input.meetingId, "Meeting", "meetingId");
      requireSecretariatRecord(record);
      return { record, council: asRef(council) };
    },
    allow: (viewer, { council }) => canWriteMeetings(viewer, council),
    denied: DENIED,
    run: async (em, { record }, { council, term, date, councilOf }) => {
      const meeting = record!;
      requireStatus(meeting, [MeetingStatus.CONVENED, MeetingStatus.HELD], "record attendance of");
      if (meeting.startsAt > new Date()) throw conflict("Attendance is recorded once the meeting has started.");
      if (!term) throw conflict(`The council has no term in force on ${date}: open its term before recording attendance.`);
      if (input.entries.length === 0) throw badInput("entries", "The attendance list is empty.");
      const holders = mandatesOnDate(term, date!);
      const seen = new Set<number>();
      const occupied = new Set<number>();
      const rows = input.entries.map((entry, i) => {
        const field = `entries[${i}]`;
        const mandateId = parseId(entry.mandateId, `${field}.mandateId`);
        requireSameCouncil(`${field}.mandateId`, meeting.councilId, councilOf.get(mandateId));
        const holder = holders.get(mandateId);
        if (!holder) throw badInput(`${field}.mandateId`, `Mandate ${mandateId} does not sit in this council's term on ${date}.`);
        if (seen.has(mandateId)) throw badInput(`${field}.mandateId`, `Mandate ${mandateId} is listed twice.`);
        seen.add(mandateId);
        let substituteMandateId: number | null = null;
        if (entry.status === AttendanceStatus.SUBSTITUTED) {
          if (holder.role !== "FULL_MEMBER") throw badInput(`${field}.status`, "Only a titular is substituted by a suplente.");
          if (entry.substituteMandateId == null) throw badInput(`${field}.substituteMandateId`, "Name the suplente who sat.");
          substituteMandateId = parseId(entry.substituteMandateId, `${field}.substituteMandateId`);
          requireSameCouncil(`${field}.substituteMandateId`, meeting.councilId, councilOf.get(substituteMandateId));
          const substitute = holders.get(substituteMandateId);
          if (!substitute || substitute.role !== "ALTERNATE" || substitute.seatId !== holder.seatId) {
            throw badInput(`${field}.substituteMandateId`, "The substitute must be a suplente of the same seat.");
          }
        } else if (entry.substituteMandateId != null) {
          throw badInput(`${field}.substituteMandateId`, "Only a SUBSTITUTED entry names a substitute.");
        }
        const sits =
          (entry.status === AttendanceStatus.PRESENT && holder.role === "FULL_MEMBER") || entry.status === AttendanceStatus.SUBSTITUTED;
        if (sits) occupied.add(holder.seatId);
        return { mandateId, seatId: holder.seatId, status: entry.status, substituteMandateId, note: entry.note?.trim() || null };
      });
      // Recording again replaces the entries: the ones the public saw get tombstones for mirrors.
      const replaced = await em.find(AttendanceEntity, { meeting }, { fields: ["id"] });
      await recordRemovals(em, ctx, "Attendance", replaced.map((entry) => entry.id), RemovalReason.DELETED);
      await em.nativeDelete(AttendanceEntity, { meeting });
      for (const row of rows) em.create(AttendanceEntity, { meeting, ...row });
      const quorum = quorumOf(council!.rules.quorumRule, term.seats.length, occupied.size);
      meeting.termId = term.id;
      meeting.quorumRule = quorum.rule;
      meeting.seatsTotal = quorum.seats;
      meeting.quorumRequired = quorum.required;
      meeting.presentCount = quorum.present;
      becameHeld = meeting.status !== MeetingStatus.HELD;
      meeting.status = MeetingStatus.HELD;
      return meeting;
    },
  });
}
