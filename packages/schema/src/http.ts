import type { ApolloServer } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { randomUUID } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { runWithRequestId } from "./context";
import { checkGraphQLRequest, checkJsonBody, DEFAULT_MAX_BODY_BYTES, EdgeRejection, readBody, requestIdOf, sendRejection } from "./edge";
import { ErrorCode, requestErrorBody, unexpectedMessage } from "./errors";
import { createInFlightLimit, DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, type ServerLimits } from "./in-flight";
import { documentTooLong, nestingTooDeep } from "./limits";
import type { Logger } from "./logger";

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
}

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
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
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
    if (path !== "/graphql" && path !== "/") return sendJson(res, 404, { error: "Not found: the API is at /graphql." });
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
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
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
    });
  }
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

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close: () => Promise<void>;
}

export interface ListenOptions extends Partial<Pick<ServerLimits, "headersTimeoutMs" | "requestTimeoutMs">> {
  host?: string;
  /** Faults of ours are logged as errors; a client that went away or took too long, as one info line. */
  logger?: Logger;
}

/** Sockets answered 408 by the timeout: their handler's failure to read the rest is already told. */
const timedOut = new WeakSet<object>();

/** Listens on `port` (0 = any free port); `close` stops accepting and waits for open requests to finish. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port: number,
  options: ListenOptions = {},
): Promise<Listening> {
  const { host = "127.0.0.1", logger } = options;
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // Node looks for overdue requests at this interval (30 s by default, which would let a slow body last a minute).
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4)));
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, (req, res) => {
    handler(req, res).catch((error: unknown) => {
      const requestId = String(res.getHeader("x-request-id") ?? "unknown");
      // A client that closed its socket mid-request or mid-response is no fault of ours, and there is no one to answer.
      if (req.socket.destroyed || res.destroyed) {
        if (!timedOut.has(req.socket)) logger?.info({ requestId, reason: (error as Error)?.message }, "client went away");
        return;
      }
      // A fault of ours that escaped every handler: logged, and answered as the closed set's INTERNAL_SERVER_ERROR.
      logger?.error({ err: error, requestId }, "unexpected error");
      if (res.headersSent) return res.end();
      res.statusCode = 500;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(requestErrorBody(ErrorCode.INTERNAL_SERVER_ERROR, unexpectedMessage(requestId), requestId));
    });
  });
  server.keepAliveTimeout = 65_000;
  // Requests Node's HTTP parser refuses (headers too large, malformed) or that take too long to arrive never reach the
  // handler, or reach it still unread: answer them in the same shape as every other error, with a request id, instead
  // of Node's bare status line.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) return socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const requestId = String(inFlight?.getHeader("x-request-id") ?? randomUUID());
    const message =
      status === 431 ? "Request headers are too large." : status === 408 ? "The request took too long to arrive; send it whole, promptly." : "Malformed HTTP request.";
    if (status === 408) {
      timedOut.add(socket);
      logger?.info({ requestId, status }, "request timed out");
    }
    const body = requestErrorBody(ErrorCode.BAD_REQUEST, message, requestId);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\nx-request-id: ${requestId}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      // Closed once written: a handler may be waiting for the rest of a body that will never come.
      () => socket.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${actual}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A keep-alive connection busy with a request gets a few seconds to finish it; then every one is closed.
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      }),
  };
}
