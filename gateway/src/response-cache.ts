import type { Logger } from "@contagem/common";
import { getOperationAST, type ExecutionResult } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { LRUCache } from "lru-cache";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { selectsRateLimit } from "./rate-limit-field";

/**
 * The gateway's response cache for the public graph. It answers a repeated anonymous read without planning or
 * asking any subgraph, and it must never change an answer nor serve a stale one after a write through the gateway:
 *
 * - It never rewrites the client's document (a cache that adds `id`/`__typename` selections changes what the planner
 *   plans, and answers that it should not).
 * - A request with a token is never served from it nor stored (a staff read must reach the subgraph that audits it).
 * - Every cached answer is tagged with the subgraphs its plan asked. Each subgraph owns its records, so a mutation
 *   can only change answers that asked a subgraph the mutation asked: all of those are dropped before the mutation's
 *   response returns (records, their lists and their counts alike).
 * - Memory is bounded in bytes and the key never copies large variables: anonymous clients choose what it holds.
 *
 * It lives in the process's memory (`ResponseCache`), or in Redis when `REDIS_URL` is set (./redis), shared by every
 * replica: then a mutation through one replica drops the answers it changed for all of them before it returns.
 */

/** Variables larger than this (as canonical JSON) make a request uncacheable. */
export const MAX_CACHEABLE_VARIABLES_CHARS = 4096;
/** One answer larger than this is served but not kept. */
export const MAX_ENTRY_BYTES = 512 * 1024;
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Stable JSON of `value` (keys sorted), or null as soon as it passes `budget` characters: a huge variable is
 * never copied into a key.
 */
export function canonicalJson(value: unknown, budget: number): string | null {
  const parts: string[] = [];
  let used = 0;
  const push = (text: string) => {
    used += text.length;
    if (used > budget) return false;
    parts.push(text);
    return true;
  };
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== "object") return push(JSON.stringify(v) ?? "null");
    if (Array.isArray(v)) {
      if (!push("[")) return false;
      for (let i = 0; i < v.length; i++) if ((i && !push(",")) || !walk(v[i])) return false;
      return push("]");
    }
    const keys = Object.keys(v).sort();
    if (!push("{")) return false;
    for (let i = 0; i < keys.length; i++) {
      if ((i && !push(",")) || !push(JSON.stringify(keys[i]) + ":") || !walk((v as Record<string, unknown>)[keys[i]])) return false;
    }
    return push("}");
  };
  return walk(value) ? parts.join("") : null;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The key of an anonymous read, or null when it may not be cached (a document that is not a string, large variables). */
export function responseCacheKey(query: unknown, variables: unknown, operationName: unknown): string | null {
  if (typeof query !== "string") return null;
  const canonical = canonicalJson(variables ?? {}, MAX_CACHEABLE_VARIABLES_CHARS);
  if (canonical === null) return null;
  return sha256(`${sha256(query)}\n${typeof operationName === "string" ? operationName : ""}\n${canonical}`);
}

interface Entry {
  result: ExecutionResult;
  /** The subgraphs the answer's plan asked. */
  subgraphs: string[];
}

