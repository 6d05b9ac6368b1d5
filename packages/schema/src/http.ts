import type { ApolloServer } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import { runWithRequestId } from "./context";
import { checkGraphQLRequest, checkJsonBody, DEFAULT_MAX_BODY_BYTES, EdgeRejection, readBody, requestIdOf, sendRejection, ErrorCode, createInFlightLimit, type ServerLimits, documentTooLong, nestingTooDeep, METRICS_PATH, observeRequests, serveMetrics, type Logger, type ServiceMetrics, tokenMatches } from "@contagem/common";

export interface HttpOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Readiness: resolves when the service can answer (database reachable). */
  ready: () => Promise<void>;
  maxBodyBytes?: number;
  /** Longest document accepted (QUERY_TOO_COMPLEX above); none when limits are off. */
  maxQueryChars?: number;
  /** Requests served at once and queued (503 beyond); none when absent. */
  inFlight?: Pick<ServerLimits, "maxInFlight" | "maxQueued">;
  /** Paths a subgraph serves besides GraphQL (its documents' bytes), tried before the 404; each takes a slot. */
  routes?: SubgraphRoute<TContext>;
  /** Its metrics, served at /metrics to the bearer of `metricsToken` (404 without a token configured). */
  metrics: ServiceMetrics;
  metricsToken?: string;
  logger: Logger;
}

/**
 * A subgraph's own HTTP resource: answers and returns true when the path is its, else returns false having done
 * nothing. `context` builds the request's context (the viewer from the bearer token; UNAUTHENTICATED when invalid).
 */
export type SubgraphRoute<TContext extends object = object> = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
  context: () => Promise<TContext>,
) => Promise<boolean>;

/**
 * Errors that GraphQL over HTTP answers with 200 under `application/json` (legacy clients read the body, not the
 * status) and with 400 under `application/graphql-response+json`; Apollo Server answers 400 to both.
 */
const DOCUMENT_ERRORS = new Set<unknown>([ErrorCode.GRAPHQL_PARSE_FAILED, ErrorCode.GRAPHQL_VALIDATION_FAILED, ErrorCode.BAD_USER_INPUT, ErrorCode.QUERY_TOO_COMPLEX]);

function statusFor(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith("application/json")) return status;
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors;
    return errors?.length && errors.every((e) => DOCUMENT_ERRORS.has(e.extensions?.code)) ? 200 : status;
  } catch {
    return status;
  }
}

export function createHttpHandler<TContext extends object>(options: HttpOptions<TContext>) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const acquire = createInFlightLimit(options.inFlight ?? { maxInFlight: 0, maxQueued: 0 });
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (path === "/readyz") {
      try {
        await options.ready();
        return sendJson(res, 200, { status: "ready" });
      } catch {
        return sendJson(res, 503, { status: "unavailable" });
      }
    }
    if (path === METRICS_PATH && options.metricsToken) return serveMetrics(req, res, options.metrics, options.metricsToken, requestId);
    if (path !== "/graphql" && path !== "/") {
      if (options.routes) {
        const slot = await acquire(res);
        if (slot === null) return;
        if (slot instanceof EdgeRejection) return sendRejection(req, res, slot, requestId);
        try {
          const context = () => options.context(req, requestId);
          if (await runWithRequestId(requestId, () => options.routes!(req, res, path, requestId, context), res)) return;
        } finally {
          slot();
        }
      }
      return sendJson(res, 404, { error: "Not found: the API is at /graphql." });
    }
    const rejected = checkGraphQLRequest(req, maxBodyBytes);
    if (rejected) return sendRejection(req, res, rejected, requestId);
    // A slot is taken before the body is read: the cap bounds the memory bodies hold.
    const slot = await acquire(res);
    if (slot === null) return;
    if (slot instanceof EdgeRejection) return sendRejection(req, res, slot, requestId);
    try {
      await serveGraphQL(req, res, requestId);
    } finally {
      slot();
    }
  };
  // One access-log line and one observation per request, whatever answered it.
  const handler = observeRequests(serve, { logger: options.logger, metrics: options.metrics, routeOf: subgraphRouteOf });

  return handler;

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    let body: unknown;
    try {
      body = req.method === "POST" ? parseJson(await readBody(req, maxBodyBytes)) : undefined;
    } catch (error) {
      if (error instanceof EdgeRejection) return sendRejection(req, res, error, requestId);
      throw error;
    }
    const query = req.method === "POST" ? (body as { query?: unknown } | null)?.query : new URL(req.url ?? "/", "http://local").searchParams.get("query");
    const variables = req.method === "POST" ? (body as { variables?: unknown } | null)?.variables : undefined;
    const tooLong = options.maxQueryChars ? (documentTooLong(query, options.maxQueryChars) ?? nestingTooDeep(query, variables)) : null;
    if (tooLong) {
      const status = (req.headers.accept ?? "").includes("application/graphql-response+json") ? 400 : 200;
      return sendRejection(req, res, new EdgeRejection(status, ErrorCode.QUERY_TOO_COMPLEX, tooLong.message), requestId);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined && key !== OPERATOR_TOKEN_HEADER) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    // Federated traces (ftv1) reveal each field's timing: only to a router that shows the operator's token.
    if (!traceAllowed(req, options.metricsToken)) headers.delete(TRACE_HEADER);
    await runWithRequestId(requestId, async () => {
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? "GET").toUpperCase(),
          headers,
          search: new URL(req.url ?? "/", "http://local").search,
          body,
        },
        context: () => options.context(req, requestId),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      if (response.body.kind === "complete") {
        res.statusCode = statusFor(response.status ?? 200, response.headers.get("content-type"), response.body.string);
        res.end(response.body.string);
        return;
      }
      res.statusCode = response.status ?? 200;
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }, res);
  }
}

/** The header by which a router asks a subgraph for its inline federated trace (Apollo's `ftv1`). */
export const TRACE_HEADER = "apollo-federation-include-trace";
/** The header by which a router shows the operator's token (METRICS_TOKEN), which opens ftv1 traces. */
export const OPERATOR_TOKEN_HEADER = "x-operator-token";

/**
 * Whether a request may have an inline trace: it carries the operator's token (METRICS_TOKEN, compared in constant
 * time) in `x-operator-token`. Without a token configured, never: timings are the operator's, like /metrics.
 */
function traceAllowed(req: IncomingMessage, token: string | undefined): boolean {
  const given = req.headers[OPERATOR_TOKEN_HEADER];
  return !!token && typeof given === "string" && tokenMatches(given, token);
}

/** A subgraph's routes as the metrics and the access log name them. */
export function subgraphRouteOf(path: string): string {
  if (path === "/graphql" || path === "/") return "graphql";
  if (path === "/healthz" || path === "/readyz") return "health";
  if (path === METRICS_PATH) return "metrics";
  if (path === "/documents" || path.startsWith("/documents/")) return "documents";
  return "other";
}

function parseJson(raw: Buffer): unknown {
  const refused = checkJsonBody(raw);
  if (refused) throw refused;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new EdgeRejection(400, ErrorCode.BAD_REQUEST, "The request body is not valid JSON.");
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
