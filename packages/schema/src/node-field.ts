import type { GraphQLResolveInfo, GraphQLSchema } from "graphql";
import type { RequestContext } from "./context";
import { badInput, decodeGlobalId, NODE_TYPES, type SubgraphName } from "@contagem/common";
import { askFact, type PeerFact } from "./peers";

type Reference = { __typename: string; id: string };
type ResolveReference = (reference: Reference, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;

/** `nodes(ids:)` takes at most this many ids, like a page of a connection. */
export const MAX_NODES = 100;

/** The Node type of each record a `node` field answered with (records are database rows, not tagged objects). */
const typeOf = new WeakMap<object, string>();

/** Whether a peer knows a record, asked like every other fact: one `_entities` request per peer and tick. */
const exists = new Map<string, PeerFact<true>>();
const existsFact = (type: string): PeerFact<true> => {
  if (!exists.has(type)) exists.set(type, { peer: NODE_TYPES[type], typename: type, selection: "__typename", read: () => true });
  return exists.get(type)!;
};

/**
 * `node`/`nodes` of the subgraph hosting the Node interface: a record of its own through its type's reference
 * resolver (the same loaders and visibility as every path), another subgraph's by asking its owner whether it exists
 * (one `_entities` request per peer, batched), then answering the entity's key for the gateway to fetch its fields
 * from the owner. Unknown: null. Peers are asked without the viewer's token, so a record hidden from the public
 * (draft minutes) is null through `node` whoever asks; it stays reachable by its own query.
 */
export function nodeResolvers(subgraph: SubgraphName, schemaRef: { schema?: GraphQLSchema }) {
  const resolveNode = async (id: unknown, field: string, ctx: RequestContext, info: GraphQLResolveInfo): Promise<unknown> => {
    const decoded = typeof id === "string" ? decodeGlobalId(id) : null;
    if (!decoded) throw badInput(field, `"${field}" must be a global id (a Node's \`id\`); got ${JSON.stringify(String(id).slice(0, 100))}.`);
    const { type, id: databaseId } = decoded;
    if (NODE_TYPES[type] !== subgraph) {
      const found = await askFact(ctx, existsFact(type), Number(databaseId));
      return found ? { __typename: type, id: Number(databaseId) } : null;
    }
    const objectType = schemaRef.schema!.getType(type)!;
    const resolve = (objectType.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } }).apollo?.subgraph?.resolveReference;
    const record = resolve ? await resolve({ __typename: type, id: databaseId }, ctx, info) : null;
    if (record && typeof record === "object") typeOf.set(record, type);
    return record ?? null;
  };
  return {
    Query: {
      node: (_: unknown, { id }: { id: unknown }, ctx: RequestContext, info: GraphQLResolveInfo) => resolveNode(id, "id", ctx, info),
      nodes: (_: unknown, { ids }: { ids: unknown[] }, ctx: RequestContext, info: GraphQLResolveInfo) => {
        if (ids.length > MAX_NODES) throw badInput("ids", `"ids" takes at most ${MAX_NODES} ids; got ${ids.length}.`);
        return Promise.all(ids.map((id, i) => resolveNode(id, `ids[${i}]`, ctx, info)));
      },
    },
    Node: {
      __resolveType: (record: { __typename?: string }) => record.__typename ?? typeOf.get(record),
    },
  };
}

/**
 * Representations arriving at `_entities` carry global ids (the gateway forwards what the referencing subgraph
 * answered) or, during the deprecation window, plain ids: reference resolvers get the database id as before. A
 * global id of another type than `__typename` is BAD_USER_INPUT; one for the `Node` interface names its type.
 */
export function decodeRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return;
  const resolve = field.resolve;
  field.resolve = (source, args, ctx, info) => {
    const representations = (args.representations as Record<string, unknown>[]).map((r, i) => {
      if (typeof r !== "object" || r === null || typeof r.id !== "string") return r;
      const decoded = decodeGlobalId(r.id);
      if (!decoded && r.__typename === "Node") throw badInput(`representations[${i}]`, `"representations[${i}]": a Node representation needs a global id.`);
      if (!decoded) return r;
      if (r.__typename !== "Node" && r.__typename !== decoded.type) {
        throw badInput(`representations[${i}]`, `"representations[${i}]": a ${String(r.__typename)} representation has the id of a ${decoded.type}.`);
      }
      return { ...r, __typename: decoded.type, id: decoded.id };
    });
    return resolve(source, { ...args, representations }, ctx, info);
  };
}
