import { ArgsType, Directive, Field, getMetadataStorage, Int, ObjectType, type ClassType } from "type-graphql";
import { encodeCursor, type CursorShape } from "./cursor";
import { DEFAULT_PAGE, MAX_PAGE } from "@contagem/common";
import { pageWindow, type PageRequest, type PageWindow } from "./page-window";

/**
 * Shared by every subgraph's connections: a value type, so @shareable. The two flags follow the Relay Cursor
 * Connections specification to the letter (HasPreviousPage / HasNextPage), including its "may" cases: a flag of the
 * direction not being paged is answered exactly, by one indexed probe run only when the flag is selected.
 */
@ObjectType({ description: "Where a page stands in its list (Relay cursor connections)." })
@Directive("@shareable")
export class PageInfo {
  @Field({
    description:
      "Paging forward (`first`, or neither `first` nor `last` and not `before` alone): true when more items follow " +
      "this page within the range the cursors bound. Paging backward (`last`, or `before` alone) with `before`: true " +
      "when items exist at or after `before`. Otherwise false.",
  })
  hasNextPage: boolean;

  @Field({
    description:
      "Paging backward (`last`, or `before` alone): true when more items precede this page within the range the " +
      "cursors bound. Paging forward with `after`: true when items exist at or before `after`. Otherwise false " +
      "(the first page of a list).",
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item; pass it as `before` for the previous page. Null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item; pass it as `after` for the next page. Null when the page is empty." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A flag known at once, or answered by a probe only when a client selects it (GraphQL calls the function). */
export type Flag = boolean | (() => Promise<boolean>);

/** What a resolver hands to a connection type: the page, and a count run only when `totalCount` is asked for. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: Flag; hasPreviousPage: Flag; startCursor: string | null; endCursor: string | null };
  count: () => Promise<number>;
}

/** A Relay connection type for `Node`, named `<name>Connection` with edges `<name>Edge`. */
export function ConnectionType<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a list of ${name} items.` })
  class EdgeType {
    @Field({ description: "Opaque cursor of this item." })
    cursor: string;

    @Field(() => Node, { description: `The ${name} at this position of the list.` })
    node: T;
  }

  @ObjectType()
  abstract class Connection {
    /** Resolvers hand in pages of database entities; the GraphQL type decides what of them is public. */
    constructor(private readonly page: Page<object>) {}

    @Field(() => [EdgeType], { description: "The items of this page in the list's order, each with its cursor; empty past the end." })
    get edges(): Edge<T>[] {
      return this.page.edges as Edge<T>[];
    }

    @Field(() => PageInfo, { description: "Whether more items follow, and the cursors to page on with." })
    get pageInfo(): PageInfo {
      return this.page.pageInfo as PageInfo;
    }

    @Field(() => Int, { description: "How many items match the filter, over all pages (whatever the cursors)." })
    totalCount(): Promise<number> {
      return this.page.count();
    }
  }
  connectionNodes.set(Connection, name);
  return Connection;
}

/** The node type's name of each class ConnectionType returned. */
const connectionNodes = new WeakMap<object, string>();

/**
 * type-graphql gives a subclass none of its parent's description: every `<name>Connection` declared on a
 * ConnectionType gets one generated here, so no list of the schema goes undocumented. Run before building a schema.
 */
export function describeConnections(): void {
  for (const objectType of getMetadataStorage().objectTypes) {
    const name = connectionNodes.get(Object.getPrototypeOf(objectType.target) as object);
    if (name) objectType.description ??= connectionDescription(name);
  }
}

export const connectionDescription = (name: string) =>
  `A list of ${name} items, paged by cursor both ways (Relay connection): \`first\` items after \`after\` (the ` +
  `\`pageInfo.endCursor\` of the previous page), or \`last\` items before \`before\` (its \`pageInfo.startCursor\`), ` +
  `1 to ${MAX_PAGE} (default ${DEFAULT_PAGE}); \`totalCount\` counts all matching items.`;

const once = (probe: () => Promise<boolean>): (() => Promise<boolean>) => {
  let answer: Promise<boolean> | undefined;
  return () => (answer ??= probe());
};

/** Probes of what lies beyond a page's cursors: `previous` at or before `after`, `next` at or after `before`. */
export interface EdgeProbes {
  previous?: () => Promise<boolean>;
  next?: () => Promise<boolean>;
}

/**
 * Builds a page from rows fetched in the window's direction with one extra row (it only tells that more lie that
 * way): paging backward, rows come nearest-to-`before` first and are turned back into the list's order.
 */
export function toPage<T>(
  rows: T[],
  window: PageWindow,
  shape: CursorShape,
  keyOf: (row: T) => unknown[],
  count: () => Promise<number>,
  probes: EdgeProbes = {},
): Page<T> {
  const items = rows.slice(0, window.size);
  if (window.backward) items.reverse();
  const more = rows.length > window.size;
  const edges = items.map((node) => ({ cursor: encodeCursor(shape, keyOf(node)), node }));
  const beyond = (given: unknown, probe?: () => Promise<boolean>): Flag => (given && probe ? once(probe) : false);
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: window.backward ? beyond(window.before, probes.next) : more,
      hasPreviousPage: window.backward ? more : beyond(window.after, probes.previous),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: () => (counted ??= count()),
  };
}

/**
 * Pages a short, already loaded list (a council's terms, a term's seats): the list comes from one batched query for
 * all parents, so nested connections cost no query per parent. The cursor is the item's position key.
 */
export function pageOfList<T>(items: T[], request: PageRequest, shape: CursorShape, keyOf: (item: T) => unknown[]): Page<T> {
  const window = pageWindow(request, shape);
  // Compared as the cursors the items would have: a decoded key written back is the cursor an item of it carries.
  const indexOf = (key: unknown[] | null) => {
    if (!key) return -1;
    const wanted = encodeCursor(shape, key);
    return items.findIndex((item) => encodeCursor(shape, keyOf(item)) === wanted);
  };
  const at = { after: indexOf(window.after), before: indexOf(window.before) };
  // A cursor no item carries any more bounds the range to nothing on its side.
  const lo = window.after ? (at.after < 0 ? items.length : at.after + 1) : 0;
  const hi = window.before ? Math.max(at.before, 0) : items.length;
  const rows = window.backward
    ? items.slice(Math.max(lo, hi - window.size - 1), Math.max(lo, hi)).reverse()
    : items.slice(lo, Math.max(lo, Math.min(hi, lo + window.size + 1)));
  return toPage(rows, window, shape, keyOf, async () => items.length, {
    previous: async () => at.after >= 0,
    next: async () => at.before >= 0,
  });
}

/** The connection arguments of every list (Relay cursor connections, forward and backward). */
@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, {
    nullable: true,
    description:
      `Page forward: the first N items of the range (after \`after\`, before \`before\`); N is 1 to ${MAX_PAGE}. ` +
      `Without \`first\` or \`last\`, pages hold ${DEFAULT_PAGE} items. Out of range, or given with \`last\`: BAD_USER_INPUT.`,
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: "Cursor after which the page starts: a `pageInfo.endCursor` (or edge cursor) of this same list. A cursor of another list, or one that does not decode: BAD_USER_INPUT.",
  })
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      `Page backward: the last N items of the range (before \`before\`, after \`after\`), in the list's own order; N is 1 to ${MAX_PAGE}. ` +
      "Out of range, or given with `first`: BAD_USER_INPUT.",
  })
  last?: number;

  @Field(() => String, {
    nullable: true,
    description:
      `Cursor before which the page ends: a \`pageInfo.startCursor\` (or edge cursor) of this same list. Alone, it asks for the last ${DEFAULT_PAGE} items before it. ` +
      "A cursor of another list, or one that does not decode: BAD_USER_INPUT.",
  })
  before?: string;
}
