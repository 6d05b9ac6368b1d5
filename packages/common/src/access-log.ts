import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "./logger";
import { OTHER_OPERATION, type ServiceMetrics } from "./metrics";

/**
 * One access-log line and one observation in the metrics per HTTP request, on the gateway and on each subgraph. What a
 * request did is noted on its record as it goes (the operation once it validated, each error's code as it is answered)
 * and written once its response has ended. The line holds the request id, method, path without its query string,
 * route, operation name and type, status, duration, cache status and error codes: never a query's text, its variables,
 * a header, a token or the client's address (personal data under the LGPD).
 */
export interface RequestRecord {
  route: string;
  /** The operation's name once it passed validation (bounded: see OperationNames), and its type. */
  operationName?: string;
  operationType?: string;
  /** The `extensions.code` of each error answered. */
  codes: string[];
}

const records = new WeakMap<ServerResponse, RequestRecord>();

/** The record of the request `res` answers (undefined outside an observed server). */
export const recordOf = (res: ServerResponse | undefined): RequestRecord | undefined => (res ? records.get(res) : undefined);

/** Notes the codes of errors a response carries. */
export function noteErrorCodes(res: ServerResponse | undefined, codes: Iterable<unknown>): void {
  const record = recordOf(res);
  if (record) for (const code of codes) record.codes.push(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
}

export interface ObserveOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  /** The route a path belongs to: a short, fixed name (graphql, health, metrics, feeds, ...). */
  routeOf: (path: string) => string;
}

/** Routes whose requests are logged at debug level: probes and scrapes every few seconds would drown the rest. */
const QUIET_ROUTES = new Set(["health", "metrics"]);
const MAX_LOGGED_PATH = 200;

/** Wraps a server's handler so that every request is observed and logged once it ends. */
export function observeRequests(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: ObserveOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { logger, metrics, routeOf } = options;
  return (req, res) => {
    const started = performance.now();
    const path = (req.url ?? "/").split("?")[0];
    const record: RequestRecord = { route: routeOf(path), codes: [] };
    records.set(res, record);
    res.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      // A response the client did not wait for is 499, as nginx logs it.
      const status = res.writableFinished ? res.statusCode : 499;
      const operationName = record.route === "graphql" ? (record.operationName ?? OTHER_OPERATION) : "";
      const operationType = record.operationType ?? "";
      metrics.requests.observe({ route: record.route, operationName, operationType, status: String(status) }, seconds);
      for (const code of record.codes) metrics.errors.inc({ route: record.route, operationName, code });
      const cache = res.getHeader("cache-status");
      const line = {
        requestId: String(res.getHeader("x-request-id") ?? ""),
        method: req.method,
        path: path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path,
        route: record.route,
        ...(operationName ? { operationName } : {}),
        ...(operationType ? { operationType } : {}),
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(typeof cache === "string" ? { cache } : {}),
        ...(record.codes.length ? { codes: [...new Set(record.codes)] } : {}),
      };
      if (QUIET_ROUTES.has(record.route)) logger.debug(line, "request");
      else logger.info(line, "request");
    });
    return handler(req, res);
  };
}
