import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode, requestErrorBody } from "@contagem/schema";

export interface RateLimitOptions {
  /** Requests a client may send per minute (0 = no limit). */
  perMinute: number;
  /** Take the client's address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy: boolean;
}

/** The client a request counts against: its address (the first X-Forwarded-For hop behind a trusted proxy). */
function clientOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string" && forwarded) return forwarded.split(",")[0].trim();
  return req.socket.remoteAddress ?? "unknown";
}

/**
 * Per-client request budget, in memory per gateway process (behind N replicas each enforces its share).
 * Over the budget: HTTP 429 with Retry-After and a GraphQL error coded RATE_LIMITED.
 */
export function createRateLimit(options: RateLimitOptions) {
  if (!options.perMinute) return async (_req: IncomingMessage, _res: ServerResponse, _requestId: string) => true;
  const limiter = new RateLimiterMemory({ points: options.perMinute, duration: 60 });
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean> => {
    try {
      await limiter.consume(clientOf(req, options.trustProxy));
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
      res.statusCode = 429;
      res.setHeader("retry-after", String(retryAfter));
      res.setHeader("content-type", "application/json");
      res.end(
        requestErrorBody(
          ErrorCode.RATE_LIMITED,
          `Too many requests: ${options.perMinute} a minute per client. Retry in ${retryAfter} s.`,
          requestId,
          { retryAfter },
        ),
      );
      return false;
    }
  };
}
