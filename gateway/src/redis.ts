import type { Logger } from "@contagem/common";
import type { ExecutionResult } from "graphql";
import { Redis } from "ioredis";
import { MAX_ENTRY_BYTES, type SharedResponseCache } from "./response-cache";

/**
 * The state the gateway's replicas share when `REDIS_URL` is set: the response cache (its answers, their tags and
 * the invalidations) and the rate-limit budget (./rate-limit). Redis is an accelerator, never a dependency of an
 * answer: while it cannot be reached (a command fails at once, never waits in a queue; 500 ms at most once sent, and
 * a connection silent for 500 ms is dropped, so that the next commands fail at once),
 * reads go to the subgraphs without the cache, the budget is counted in memory per replica (rate-limiter-flexible's
 * insurance limiter), and one log line says so (one more when it is back).
 */
export interface SharedState {
  client: Redis;
  /** Prefixed to every key (several deployments, or tests, may share one Redis). */
  keyPrefix: string;
  /** Resolves once connected, or after `timeoutMs` without (the gateway then starts without Redis, and says so). */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** How long one command may take once sent before the gateway goes on without Redis. */
const COMMAND_TIMEOUT_MS = 500;

export function connectSharedState(url: string, logger: Logger, keyPrefix = "contagem:"): SharedState {
  const client = new Redis(url, {
    // Fail fast: a command while disconnected is refused at once (not queued), and retried never.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // A Redis that stops answering without closing (frozen, or a network dropping packets) is let go like a closed
    // one: the socket is dropped and reconnected, and until Redis answers again every command is refused at once,
    // instead of each request waiting out its commands' timeouts.
    socketTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    // Reconnects for ever, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  let down = false;
  let closing = false;
  const lost = (reason: string) => {
    if (down || closing) return;
    down = true;
    logger.warn({ reason }, "Redis unavailable: reads bypass the shared response cache and the rate limit counts per replica until it is back");
  };
  client.on("error", (error: Error) => lost(error.message));
  client.on("close", () => lost("connection closed"));
  client.on("ready", () => {
    if (!down) return;
    down = false;
    logger.info("Redis available again: the response cache and the rate limit are shared again");
  });
  return {
    client,
    keyPrefix,
    ready: (timeoutMs = 2000) =>
      client.status === "ready"
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => {
              client.off("ready", onReady);
              lost(`not connected after ${timeoutMs} ms`);
              resolve(false);
            }, timeoutMs);
            const onReady = () => {
              clearTimeout(timer);
              resolve(true);
            };
            client.once("ready", onReady);
          }),
    async close() {
      closing = true;
      client.disconnect();
    },
  };
}

/**
 * Stores an answer unless one of the subgraphs it asked was invalidated since `since` (their generations then), and
 * tags it with each. KEYS: entry, generations hash, tag per subgraph; ARGV: answer, ttl ms, then subgraph and the
 * generation read for it, pair by pair.
 */
const STORE = `
for i = 3, #ARGV, 2 do
  if (redis.call('hget', KEYS[2], ARGV[i]) or '0') ~= ARGV[i + 1] then return 0 end
end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
for i = 3, #KEYS do
  redis.call('sadd', KEYS[i], KEYS[1])
  if redis.call('pttl', KEYS[i]) < tonumber(ARGV[2]) then redis.call('pexpire', KEYS[i], ARGV[2]) end
end
return 1`;

/**
 * Drops every answer tagged with one of the subgraphs and moves their generations on (an answer being computed
 * meanwhile is then not stored). KEYS: generations hash, tag per subgraph; ARGV: the subgraphs. Returns how many.
 */
const INVALIDATE = `
local dropped = 0
for i = 2, #KEYS do
  redis.call('hincrby', KEYS[1], ARGV[i - 1], 1)
  local members = redis.call('smembers', KEYS[i])
  for j = 1, #members, 500 do
    dropped = dropped + redis.call('del', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('del', KEYS[i])
end
return dropped`;

type Generations = Record<string, string>;

