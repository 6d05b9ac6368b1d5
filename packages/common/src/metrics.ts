import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { ConfigError, readOptional, type Env } from "./config";
import { EdgeRejection, refusedUnlessRead, sendRejection } from "./edge";
import { ErrorCode } from "./errors";

/**
 * Prometheus metrics of one process (the gateway or a subgraph), with prom-client. Every label has a bounded set of
 * values: an operation name is one a client chose, so only the first {@link MAX_OPERATION_NAMES} distinct names of
 * operations that passed validation get their own series, and everything else (anonymous operations, documents that
 * did not parse or validate, names past the cap) shares {@link OTHER_OPERATION}. No label ever holds variables, a
 * URL's query string, a token or a client's address.
 */

export const METRICS_PATH = "/metrics";
/** The one label value of anonymous, invalid and uncounted operations: parentheses are not in any GraphQL name. */
export const OTHER_OPERATION = "(other)";
export const MAX_OPERATION_NAMES = 100;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** The operation names that have their own series, first come first served, never more than `max`. */
export class OperationNames {
  private readonly admitted = new Set<string>();
  constructor(private readonly max = MAX_OPERATION_NAMES) {}

  /** Admits the name of an operation that validated (while there is room), and returns its label. */
  admit(name: string | null | undefined): string {
    if (name && !this.admitted.has(name) && this.admitted.size < this.max && GRAPHQL_NAME.test(name)) this.admitted.add(name);
    return this.label(name);
  }

  /** The label of a name, without admitting it (for documents not yet validated). */
  label(name: string | null | undefined): string {
    return name && this.admitted.has(name) ? name : OTHER_OPERATION;
  }
}

/** Seconds: from a cached answer (about a millisecond) to the gateway's subgraph timeout (10 s) and beyond. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface ServiceMetrics {
  registry: Registry;
  operations: OperationNames;
  /** Every HTTP request: its route, GraphQL operation and status. Its `_count` is the request rate. */
  requests: Histogram<"route" | "operationName" | "operationType" | "status">;
  /** Every error a response carried, by its `extensions.code` (the closed set). */
  errors: Counter<"route" | "operationName" | "code">;
  /** The exposition text: these metrics and the process's own. */
  text(): Promise<string>;
}

/**
 * The process's own metrics (CPU, memory, heap, GC, event-loop lag and its percentiles, handles), registered once per
 * process whatever the number of servers in it (tests run several).
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 20 });
  }
  return processRegistry;
}

export function createServiceMetrics(maxOperations = MAX_OPERATION_NAMES): ServiceMetrics {
  const registry = new Registry();
  const process = processMetrics();
  return {
    registry,
    operations: new OperationNames(maxOperations),
    requests: new Histogram({
      name: "contagem_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route (graphql, health, feeds, ...), GraphQL operation name and type (operationName \"(other)\": anonymous, invalid or past the cap), and HTTP status.",
      labelNames: ["route", "operationName", "operationType", "status"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: "contagem_graphql_errors_total",
      help: "Errors in responses, by route, GraphQL operation name and the error's extensions.code (one of the closed set).",
      labelNames: ["route", "operationName", "code"],
      registers: [registry],
    }),
    async text() {
      return `${await registry.metrics()}\n${await process.metrics()}`;
    },
  };
}

/** The content type of the exposition format prom-client writes. */
export const METRICS_CONTENT_TYPE = new Registry().contentType;

/**
 * METRICS_TOKEN: the bearer token a scraper sends for /metrics (at least 32 characters). Unset, /metrics answers 404:
 * request rates, latencies and operation names show traffic patterns, so they are closed unless an operator opens them.
 */
export function readMetricsToken(env: Env): string | undefined {
  const token = readOptional(env, "METRICS_TOKEN");
  if (token !== undefined && (token.length < 32 || !/^[\x21-\x7e]+$/.test(token))) {
    throw new ConfigError("METRICS_TOKEN must be at least 32 printable characters without spaces (e.g. `openssl rand -base64 32`).");
  }
  return token;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether the request's `Authorization: Bearer …` is the token, compared in constant time. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return !!match && tokenMatches(match[1], token);
}

/** Whether `given` is the token, compared in constant time. */
export function tokenMatches(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Answers /metrics when a token is configured: 401 without the right bearer token, else the exposition. Without a
 * token the caller answers the path as any unknown path (404), so a scan cannot tell closed metrics from none.
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, metrics: ServiceMetrics, token: string, requestId: string): Promise<void> {
  if (refusedUnlessRead(req, res, requestId)) return;
  if (!bearerMatches(req, token)) {
    const rejection = new EdgeRejection(401, ErrorCode.UNAUTHENTICATED, "Metrics need the operator's bearer token (METRICS_TOKEN).", {
      "www-authenticate": 'Bearer realm="metrics"',
    });
    return sendRejection(req, res, rejection, requestId);
  }
  const body = await metrics.text();
  res.statusCode = 200;
  res.setHeader("content-type", METRICS_CONTENT_TYPE);
  res.setHeader("cache-control", "no-store");
  res.end(req.method === "HEAD" ? undefined : body);
}
