import type { ApolloServer } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { runWithRequestId } from "./context";
import { ErrorCode } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client's request id is kept when it is sane, so one id follows a request through the gateway. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface HttpOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Readiness: resolves when the service can answer (database reachable). */
  ready: () => Promise<void>;
}

export function createHttpHandler<TContext extends object>(options: HttpOptions<TContext>) {
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

    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      return sendJson(res, 400, {
        errors: [{ message: (error as Error).message, extensions: { code: ErrorCode.BAD_USER_INPUT } }],
      });
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
      res.statusCode = response.status ?? 200;
      if (response.body.kind === "complete") {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    });
  };
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  const type = req.headers["content-type"] ?? "";
  if (!type.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("Request body is not valid JSON.");
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

/** Listens on `port` (0 = any free port); `close` stops accepting and waits for open requests to finish. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port: number,
  host = "127.0.0.1",
): Promise<Listening> {
  const server = createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
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
      }),
  };
}