/**
 * The response cache in Redis, shared by every replica: answers under their key with Redis's own expiry, a set of
 * keys per subgraph (the tags), and a generation per subgraph that every invalidation moves on. A mutation's
 * invalidation is one atomic script, awaited before the mutation's response returns, so a read through any replica
 * afterwards cannot find what it dropped; storing is one atomic script too, which refuses an answer computed across
 * an invalidation of what it asked. Redis bounds the memory (`maxmemory` with an LRU policy: OPERATIONS.md).
 */
export class RedisResponseCache implements SharedResponseCache {
  private readonly prefix: string;
  /**
   * Set when Redis went away: any replica may have written meanwhile without being able to say so, so on its return
   * this replica drops every answer before it serves from the cache again (bypassed meanwhile).
   */
  private unsure = false;

  constructor(
    private readonly state: SharedState,
    private readonly ttlMs: number,
    /** Every subgraph (what "every answer" is tagged with). */
    private readonly subgraphs: string[],
    private readonly logger: Logger,
  ) {
    this.prefix = `${state.keyPrefix}response:`;
    state.client.on("close", () => (this.unsure = true));
    state.client.on("ready", () => void this.settle());
  }

  private entryKey = (key: string) => `${this.prefix}answer:${key}`;
  private tagKey = (subgraph: string) => `${this.prefix}tag:${subgraph}`;
  private get generationsKey() {
    return `${this.prefix}generations`;
  }

  async lookup(key: string): Promise<{ hit?: ExecutionResult; since: unknown } | null> {
    if (this.state.client.status !== "ready") return null;
    if (this.unsure) {
      void this.settle();
      return null;
    }
    try {
      const replies = await this.state.client.multi().get(this.entryKey(key)).hgetall(this.generationsKey).exec();
      if (!replies || replies.some(([error]) => error)) return null;
      const [[, entry], [, generations]] = replies as [[null, string | null], [null, Generations]];
      return { hit: entry ? (JSON.parse(entry) as ExecutionResult) : undefined, since: generations };
    } catch (error) {
      this.logger.debug({ err: { message: (error as Error).message } }, "response cache lookup failed: bypassed");
      return null;
    }
  }

  async store(key: string, result: ExecutionResult, subgraphs: Iterable<string>, since: unknown): Promise<void> {
    const text = JSON.stringify(result);
    if (2 * text.length > MAX_ENTRY_BYTES) return;
    const asked = [...subgraphs];
    const generations = since as Generations;
    const args = asked.flatMap((subgraph) => [subgraph, generations[subgraph] ?? "0"]);
    try {
      await this.state.client.eval(STORE, 2 + asked.length, this.entryKey(key), this.generationsKey, ...asked.map(this.tagKey), text, String(this.ttlMs), ...args);
    } catch (error) {
      this.logger.debug({ err: { message: (error as Error).message } }, "response cache store failed: not kept");
    }
  }

  async invalidate(subgraphs: Iterable<string>): Promise<number> {
    const asked = [...subgraphs];
    if (!asked.length) return 0;
    try {
      return await this.drop(asked);
    } catch (error) {
      this.unsure = true;
      this.logger.warn({ err: { message: (error as Error).message }, subgraphs: asked }, "response cache invalidation could not reach Redis: every answer is dropped once it is back");
      return 0;
    }
  }

  private drop(subgraphs: string[]): Promise<number> {
    return this.state.client.eval(INVALIDATE, 1 + subgraphs.length, this.generationsKey, ...subgraphs.map(this.tagKey), ...subgraphs) as Promise<number>;
  }

  /** Back from an outage: drops every answer, then serves from the cache again. */
  private settling?: Promise<void>;
  private settle(): Promise<void> {
    if (!this.unsure) return Promise.resolve();
    this.settling ??= this.drop(this.subgraphs)
      .then(
        () => void (this.unsure = false),
        // Still unsure: the next lookup or "ready" tries again.
        () => undefined,
      )
      .finally(() => (this.settling = undefined));
    return this.settling;
  }
}
