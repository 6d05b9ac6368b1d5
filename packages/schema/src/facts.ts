import { databaseIdOf as id } from "@contagem/common";
import type { PeerFact } from "./peers";

/**
 * What the subgraphs ask each other about their entities, through `_entities`: one shape per fact, named for its
 * owner's type, whoever asks. Every fact is public (peers ask without the caller's token).
 */

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

/** A mandate's role as the councils subgraph names it now (FULL_MEMBER, ALTERNATE). */
export type MandateRoleName = "FULL_MEMBER" | "ALTERNATE";

/**
 * The role a peer answered, in today's names: a councils subgraph of before the rename (2026-11) still answers
 * TITULAR / SUPLENTE, and a rolling deploy may pair it with a newer asker.
 */
export const mandateRole = (role: string): MandateRoleName =>
  role === "TITULAR" || role === "FULL_MEMBER" ? "FULL_MEMBER" : role === "SUPLENTE" || role === "ALTERNATE" ? "ALTERNATE" : unknownRole(role);

const unknownRole = (role: string): never => {
  throw new Error(`Unknown mandate role from the councils subgraph: ${JSON.stringify(role)}`);
};

export interface MandateFacts {
  id: number;
  role: MandateRoleName;
  startsOn: string;
  endsOn: string | null;
  councilId: number;
}

export interface TerritoryFacts {
  id: number;
  scheme: string;
}

export interface MeetingFacts {
  id: number;
  status: string;
  councilId: number;
  /** SECRETARIAT or PUBLIC_LISTING (a historical record: read-only, no presence or attendance). */
  recordedFrom: string;
}

export interface DeliberationFacts {
  id: number;
  outcome: string;
  meetingId: number;
  councilId: number;
}

export const COUNCIL: PeerFact<CouncilFacts> = {
  peer: "councils",
  typename: "Council",
  selection: "id slug name kind rules { ordinaryNoticeDays extraordinaryNoticeHours quorumRule }",
  read: (c) => ({ id: id(c.id), slug: c.slug, name: c.name, kind: c.kind, rules: c.rules }),
};

export const MANDATE: PeerFact<MandateFacts> = {
  peer: "councils",
  typename: "Mandate",
  selection: "id role startsOn endsOn council { id }",
  read: (m) => ({ id: id(m.id), role: mandateRole(m.role), startsOn: m.startsOn, endsOn: m.endsOn, councilId: id(m.council.id) }),
};

export const TERRITORY: PeerFact<TerritoryFacts> = {
  peer: "councils",
  typename: "Territory",
  selection: "id scheme",
  read: (t) => ({ id: id(t.id), scheme: t.scheme }),
};

export const MEETING: PeerFact<MeetingFacts> = {
  peer: "meetings",
  typename: "Meeting",
  selection: "id status recordedFrom council { id }",
  read: (m) => ({ id: id(m.id), status: m.status, recordedFrom: m.recordedFrom, councilId: id(m.council.id) }),
};

export const DELIBERATION: PeerFact<DeliberationFacts> = {
  peer: "meetings",
  typename: "Deliberation",
  selection: "id outcome meeting { id council { id } }",
  read: (d) => ({ id: id(d.id), outcome: d.outcome, meetingId: id(d.meeting.id), councilId: id(d.meeting.council.id) }),
};
