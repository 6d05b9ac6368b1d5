import { decodeCursor, type CursorShape, type CursorValue } from "./cursor";
import { badInput, DEFAULT_PAGE, MAX_PAGE } from "@contagem/common";

/** A connection's arguments as a resolver receives them. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * What a request asks of a list, checked: the range the cursors bound (exclusive), the size, and the direction.
 * Paging backward means `last`, or `before` alone (the items just before the cursor, as a "previous" link wants).
 */
export interface PageWindow {
  size: number;
  backward: boolean;
  after: CursorValue[] | null;
  before: CursorValue[] | null;
}

export function pageSize(value: number | null | undefined, field: "first" | "last" = "first"): number {
  const size = value ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badInput(field, `"${field}" must be between 1 and ${MAX_PAGE}; got ${size}.`);
  }
  return size;
}

/**
 * The window of `request` over a list of `shape`. `first` with `last` is refused (the specification calls it
 * confusing; GitHub refuses it too); `after` with `before` bounds the range on both sides, as the specification says.
 */
export function pageWindow(request: PageRequest, shape: CursorShape): PageWindow {
  const first = request.first ?? null;
  const last = request.last ?? null;
  if (first !== null && last !== null) throw badInput("last", 'Give "first" (page forward) or "last" (page backward), not both.');
  const backward = last !== null || (first === null && !!request.before && !request.after);
  return {
    size: backward ? pageSize(last, "last") : pageSize(first, "first"),
    backward,
    after: request.after ? decodeCursor(request.after, shape, "after") : null,
    before: request.before ? decodeCursor(request.before, shape, "before") : null,
  };
}
