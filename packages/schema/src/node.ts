import { Field, ID, ObjectType } from "type-graphql";
import { badInput } from "@contagem/common";

export const ID_DESCRIPTION =
  "The record's global id (`Node.id`): an opaque string that names the type; `node(id:)` fetches it, and it is taken wherever this record's id is.";

/** Fields every public entity carries (DESIGN.md, Conventions). */
@ObjectType()
export abstract class NodeType {
  @Field(() => ID, { description: ID_DESCRIPTION })
  id: number;

  @Field({ description: "When the record was created (ISO 8601 instant with its offset)." })
  createdAt: Date;

  @Field({ description: "When the record last changed; filter lists with `updatedSince` for incremental sync." })
  updatedAt: Date;
}

/** Our ids are positive integers (PostgreSQL sequences); anything else cannot name a record. */
export function parseId(value: string | number, field = "id"): number {
  const id = typeof value === "number" ? value : /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw badInput(field, `"${field}" must be a record id; got ${JSON.stringify(value)}.`);
  return id;
}

/** Like parseId, but for lookups: an id that cannot exist simply finds nothing. */
export function tryParseId(value: string | number): number | null {
  try {
    return parseId(value);
  } catch {
    return null;
  }
}
