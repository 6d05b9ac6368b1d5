import { notFound, parseId, requireSameCouncil, type RequestContext } from "@contagem/schema";
import { MinutesEntity } from "../minutes/minutes.entity";
import { visible } from "../minutes/minutes.visibility";
import type { AgendaItemInput } from "./meeting.inputs";

/** The minutes an agenda names, by id: each as the viewer may see it, a hidden one as a missing one (null). */
export type AgendaMinutes = Map<number, { councilId: number } | null>;

/**
 * Read before the transaction: deciding whether the viewer sees another council's minutes may ask the councils
 * subgraph for that council's slug, and nothing waits on another service while a transaction is open.
 */
export async function agendaMinutes(ctx: RequestContext, agenda: AgendaItemInput[] | undefined): Promise<AgendaMinutes> {
  const ids = (agenda ?? []).flatMap((item, i) => (item.minutesId == null ? [] : [parseId(item.minutesId, `agenda[${i}].minutesId`)]));
  if (ids.length === 0) return new Map();
  const rows = await ctx.em.fork().find(MinutesEntity, { id: { $in: ids } }, { fields: ["councilId", "status"] });
  const seen = await Promise.all(rows.map((row) => visible(ctx, row)));
  const found = new Map(seen.filter((row) => row !== null).map((row) => [row.id, { councilId: row.councilId }]));
  return new Map(ids.map((id) => [id, found.get(id) ?? null]));
}

/**
 * An agenda names minutes of its own council only. Minutes the viewer may not see answer NOT_FOUND, exactly as
 * minutes that do not exist (no existence oracle); another council's minutes the viewer can see, FORBIDDEN.
 */
export function requireAgendaMinutes(minutes: AgendaMinutes, councilId: number, field: string, id: number): void {
  const found = minutes.get(id);
  if (!found) throw notFound("Minutes", String(id), field);
  requireSameCouncil(field, councilId, found.councilId);
}
