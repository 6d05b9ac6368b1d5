import { AppError, ErrorCode, askPeer, batchOptions, type RequestContext } from "@contagem/schema";
import DataLoader from "dataloader";

/** What the meetings subgraph needs to know about a council, asked of the councils subgraph (its owner). */
export interface CouncilFacts {
  id: number;
  slug: string;
  name: string;
  kind: string;
  rules: {
    ordinaryNoticeDays: number | null;
    extraordinaryNoticeHours: number | null;
    quorumRule: string | null;
  };
}

export interface MandateFacts {
  id: number;
  role: "TITULAR" | "SUPLENTE";
  startsOn: string;
  endsOn: string | null;
  seatId: number;
  termId: number;
  councilId: number;
}

export interface TermFacts {
  id: number;
  startsOn: string;
  endsOn: string;
  seats: { id: number; mandates: { id: number; role: "TITULAR" | "SUPLENTE"; startsOn: string; endsOn: string | null }[] }[];
}

const COUNCILS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council {
  id slug name kind rules { ordinaryNoticeDays extraordinaryNoticeHours quorumRule } } } }`;
const MANDATES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Mandate {
  id role startsOn endsOn seat { id term { id council { id } } } } } }`;
const TERM_AT = `query($r: [_Any!]!, $date: Date!) { _entities(representations: $r) { ... on Council {
  termAt(date: $date) { id startsOn endsOn seats { id mandates(includeEnded: true) { id role startsOn endsOn } } } } } }`;

/** The councils subgraph answers through its federation entry point (`_entities`), as it answers the gateway. */
const askCouncils = <T>(ctx: RequestContext, query: string, variables: Record<string, unknown>) =>
  askPeer<T>(ctx, "councils", query, variables);

const councilsLoader = (ctx: RequestContext) =>
  new DataLoader<number, CouncilFacts | null>(async (ids) => {
    const data = await askCouncils<{ _entities: (CouncilFacts & { id: string } | null)[] }>(ctx, COUNCILS, {
      r: ids.map((id) => ({ __typename: "Council", id: String(id) })),
    });
    return data._entities.map((c) => (c ? { ...c, id: Number(c.id) } : null));
  }, batchOptions);

const mandatesLoader = (ctx: RequestContext) =>
  new DataLoader<number, MandateFacts | null>(async (ids) => {
    type Row = { id: string; role: MandateFacts["role"]; startsOn: string; endsOn: string | null; seat: { id: string; term: { id: string; council: { id: string } } } };
    const data = await askCouncils<{ _entities: (Row | null)[] }>(ctx, MANDATES, {
      r: ids.map((id) => ({ __typename: "Mandate", id: String(id) })),
    });
    return data._entities.map((m) =>
      m
        ? {
            id: Number(m.id),
            role: m.role,
            startsOn: m.startsOn,
            endsOn: m.endsOn,
            seatId: Number(m.seat.id),
            termId: Number(m.seat.term.id),
            councilId: Number(m.seat.term.council.id),
          }
        : null,
    );
  }, batchOptions);

export const councilFacts = (ctx: RequestContext, id: number) => ctx.loaders.get(councilsLoader).load(id);

/** The council, or BAD_USER_INPUT naming the field when the councils subgraph does not know it. */
export async function requireCouncil(ctx: RequestContext, id: number, field = "councilId"): Promise<CouncilFacts> {
  const council = await councilFacts(ctx, id);
  if (!council) throw new AppError(ErrorCode.BAD_USER_INPUT, `"${field}": no council with id ${id}.`, { field });
  return council;
}

export const mandateFacts = (ctx: RequestContext, id: number) => ctx.loaders.get(mandatesLoader).load(id);

/** The term in force on a date, with its seats and every mandate they had. */
export async function termAt(ctx: RequestContext, councilId: number, date: string): Promise<TermFacts | null> {
  type Row = { termAt: { id: string; startsOn: string; endsOn: string; seats: { id: string; mandates: { id: string; role: "TITULAR" | "SUPLENTE"; startsOn: string; endsOn: string | null }[] }[] } | null };
  const data = await askCouncils<{ _entities: (Row | null)[] }>(ctx, TERM_AT, {
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
