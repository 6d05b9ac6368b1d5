import type { CursorKey, CursorShape, CursorValue } from "./cursor";
import type { PageWindow } from "./page-window";

/** A SQL condition with its `?` parameters. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/** Each cursor value goes to SQL as its key's type, whatever the driver would infer. */
const SQL_TYPE: Record<CursorKey["type"], string> = { int: "bigint", timestamp: "timestamptz", string: "text" };

/**
 * `(columns) > (cursor)` for a list sorted by `columns` all in `direction`: a row comparison PostgreSQL answers from
 * the sort index. `towards` is the list's end ("after") or start ("before"); `inclusive` admits the cursor's item.
 */
export function beyondSql(
  columns: string[],
  shape: CursorShape,
  direction: "asc" | "desc",
  values: CursorValue[],
  towards: "after" | "before",
  inclusive = false,
): SqlFilter {
  const op = ((direction === "asc") === (towards === "after") ? ">" : "<") + (inclusive ? "=" : "");
  const casts = shape.keys.map((key) => `?::${SQL_TYPE[key.type]}`);
  return {
    sql: `(${columns.join(", ")}) ${op} (${casts.join(", ")})`,
    params: values.map((value) => (value instanceof Date ? value.toISOString() : value)),
  };
}

/** The range a window's cursors bound, and the order its rows are read in (backward: from `before` towards the start). */
export function windowSql(columns: string[], shape: CursorShape, direction: "asc" | "desc", window: PageWindow) {
  const range: SqlFilter[] = [];
  if (window.after) range.push(beyondSql(columns, shape, direction, window.after, "after"));
  if (window.before) range.push(beyondSql(columns, shape, direction, window.before, "before"));
  const read = window.backward ? (direction === "asc" ? "desc" : "asc") : direction;
  return { range, order: columns.map((c) => `${c} ${read}`).join(", ") };
}

/** Conditions joined with `and`, their parameters in order. */
export function allOf(filters: (SqlFilter | undefined)[]): SqlFilter {
  const present = filters.filter((f): f is SqlFilter => !!f);
  return { sql: present.map((f) => `(${f.sql})`).join(" and ") || "true", params: present.flatMap((f) => f.params) };
}
