import DataLoader from "dataloader";
import { READ_PRIMARY_HEADER, type RequestContext } from "./context";
import { holdsTransaction } from "./pool";
import { badInput, DependencyUnavailable, ErrorCode, databaseIdOf } from "@contagem/common";
import { batchOptions } from "./loaders";
import { parseId } from "./node";

/**
 * Asks another subgraph, by its federation entry point or its public queries, for facts a write or a policy needs.
 * Carries the request id; never the caller's token (the facts asked for are public).
 */
export async function askPeer<T>(ctx: RequestContext, peer: string, query: string, variables: Record<string, unknown>): Promise<T> {
  // The peer may need the database to answer: asked from inside a transaction, it would wait on that transaction
  // (forever, on the embedded database's single engine). Writes ask in their `prepare` step, before it opens.
  if (holdsTransaction()) throw new Error(`The ${peer} subgraph was asked for facts from inside a transaction.`);
  return post<T>(peerUrl(ctx.peers, peer, ctx.subgraph), peer, query, variables, ctx.requestId, ctx.readsFrom === "primary");
}

const peerUrl = (peers: Record<string, string>, peer: string, asker: string): string => {
  const url = peers[peer];
  if (!url) throw new Error(`The ${asker} subgraph needs ${peer.toUpperCase()}_URL to reach the ${peer} subgraph.`);
  return url;
};

async function post<T>(url: string, peer: string, query: string, variables: Record<string, unknown>, requestId: string, primary = false): Promise<T> {
  let res: Response;
  let body: { data?: T; errors?: { message: string; extensions?: { code?: unknown } }[] };
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId, ...(primary ? { [READ_PRIMARY_HEADER]: "1" } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    body = (await res.json()) as typeof body;
  } catch (error) {
    // Refused, reset, timed out, or cut off mid-answer: the peer is down or restarting, not wrong.
    throw new DependencyUnavailable(`The ${peer} subgraph could not be reached at ${url}: ${(error as Error).message}`, { cause: error });
  }
  // 503: starting (migrating, seeding) or its own dependency is down.
  if (res.status === 503 || body.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
    throw new DependencyUnavailable(`The ${peer} subgraph is unavailable: ${JSON.stringify(body.errors ?? body)}`);
  }
  if (!res.ok || body.errors || !body.data) {
    throw new Error(`${peer} subgraph answered ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** What a default seed gets besides its database: how to ask its peers (e.g. a council's id for its slug). */
export interface SeedContext {
  /** Asks a peer subgraph, waiting while it is starting or unreachable (its own seed may still run). */
  askPeer<T>(peer: string, query: string, variables: Record<string, unknown>): Promise<T>;
  /**
   * The shared audit schema (every subgraph's writes, with the council each concerns): what a seed reads to know
   * whether any write ever named a record, without asking a peer that may itself be waiting on this seed.
   */
  auditSchema?: string;
}

/**
 * A seed's peer client: subgraphs start together, so a peer may still be migrating or seeding when asked; the seed
 * waits for it (a minute, or for ever in a service process, saying so every 10 s) rather than fail the start.
 */
export function seedContext(
  asker: string,
  peers: Record<string, string>,
  options: { waitForever?: boolean; auditSchema?: string; onWait?: (peer: string, reason: string, waitedMs: number) => void } = {},
): SeedContext {
  return {
    auditSchema: options.auditSchema,
    async askPeer<T>(peer: string, query: string, variables: Record<string, unknown>): Promise<T> {
      const url = peerUrl(peers, peer, asker);
      const started = Date.now();
      let told = started;
      for (;;) {
        try {
          // A seed writes, and asks for what a peer's seed may have written a moment ago: on the primary.
          return await post<T>(url, peer, query, variables, `seed-${asker}`, true);
        } catch (error) {
          const waiting = error instanceof DependencyUnavailable;
          if (!waiting || (!options.waitForever && Date.now() - started > 60_000)) throw error;
          if (Date.now() - told >= 10_000) {
            told = Date.now();
            options.onWait?.(peer, (error as Error).message, told - started);
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
  };
}

/** What one subgraph asks another about one of its entity types: the owner, the type, its one shape, how it is read. */
export interface PeerFact<T> {
  peer: string;
  typename: string;
  /**
   * The selection asked on the entity (the fact's one shape). A fact with arguments writes them as literals under an
   * alias of its own (`termAt_2026_05_01: termAt(date: "2026-05-01")`), so that facts asked together never conflict.
   */
  selection: string;
  read: (entity: Record<string, any>) => T;
}

interface Asked {
  fact: PeerFact<unknown>;
  id: number;
}

/**
 * Everything a request asks of one peer in one tick — whatever the types, whatever the number of ids — travels as one
 * `_entities` request, the entry point the gateway uses too; an entity the peer does not know comes back null.
 */
const entitiesOf = (peer: string) => (ctx: RequestContext) =>
  new DataLoader<Asked, unknown, string>(
    async (asked) => {
      const facts = [...new Map(asked.map((a) => [`${a.fact.typename}:${a.fact.selection}`, a.fact])).values()];
      const fragments = facts.map((f) => `... on ${f.typename} { ${f.selection} }`).join(" ");
      const data = await askPeer<{ _entities: (Record<string, unknown> | null)[] }>(
        ctx,
        peer,
        `query($r: [_Any!]!) { _entities(representations: $r) { ${fragments} } }`,
        { r: asked.map((a) => ({ __typename: a.fact.typename, id: String(a.id) })) },
      );
      return data._entities.map((entity, i) => (entity ? asked[i].fact.read(entity) : null));
    },
    { ...batchOptions, cacheKeyFn: ({ fact, id }) => `${fact.typename}:${fact.selection}:${id}` },
  );

/** A fact about one entity of a peer, or null when the peer does not know it. */
export const askFact = <T>(ctx: RequestContext, fact: PeerFact<T>, id: number): Promise<T | null> =>
  ctx.loaders.keyed(`peer:${fact.peer}`, entitiesOf(fact.peer)).load({ fact, id }) as Promise<T | null>;

/**
 * The fact about the record an input field names in another subgraph, or BAD_USER_INPUT naming the field when the
 * owner does not know it. A write asks for all of its ids together (Promise.all) in `prepare`, before its transaction
 * opens: one request per peer, however many ids.
 */
export async function requireFact<T>(ctx: RequestContext, fact: PeerFact<T>, id: string | number, field: string): Promise<T> {
  const found = await askFact(ctx, fact, parseId(id, field));
  if (found === null) throw badInput(field, `"${field}": no ${fact.typename} with id ${JSON.stringify(String(id))}.`);
  return found;
}

/** requireFact for an optional field: null when the input leaves it out. */
export const optionalFact = <T>(ctx: RequestContext, fact: PeerFact<T>, id: string | null | undefined, field: string): Promise<T | null> =>
  id == null ? Promise.resolve(null) : requireFact(ctx, fact, id, field);

/** A seed's council ids for slugs, asked of the councils subgraph (their owner) in one `_entities` request. */
export async function councilIdsBySlug(context: SeedContext, slugs: string[]): Promise<Map<string, number>> {
  const data = await context.askPeer<{ _entities: ({ id: string; slug: string } | null)[] }>(
    "councils",
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { id slug } } }`,
    { r: slugs.map((slug) => ({ __typename: "Council", slug })) },
  );
  const ids = new Map<string, number>();
  data._entities.forEach((council, i) => {
    if (!council) throw new Error(`The councils subgraph does not know the record's council "${slugs[i]}": is its default seed off?`);
    ids.set(council.slug, databaseIdOf(council.id));
  });
  return ids;
}