/** An LRU bounded in bytes, with an index from each subgraph to the answers that asked it. */
export class ResponseCache {
  private readonly bySubgraph = new Map<string, Set<string>>();
  private readonly lru: LRUCache<string, Entry>;
  /** Counts invalidations; `invalidatedAt` says when each subgraph's answers were last dropped. */
  private tick = 0;
  private readonly invalidatedAt = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    maxBytes = DEFAULT_CACHE_MAX_BYTES,
  ) {
    this.lru = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      maxEntrySize: MAX_ENTRY_BYTES,
      // Approximate bytes held: the answer as JSON (two bytes a character) and its key.
      sizeCalculation: (entry, key) => Math.max(1, 2 * ((JSON.stringify(entry.result)?.length ?? 0) + key.length)),
      ttl: ttlMs,
      dispose: (entry, key) => {
        for (const subgraph of entry.subgraphs) this.bySubgraph.get(subgraph)?.delete(key);
      },
    });
  }

  get(key: string): ExecutionResult | undefined {
    return this.lru.get(key)?.result;
  }

  /** A moment to compare with: an answer computed since `now()` may be stored only if nothing it asked changed. */
  now(): number {
    return this.tick;
  }

  /**
   * Stores an answer computed from `since` on, unless a mutation invalidated a subgraph it asked meanwhile (it may
   * then hold what was true before the write).
   */
  set(key: string, result: ExecutionResult, subgraphs: Iterable<string>, since: number): void {
    const entry = { result, subgraphs: [...subgraphs] };
    if (entry.subgraphs.some((subgraph) => (this.invalidatedAt.get(subgraph) ?? -1) >= since)) return;
    this.lru.set(key, entry);
    if (!this.lru.has(key)) return; // too large to keep
    for (const subgraph of entry.subgraphs) {
      let keys = this.bySubgraph.get(subgraph);
      if (!keys) this.bySubgraph.set(subgraph, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Drops every answer that asked one of `subgraphs`; returns how many. */
  invalidate(subgraphs: Iterable<string>): number {
    let dropped = 0;
    const tick = this.tick++;
    for (const subgraph of subgraphs) {
      this.invalidatedAt.set(subgraph, tick);
      for (const key of [...(this.bySubgraph.get(subgraph) ?? [])]) if (this.lru.delete(key)) dropped++;
    }
    return dropped;
  }

  get size(): number {
    return this.lru.size;
  }

  /** Approximate bytes held (the same measure as the bound). */
  get bytes(): number {
    return this.lru.calculatedSize;
  }
}

/**
 * Where the plugin keeps answers: in this process or shared (Redis). `lookup` says null when the store cannot be
 * reached (the request is then answered without the cache); `since` is the moment the answer's computation began.
 */
export interface SharedResponseCache {
  lookup(key: string): Promise<{ hit?: ExecutionResult; since: unknown } | null>;
  store(key: string, result: ExecutionResult, subgraphs: Iterable<string>, since: unknown): Promise<void>;
  /** Drops every answer that asked one of `subgraphs`, for every replica, before it resolves; returns how many. */
  invalidate(subgraphs: Iterable<string>): Promise<number>;
}

/** The in-process cache behind the plugin's interface. */
export function inMemory(cache: ResponseCache): SharedResponseCache {
  return {
    lookup: async (key) => ({ hit: cache.get(key), since: cache.now() }),
    store: async (key, result, subgraphs, since) => cache.set(key, result, subgraphs, since as number),
    invalidate: async (subgraphs) => cache.invalidate(subgraphs),
  };
}

interface GatewayContext {
  request: Request;
  params?: { query?: unknown; variables?: unknown; operationName?: unknown };
}

/**
 * What the cache did for a request, as RFC 9211's `Cache-Status` says it (`contagem-gateway; hit`, `…; fwd=miss`,
 * `…; fwd=bypass` for a query it may not answer: with a token, selecting `rateLimit`, or with large variables),
 * read by the edge when it writes the response's headers.
 */
const cacheStatus = new WeakMap<IncomingMessage, string>();
export const CACHE_STATUS_NAME = "contagem-gateway";

/** The `Cache-Status` value of a request the response cache saw (undefined for mutations and when it is off). */
export const cacheStatusOf = (req: IncomingMessage): string | undefined => cacheStatus.get(req);

/** The subgraphs each request's plan asked, by request context. */
const asked = new WeakMap<object, Set<string>>();

/** The cache as a gateway plugin: served and stored around execution, told by the runtime which subgraphs ran. */
export function useResponseCache(cache: SharedResponseCache, logger: Logger, counted: (result: "hit" | "miss" | "bypass") => void = () => {}) {
  return {
    onSubgraphExecute({ subgraphName, executionRequest }: { subgraphName: string; executionRequest: { context?: object } }) {
      const context = executionRequest.context;
      if (!context) return;
      let subgraphs = asked.get(context);
      if (!subgraphs) asked.set(context, (subgraphs = new Set()));
      subgraphs.add(subgraphName);
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as GatewayContext;
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === "mutation") {
        return {
          // Whatever its outcome (one field of several may have written), before the response returns.
          async onExecuteDone() {
            const subgraphs = asked.get(context) ?? [];
            const dropped = await cache.invalidate(subgraphs);
            logger.debug({ subgraphs: [...subgraphs], dropped }, "response cache invalidated by a mutation");
          },
        };
      }
      if (operation !== "query") return;
      const req = (args.contextValue as { req?: IncomingMessage }).req;
      const status = (value: "hit" | "fwd=miss" | "fwd=bypass") => {
        counted(value === "hit" ? "hit" : value === "fwd=miss" ? "miss" : "bypass");
        if (req) cacheStatus.set(req, `${CACHE_STATUS_NAME}; ${value}`);
      };
      // `rateLimit` is the asker's own budget at this moment: never another request's.
      if (context.request.headers.get("authorization") || selectsRateLimit(args.document, args.operationName)) return void status("fwd=bypass");
      const key = responseCacheKey(context.params?.query, args.variableValues, args.operationName);
      if (!key) return void status("fwd=bypass");
      const found = await cache.lookup(key);
      // The shared store cannot be reached: answered without it (never an error for a read).
      if (!found) return void status("fwd=bypass");
      const { hit, since } = found;
      status(hit ? "hit" : "fwd=miss");
      if (hit) return setResultAndStopExecution(hit);
      return {
        async onExecuteDone({ result }) {
          const one = result as ExecutionResult;
          if (Symbol.asyncIterator in (result as object) || one.errors?.length || !one.data) return;
          await cache.store(key, one, asked.get(context) ?? [], since);
        },
      };
    },
  } satisfies GatewayPlugin;
}
