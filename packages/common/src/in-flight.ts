import type { ServerResponse } from "node:http";
import { readInt, type Env } from "./config";
import { EdgeRejection } from "./edge";
import { ErrorCode } from "./errors";

/**
 * How much one process takes on at once, and how long a request may take to arrive. Every request in flight holds
 * its body (up to the size limit), its parsed value and its execution: without a cap, a burst of large requests
 * exhausts memory. Slow clients hold sockets: the timeouts stop a body trickled byte by byte.
 */
export interface ServerLimits {
  /** Requests to the GraphQL endpoint served at once (0 = no cap). */
  maxInFlight: number;
  /** Requests waiting for a slot; beyond, 503 SERVICE_UNAVAILABLE with Retry-After. */
  maxQueued: number;
  /** Time for the request line and headers to arrive. */
  headersTimeoutMs: number;
  /** Time for the whole request, body included, to arrive; 408 after it. */
  requestTimeoutMs: number;
}

export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * MAX_REQUESTS_IN_FLIGHT, MAX_REQUESTS_QUEUED (half the cap unless set), HTTP_HEADERS_TIMEOUT_MS,
 * HTTP_REQUEST_TIMEOUT_MS. The gateway's default cap is lower than a subgraph's: one gateway request fans out.
 */
export function readServerLimits(env: Env, defaultInFlight: number): ServerLimits {
  const maxInFlight = readInt(env, "MAX_REQUESTS_IN_FLIGHT", defaultInFlight, 0, 100_000);
  const requestTimeoutMs = readInt(env, "HTTP_REQUEST_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT_MS, 100, 3_600_000);
  return {
    maxInFlight,
    maxQueued: readInt(env, "MAX_REQUESTS_QUEUED", Math.ceil(maxInFlight / 2), 0, 100_000),
    // Node requires the headers' time to fit in the request's.
    headersTimeoutMs: readInt(env, "HTTP_HEADERS_TIMEOUT_MS", Math.min(DEFAULT_HEADERS_TIMEOUT_MS, requestTimeoutMs), 100, requestTimeoutMs),
    requestTimeoutMs,
  };
}

/** Releases a slot; calling it again does nothing. */
export type Release = () => void;

const busy = () =>
  new EdgeRejection(503, ErrorCode.SERVICE_UNAVAILABLE, "The server is busy: too many requests in flight. Retry after 1 second.", { "retry-after": "1" });

/**
 * A cap on requests in flight with a short first-come queue. `acquire` resolves with a release once the request
 * may go on, a 503 rejection when the queue is full, or null when the client left while it waited.
 */
export function createInFlightLimit(limits: Pick<ServerLimits, "maxInFlight" | "maxQueued">) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };
  const once = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return async (res: ServerResponse): Promise<Release | EdgeRejection | null> => {
    if (limits.maxInFlight <= 0) return () => {};
    if (inFlight < limits.maxInFlight) {
      inFlight++;
      return once();
    }
    if (waiting.length >= limits.maxQueued) return busy();
    // The slot passes straight from the request that releases it to the first waiting one.
    const granted = await new Promise<boolean>((resolve) => {
      const grant = () => (res.off("close", leave), resolve(true));
      const leave = () => {
        const at = waiting.indexOf(grant);
        if (at >= 0) waiting.splice(at, 1);
        resolve(false);
      };
      waiting.push(grant);
      res.once("close", leave);
    });
    return granted ? once() : null;
  };
}
