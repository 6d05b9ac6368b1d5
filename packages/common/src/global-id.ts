import { fromGlobalId, toGlobalId } from "graphql-relay";
import { badInput } from "./errors";

export type SubgraphName = "councils" | "meetings" | "participation";

/**
 * Every public record type with an id, and the subgraph that owns it: their `id` is a Relay global id naming the
 * type (base64 of "Council:20", graphql-relay's encoding, as GitHub's API does), the same in every subgraph that
 * references the record, and each is a `Node` that `node(id:)` resolves. Private types (participants' personal data,
 * the audit trail) are not here: no global id leads to them.
 */
export const NODE_TYPES: Readonly<Record<string, SubgraphName>> = {
  Council: "councils",
  Territory: "councils",
  LegalAct: "councils",
  Organization: "councils",
  PublicPerson: "councils",
  SeatRule: "councils",
  Term: "councils",
  Seat: "councils",
  Mandate: "councils",
  Meeting: "meetings",
  AgendaItem: "meetings",
  Attendance: "meetings",
  Deliberation: "meetings",
  Minutes: "meetings",
  MinutesVersion: "meetings",
  Resolution: "meetings",
  Document: "meetings",
  ParticipatoryProcess: "participation",
  Proposal: "participation",
  Contribution: "participation",
  Intervention: "participation",
  Candidacy: "participation",
  Assembly: "participation",
  ProcessResult: "participation",
  AssemblyMeeting: "participation",
};

/** Until then, the plain integer ids of before global ids are still accepted wherever an id is taken. */
export const PLAIN_IDS_REMOVAL = "2027-03-01";
export const PLAIN_IDS_NOTE = `A global id (\`Node.id\`); the plain integer id (\`databaseId\`) is still accepted. Removal after ${PLAIN_IDS_REMOVAL}.`;

const PLAIN = /^[1-9]\d{0,14}$/;

export const isNodeType = (type: string): boolean => Object.hasOwn(NODE_TYPES, type);

/** The global id of a record of `type` (a NODE_TYPES name) with its database id. */
export const globalId = (type: string, id: string | number): string => toGlobalId(type, String(id));

/** A well-formed global id of a Node type, decoded; null for anything else (plain ids included). */
export function decodeGlobalId(value: string): { type: string; id: string } | null {
  if (typeof value !== "string" || value.length > 200 || PLAIN.test(value)) return null;
  const { type, id } = fromGlobalId(value);
  // Re-encoding must give the same text: no padding games, no second spelling of one id.
  if (!isNodeType(type) || !PLAIN.test(id) || toGlobalId(type, id) !== value) return null;
  return { type, id };
}

/**
 * The database id an argument names, from a global id of one of `types` ("*": any Node type) or, during the
 * deprecation window, a plain id. A global id of another type, or a value that is neither, is BAD_USER_INPUT
 * naming the argument (`field`). A plain id is passed on as it is: its owner checks it as before.
 */
export function argumentId(value: unknown, field: string, types: readonly string[] | "*"): unknown {
  if (typeof value !== "string" || PLAIN.test(value)) return value;
  const decoded = decodeGlobalId(value);
  const wanted = types === "*" ? "a record" : types.map((t) => `a ${t}`).join(" or ");
  if (!decoded) throw badInput(field, `"${field}" must be the id of ${wanted}; got ${JSON.stringify(value.slice(0, 100))}, which is not one.`);
  if (types !== "*" && !types.includes(decoded.type)) {
    throw badInput(field, `"${field}" must be the id of ${wanted}; got the id of a ${decoded.type}.`);
  }
  return decoded.id;
}

/** The database id in an id a peer subgraph answered with (a global id, or a plain one from an older peer). */
export function databaseIdOf(value: string | number): number {
  if (typeof value === "number") return value;
  return Number(decodeGlobalId(value)?.id ?? value);
}
