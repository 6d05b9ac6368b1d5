import { councilIdsBySlug, DEFAULT_AUDIT_SCHEMA, recordRemovals, RemovalReason, type SeedContext } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { createHash } from "node:crypto";
import { AgendaItemEntity, MeetingEntity } from "../meetings/meeting.entity";
import { recordMeetings, type RecordMeeting } from "./record";

const hashOf = (meeting: RecordMeeting) =>
  createHash("sha256").update(JSON.stringify([meeting.councilSlug, meeting.values, meeting.agenda, meeting.sources])).digest("hex");

/**
 * The default seed: the meetings of Contagem's public record (`@contagem/record`), as historical records imported from
 * public listings (`recordedFrom: PUBLIC_LISTING`): council, type and label as the listing gives them, start in
 * Contagem's time, place as text, agenda in order, the DOC publications cited, sources. No attendance, quorum,
 * votes or minutes numbers are invented. Idempotent by natural key (council, date, source) and upgrade-safe: a row is
 * rewritten only when the record's facts for it differ from those last applied (`recordHash`); when none do, the
 * councils subgraph is not even asked.
 */
export async function seedMeetings(em: EntityManager, context: SeedContext): Promise<{ meetings: number }> {
  const meetings = recordMeetings();
  const stored = new Map(
    (await em.find(MeetingEntity, { recordKey: { $in: meetings.map((m) => m.key) } }, { fields: ["recordKey", "recordHash"] })).map((m) => [
      m.recordKey!,
      m.recordHash,
    ]),
  );
  const stale = meetings.filter((m) => stored.get(m.key) !== hashOf(m));
  if (!stale.length) return { meetings: 0 };
  // Asked before the transaction opens: the councils subgraph may share the embedded database's single engine.
  const ids = await councilIdsBySlug(context, [...new Set(stale.map((m) => m.councilSlug))]);
  return em.transactional(async (tx) => {
    let created = 0;
    for (const meeting of stale) {
      const values = { ...meeting.values, startsAt: new Date(meeting.values.startsAt), endsAt: meeting.values.endsAt ? new Date(meeting.values.endsAt) : null };
      const facts = { ...values, councilId: ids.get(meeting.councilSlug)!, sources: meeting.sources, recordHash: hashOf(meeting) };
      let row: MeetingEntity | null = await tx.findOne(MeetingEntity, { recordKey: meeting.key }, { populate: ["agenda"] });
      if (row) {
        tx.assign(row, facts);
        const replaced = row.agenda.getItems();
        await recordRemovals(tx, { auditSchema: context.auditSchema ?? DEFAULT_AUDIT_SCHEMA, subgraph: "meetings" }, "AgendaItem", replaced.map((item) => item.id), RemovalReason.DELETED);
        tx.remove(replaced);
        // Inserts are flushed before deletes: the old items go first, or the new ones collide on (meeting, position).
        await tx.flush();
      } else {
        row = tx.create(MeetingEntity, { ...facts, recordKey: meeting.key });
        created++;
      }
      const parent = row;
      for (const item of meeting.agenda) tx.create(AgendaItemEntity, { meeting: parent, ...item, description: null, minutesId: null });
    }
    await tx.flush();
    return { meetings: created };
  });
}
