import { randomUUID } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ErrorCode, requestErrorBody, unexpectedMessage } from "./errors";
import { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, type ServerLimits } from "./in-flight";
import type { Logger } from "./logger";
import { noteErrorCodes } from "./access-log";

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
      noteErrorCodes(res, [ErrorCode.INTERNAL_SERVER_ERROR]);
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
