import { COUNCIL, askFact, askPeer, requireFact, type CouncilFacts, type RequestContext } from "@contagem/schema";

/** What the meetings subgraph needs to know about councils, asked of the councils subgraph (their owner). */
export type { CouncilFacts, MandateFacts } from "@contagem/schema";

export interface TermFacts {
  id: number;
  startsOn: string;
  endsOn: string;
  seats: { id: number; mandates: { id: number; role: "TITULAR" | "SUPLENTE"; startsOn: string; endsOn: string | null }[] }[];
}

const TERM_AT = `query($r: [_Any!]!, $date: Date!) { _entities(representations: $r) { ... on Council {
  termAt(date: $date) { id startsOn endsOn seats { id mandates(includeEnded: true) { id role startsOn endsOn } } } } } }`;

export const councilFacts = (ctx: RequestContext, id: number) => askFact(ctx, COUNCIL, id);

/** The council, or BAD_USER_INPUT naming the field when the councils subgraph does not know it. */
export const requireCouncil = (ctx: RequestContext, id: string, field = "councilId"): Promise<CouncilFacts> => requireFact(ctx, COUNCIL, id, field);

/** The term in force on a date, with its seats and every mandate they had (a fact with an argument: its own request). */
export async function termAt(ctx: RequestContext, councilId: number, date: string): Promise<TermFacts | null> {
  type Row = { termAt: { id: string; startsOn: string; endsOn: string; seats: { id: string; mandates: { id: string; role: "TITULAR" | "SUPLENTE"; startsOn: string; endsOn: string | null }[] }[] } | null };
  const data = await askPeer<{ _entities: (Row | null)[] }>(ctx, "councils", TERM_AT, {
    r: [{ __typename: "Council", id: String(councilId) }],
    date,
  });
  const term = data._entities[0]?.termAt;
  if (!term) return null;
  return {
    id: Number(term.id),
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    seats: term.seats.map((s) => ({ id: Number(s.id), mandates: s.mandates.map((m) => ({ ...m, id: Number(m.id) })) })),
  };
}
