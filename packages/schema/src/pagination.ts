import { ArgsType, Directive, Field, getMetadataStorage, Int, ObjectType, type ClassType } from "type-graphql";
import { decodeCursor, encodeCursor, type CursorShape } from "./cursor";
import { badInput } from "./errors";
import { DEFAULT_PAGE, MAX_PAGE } from "./limits";

/** Shared by every subgraph's connections: a value type, so @shareable. */
@ObjectType({ description: "Where a page stands in its list (Relay cursor connections)." })
@Directive("@shareable")
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "True when this page was asked for after a cursor." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item; pass it as `after` for the next page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a resolver hands to a connection type: the page, and a count run only when `totalCount` is asked for. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
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
      return this.page.pageInfo;
    }

    @Field(() => Int, { description: "How many items match the filter, over all pages." })
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
  `A list of ${name} items, paged by cursor (Relay connection): \`first\` 1 to ${MAX_PAGE} items (default ${DEFAULT_PAGE}), ` +
  "`after` the `pageInfo.endCursor` of the previous page; `totalCount` counts all matching items.";

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badInput("first", `"first" must be between 1 and ${MAX_PAGE}; got ${size}.`);
  }
  return size;
}

/** Builds a page from rows fetched with one extra row (the extra one only tells that more follow). */
export function toPage<T>(
  rows: T[],
  size: number,
  hasPrevious: boolean,
  shape: CursorShape,
  keyOf: (row: T) => unknown[],
  count: () => Promise<number>,
): Page<T> {
  const items = rows.slice(0, size);
  const edges = items.map((node) => ({ cursor: encodeCursor(shape, keyOf(node)), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
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
export function pageOfList<T>(
  items: T[],
  request: { first?: number | null; after?: string | null },
  shape: CursorShape,
  keyOf: (item: T) => unknown[],
): Page<T> {
  const size = pageSize(request.first);
  let start = 0;
  if (request.after) {
    // Compared as the cursors the items would have: a decoded key written back is the cursor an item of it carries.
    const wanted = encodeCursor(shape, decodeCursor(request.after, shape));
    start = items.findIndex((item) => encodeCursor(shape, keyOf(item)) === wanted) + 1;
    if (start === 0) start = items.length;
  }
  const rest = items.slice(start, start + size + 1);
  return toPage(rest, size, !!request.after, shape, keyOf, async () => items.length);
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size, 1 to 100 (default 20)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor after which the page starts (`pageInfo.endCursor`)." })
  after?: string;
}
