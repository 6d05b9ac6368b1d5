import { COUNCIL, askFact, databaseIdOf, mandateRole, requireFact, type CouncilFacts, type MandateRoleName, type PeerFact, type RequestContext } from "@contagem/schema";

/** What the meetings subgraph needs to know about councils, asked of the councils subgraph (their owner). */
export type { CouncilFacts, MandateFacts } from "@contagem/schema";

export interface TermFacts {
  id: number;
  startsOn: string;
  endsOn: string;
  seats: { id: number; mandates: { id: number; role: MandateRoleName; startsOn: string; endsOn: string | null }[] }[];
}

type Mandate = TermFacts["seats"][number]["mandates"][number];
type TermRow = { id: string; startsOn: string; endsOn: string; seats: { id: string; mandates: (Omit<Mandate, "id" | "role"> & { id: string; role: string })[] }[] };

/** The term in force on a date, with its seats and every mandate they had: aliased by its date (see PeerFact). */
function termAtFact(date: string): PeerFact<TermFacts | null> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Not a date: ${date}`);
  const alias = `termAt_${date.replaceAll("-", "_")}`;
  return {
    peer: "councils",
    typename: "Council",
    selection: `${alias}: termAt(date: "${date}") { id startsOn endsOn seats { id mandates(includeEnded: true) { id role startsOn endsOn } } }`,
    read: (council) => {
      const term = council[alias] as TermRow | null;
      if (!term) return null;
      return {
        id: databaseIdOf(term.id),
        startsOn: term.startsOn,
        endsOn: term.endsOn,
        seats: term.seats.map((s) => ({ id: databaseIdOf(s.id), mandates: s.mandates.map((m) => ({ ...m, id: databaseIdOf(m.id), role: mandateRole(m.role) })) })),
      };
    },
  };
}

export const councilFacts = (ctx: RequestContext, id: number) => askFact(ctx, COUNCIL, id);

/** The council, or BAD_USER_INPUT naming the field when the councils subgraph does not know it. */
export const requireCouncil = (ctx: RequestContext, id: string, field = "councilId"): Promise<CouncilFacts> => requireFact(ctx, COUNCIL, id, field);

/** The council's term in force on a date (YYYY-MM-DD), asked with the write's other facts about councils. */
export const termAt = (ctx: RequestContext, councilId: number, date: string): Promise<TermFacts | null> => askFact(ctx, termAtFact(date), councilId);
