import type { ExecutionResult } from "graphql";
import { LRUCache } from "lru-cache";
import { createHash, randomUUID } from "node:crypto";

/**
 * The gateway's response cache for the public graph: what it keys on and how much memory it may hold. Both are
 * bounded, because the cache is the one place where anonymous clients choose what the gateway keeps in memory.
 */

/** Variables larger than this (as canonical JSON) make a request uncacheable: no client can fill memory with them. */
export const MAX_CACHEABLE_VARIABLES_CHARS = 4096;
/** One answer larger than this is served but not kept. */
const MAX_ENTRY_BYTES = 512 * 1024;
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

const PRIVATE = "private:";

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

interface CacheKeyInput {
  sessionId: string | null;
  documentString: string;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * A request with a token gets a key of its own, so it is never served from the cache nor stored (a staff read must
 * reach the subgraph, which audits it), while its mutations still evict the cached answers holding what they
 * changed. So does an anonymous request whose variables are too large to key on.
 */
export const sessionOf = (request: Request) => (request.headers.get("authorization") ? `${PRIVATE}${randomUUID()}` : null);

export function responseCacheKey({ sessionId, documentString, variableValues, operationName }: CacheKeyInput): string {
  if (sessionId?.startsWith(PRIVATE)) return sessionId;
  // The cache plugin keys a request before the runtime has checked its parameters: a query that is not a string
  // is keyed apart (and refused next, as BAD_REQUEST).
  if (typeof documentString !== "string") return `${PRIVATE}${randomUUID()}`;
  const variables = canonicalJson(variableValues ?? {}, MAX_CACHEABLE_VARIABLES_CHARS);
  if (variables === null) return `${PRIVATE}${randomUUID()}`;
  return sha256(`${sha256(documentString)}\n${operationName ?? ""}\n${variables}`);
}

export const shouldCacheResult = ({ cacheKey, result }: { cacheKey: string; result: ExecutionResult }) =>
  !cacheKey.startsWith(PRIVATE) && !result.errors?.length;

/** Approximate bytes a cached value holds in memory: its JSON, plus the key (entity index entries are keys only). */
function sizeOf(value: unknown, key: string): number {
  const json = JSON.stringify(value) ?? "";
  return Math.max(1, 2 * (json.length + key.length));
}

/**
 * The key-value store behind the response cache (`@graphql-mesh` KeyValueCache): an LRU bounded in bytes, not in
 * entries, since one answer may index hundreds of entities and weigh from bytes to megabytes.
 */
export class BoundedCache {
  private readonly lru: LRUCache<string, object>;

  constructor(maxBytes = DEFAULT_CACHE_MAX_BYTES) {
    this.lru = new LRUCache<string, object>({
      maxSize: maxBytes,
      maxEntrySize: MAX_ENTRY_BYTES,
      sizeCalculation: sizeOf,
      ttlAutopurge: false,
    });
  }

  get(key: string): object | undefined {
    return this.lru.get(key);
  }

  set(key: string, value: object, options?: { ttl?: number | null }): void {
    this.lru.set(key, value, options?.ttl ? { ttl: options.ttl * 1000 } : undefined);
  }

  delete(key: string): boolean {
    return this.lru.delete(key);
  }

  getKeysByPrefix(prefix: string): string[] {
    const keys: string[] = [];
    for (const key of this.lru.keys()) if (key.startsWith(prefix)) keys.push(key);
    return keys;
  }
}
