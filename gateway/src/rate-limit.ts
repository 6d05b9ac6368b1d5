import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { SharedState } from "./redis";
import { ErrorCode, noteErrorCodes, requestErrorBody } from "@contagem/common";

export interface RateLimitOptions {
  /** Points a client may spend per minute (0 = no limit); a request costs at least one. */
  perMinute: number;
  /** Take the client's address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy: boolean;
}

/** Nodes one point buys (GitHub's model: a query's cost is its nodes over 100, at least 1). */
export const NODES_PER_POINT = 100;

/** What an operation of `nodes` nodes (packages/schema node-limit) costs, in points. */
export const costOf = (nodes: number) => Math.max(1, Math.ceil(nodes / NODES_PER_POINT));

/** A client's budget in the current window, as the headers and `Query.rateLimit` tell it. */
export interface Budget {
  limit: number;
  used: number;
  remaining: number;
  /** When the window ends and the budget is whole again. */
  resetAt: Date;
  /** Points this request cost (1 until its operation is known). */
  cost: number;
  /** Nodes of this request's operation (0 until it is known). */
  nodeCount: number;
}

/** The headers GitHub's API sends (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api). */
export const RATE_LIMIT_HEADERS = ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used", "x-ratelimit-reset", "x-ratelimit-resource"];

/** The client a request counts against: its address (the first X-Forwarded-For hop behind a trusted proxy). */
function clientOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string" && forwarded) return forwarded.split(",")[0].trim();
  return req.socket.remoteAddress ?? "unknown";
}

interface Charged {
  client: string;
  state: RateLimiterRes;
  cost: number;
  nodeCount: number;
}

export interface RateLimit {
  /** Charges a request's first point before anything else; false when over the budget (429 already sent). */
  admit(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean>;
  /**
   * Charges the rest of an operation's cost once it is known; the seconds to wait when the budget cannot pay it
   * (then nothing of it is charged but the first point).
   */
  charge(req: IncomingMessage, nodes: number): Promise<number | null>;
  /** The request's budget after what it was charged; undefined when no limit applies. */
  budgetOf(req: IncomingMessage): Budget | undefined;
  /** Writes the budget headers (every response of a limited gateway carries them, 429s included). */
  writeHeaders(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * Per-client budget of points, counted in Redis when the replicas share one (`REDIS_URL`: the budget is the client's
 * across every replica), in this process's memory otherwise. While Redis cannot be reached each replica counts in
 * its own memory (rate-limiter-flexible's insurance limiter): the limit then holds per replica. Every
 * request costs a point at the edge, before its body is read; once its operation is known, the rest of its cost.
 * Over the budget: HTTP 429 with Retry-After and a GraphQL error coded RATE_LIMITED.
 */
export function createRateLimit(options: RateLimitOptions, shared?: SharedState): RateLimit {
  const charged = new WeakMap<IncomingMessage, Charged>();
  if (!options.perMinute) {
    return { admit: async () => true, charge: async () => null, budgetOf: () => undefined, writeHeaders: () => undefined };
  }
  const limit = options.perMinute;
  const inMemory = new RateLimiterMemory({ points: limit, duration: 60 });
  const limiter: RateLimiterAbstract = shared
    ? new RateLimiterRedis({
        storeClient: shared.client,
        keyPrefix: `${shared.keyPrefix}rate-limit`,
        points: limit,
        duration: 60,
        // Not connected: counted in memory at once, without waiting for a command to fail.
        rejectIfRedisNotReady: true,
        insuranceLimiter: inMemory,
      })
    : inMemory;
  const budgetOf = (req: IncomingMessage): Budget | undefined => {
    const spent = charged.get(req);
    if (!spent) return undefined;
    const used = Math.min(limit, spent.state.consumedPoints);
    return { limit, used, remaining: limit - used, resetAt: new Date(Date.now() + spent.state.msBeforeNext), cost: spent.cost, nodeCount: spent.nodeCount };
  };
  const writeHeaders = (req: IncomingMessage, res: ServerResponse) => {
    const budget = budgetOf(req);
    if (!budget || res.headersSent) return;
    res.setHeader("x-ratelimit-limit", String(budget.limit));
    res.setHeader("x-ratelimit-remaining", String(budget.remaining));
    res.setHeader("x-ratelimit-used", String(budget.used));
    res.setHeader("x-ratelimit-reset", String(Math.ceil(budget.resetAt.getTime() / 1000)));
    res.setHeader("x-ratelimit-resource", "graphql");
  };
  return {
    budgetOf,
    writeHeaders,
    async admit(req, res, requestId) {
      const client = clientOf(req, options.trustProxy);
      try {
        charged.set(req, { client, state: await limiter.consume(client), cost: 1, nodeCount: 0 });
        writeHeaders(req, res);
        return true;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        charged.set(req, { client, state: rejection, cost: 1, nodeCount: 0 });
        writeHeaders(req, res);
        const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
        res.statusCode = 429;
        noteErrorCodes(res, [ErrorCode.RATE_LIMITED]);
        res.setHeader("retry-after", String(retryAfter));
        res.setHeader("content-type", "application/json");
        res.end(
          requestErrorBody(ErrorCode.RATE_LIMITED, `Too many requests: ${limit} points a minute per client. Retry in ${retryAfter} s.`, requestId, { retryAfter }),
        );
        return false;
      }
    },
    async charge(req, nodes) {
      const spent = charged.get(req);
      if (!spent) return null;
      const cost = costOf(nodes);
      spent.nodeCount = nodes;
      if (cost <= 1) return null;
      try {
        spent.state = await limiter.consume(spent.client, cost - 1);
        spent.cost = cost;
        return null;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // Refused whole: what it did not run is not charged.
        spent.state = await limiter.reward(spent.client, cost - 1);
        return Math.ceil(rejection.msBeforeNext / 1000);
      }
    },
  };
}
