import { instantInRange } from "./civil-time";
import { badInput } from "@contagem/common";

/**
 * Cursors are data, never queries: a cursor decodes to exactly the types of its list's sort keys, or it is the
 * client's mistake (BAD_USER_INPUT naming the argument). Nothing from a cursor becomes an ORM filter object or
 * reaches SQL unchecked: `{"$ne": null}` is not a name, `1e21` is not an id, `"2026-02-30"` is not an instant.
 */
export type CursorKey =
  | { type: "int"; min: number; max: number }
  | { type: "timestamp" }
  | { type: "string"; maxLength: number };

/**
 * What a list's cursors hold. `list` names the list (its table and sort keys) and travels in the cursor, so that a
 * cursor of another list, however well formed, is refused rather than read as a position in this one.
 */
export interface CursorShape {
  list: string;
  keys: readonly CursorKey[];
}

export type CursorValue = number | string | Date;

export const INT2_MAX = 32_767;
export const INT4_MAX = 2_147_483_647;
export const intKey = (min: number, max: number): CursorKey => ({ type: "int", min, max });
/** Our ids: positive PostgreSQL integers. */
export const idKey = intKey(1, INT4_MAX);
export const timestampKey: CursorKey = { type: "timestamp" };
/** Strings in cursors are bounded: a sort key longer than its column could hold is no position in any list. */
export const MAX_CURSOR_STRING = 1000;
export const stringKey = (maxLength = MAX_CURSOR_STRING): CursorKey => ({ type: "string", maxLength: Math.min(maxLength, MAX_CURSOR_STRING) });

/** Room for the longest key a list may have (a bounded string of 4-byte characters, base64url), not for payloads. */
export const MAX_CURSOR_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** The form `Date.toISOString` writes and this module emits; anything else is no cursor of ours. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque cursors: the list's name and the values of the item's sort keys, base64url-encoded JSON. */
export function encodeCursor(shape: CursorShape, values: readonly unknown[]): string {
  const key = values.map((value) => (value instanceof Date ? value.toISOString() : value));
  return Buffer.from(JSON.stringify([shape.list, ...key])).toString("base64url");
}

/** The sort-key values a cursor holds, typed as `shape` says (timestamps as Dates), or BAD_USER_INPUT on `field`. */
export function decodeCursor(cursor: string, shape: CursorShape, field = "after"): CursorValue[] {
  const invalid = () => badInput(field, `Invalid cursor: pass "${field}" exactly as an earlier page of this list returned it.`);
  if (typeof cursor !== "string" || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.keys.length + 1 || parsed[0] !== shape.list) throw invalid();
  return shape.keys.map((key, i) => {
    const value = typed(key, parsed[i + 1]);
    if (value === undefined) throw invalid();
    return value;
  });
}

function typed(key: CursorKey, value: unknown): CursorValue | undefined {
  switch (key.type) {
    case "int":
      return Number.isSafeInteger(value) && (value as number) >= key.min && (value as number) <= key.max ? (value as number) : undefined;
    case "timestamp": {
      if (typeof value !== "string" || !ISO_INSTANT.test(value)) return undefined;
      const instant = new Date(value);
      // Date rolls 2026-02-30 over to March: only a real instant writes itself back the same. Year 0000 is no
      // position in any list (the DateTime scalar's years, in UTC and in civil time).
      return instantInRange(instant) && instant.toISOString() === value ? instant : undefined;
    }
    case "string":
      // PostgreSQL text holds no NUL, and a lone surrogate is no text at all.
      return typeof value === "string" && value.length <= key.maxLength && !value.includes("\u0000") && value.isWellFormed()
        ? value
        : undefined;
  }
}
