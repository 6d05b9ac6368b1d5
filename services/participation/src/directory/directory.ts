import { askPeer, badInput, batchOptions, type RequestContext } from "@contagem/schema";
import DataLoader from "dataloader";

/** What participation needs to know of councils and meetings, asked of their owners through `_entities`. */
export interface CouncilFacts {
  id: number;
  slug: string;
  kind: string;
}

export interface MeetingFacts {
  id: number;
  status: string;
  councilId: number;
}

const COUNCILS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { id slug kind } } }`;
const MEETINGS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { id status council { id } } } }`;

const councils = (ctx: RequestContext) =>
  new DataLoader<number, CouncilFacts | null>(async (ids) => {
    const data = await askPeer<{ _entities: ({ id: string; slug: string; kind: string } | null)[] }>(ctx, "councils", COUNCILS, {
      r: ids.map((id) => ({ __typename: "Council", id: String(id) })),
    });
    return data._entities.map((c) => (c ? { ...c, id: Number(c.id) } : null));
  }, batchOptions);

const meetings = (ctx: RequestContext) =>
  new DataLoader<number, MeetingFacts | null>(async (ids) => {
    const data = await askPeer<{ _entities: ({ id: string; status: string; council: { id: string } } | null)[] }>(ctx, "meetings", MEETINGS, {
      r: ids.map((id) => ({ __typename: "Meeting", id: String(id) })),
    });
    return data._entities.map((m) => (m ? { id: Number(m.id), status: m.status, councilId: Number(m.council.id) } : null));
  }, batchOptions);

export const councilFacts = (ctx: RequestContext, id: number) => ctx.loaders.get(councils).load(id);

export async function requireCouncil(ctx: RequestContext, id: number, field: string): Promise<CouncilFacts> {
  const council = await councilFacts(ctx, id);
  if (!council) throw badInput(field, `"${field}": no council with id ${id}.`);
  return council;
}

export async function requireMeeting(ctx: RequestContext, id: number, field: string): Promise<MeetingFacts> {
  const meeting = await ctx.loaders.get(meetings).load(id);
  if (!meeting) throw badInput(field, `"${field}": no meeting with id ${id}.`);
  return meeting;
}
