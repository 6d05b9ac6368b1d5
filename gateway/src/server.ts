import {
  AppError,
  checkGraphQLRequest,
  checkJsonBody,
  createInFlightLimit,
  DEFAULT_MAX_BODY_BYTES,
  EdgeRejection,
  ErrorCode,
  listen,
  readBody,
  requestIdOf,
  negotiateAnswer,
  sendRejection,
  createServiceMetrics,
  METRICS_PATH,
  observeRequests,
  serveMetrics,
  type ServiceMetrics,
  type Listening,
  type Logger,
  type ServerLimits,
  type Verifier,
} from "@contagem/common";
import { sendNodeResponse } from "@whatwg-node/server";
import compression from "compression";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ideContentSecurityPolicy } from "./graphiql";
import { writeCachingHeaders } from "./http-caching";
import { cacheStatusOf } from "./response-cache";
import type { PersistedDocumentsOptions } from "./persisted-documents";
import { askGraphThrough } from "./feeds/ask-graph";
import { createAtomRoutes, FEEDS_PATH } from "./feeds/atom";
import { CALENDAR_PATH, createCalendarRoutes } from "./feeds/calendar";
import { createDocumentRoutes, isDocumentPath } from "./documents";
import { createOpenDataRoutes } from "./open-data";
import { CONSOLE_PATH, createConsoleRoutes, type ConsoleConfig } from "./console";
import { createPublishedRoutes, type PublishedOptions } from "./published";
import { createRateLimit, type RateLimitOptions } from "./rate-limit";
import { connectSharedState } from "./redis";
import { createRuntime, type QueryLimits, type QueryPlanner } from "./runtime";
import { createBrowserPolicy, DEFAULT_CORS_ORIGINS } from "./security";
import type { SubgraphUrls } from "./subgraphs";
import { gatewayRouteOf } from "./metrics";

export interface GatewayDeps {
  supergraph: string;
  subgraphUrls: SubgraphUrls;
  logger: Logger;
  queryPlanner?: QueryPlanner;
  responseCacheTtlMs?: number;
  responseCacheMaxBytes?: number;
  /** How long one request to a subgraph may take, in milliseconds (SERVICE_UNAVAILABLE on its fields after). */
  subgraphTimeoutMs?: number;
  queryLimits?: QueryLimits | false;
  rateLimit?: RateLimitOptions;
  /** Largest request body accepted, in bytes (413 above). */
  maxBodyBytes?: number;
  /** Requests in flight and queued (503 beyond), and how long a request may take to arrive (408 beyond). */
  serverLimits?: ServerLimits;
  /** Origins browsers may read the API from; ["*"] = any (never with credentials). */
  corsOrigins?: string[];
  /**
   * Verifies a bearer token at the edge (401 UNAUTHENTICATED before any work); every subgraph verifies it again.
   * Absent only in tools that run the gateway without an identity provider.
   */
  verify?: Verifier;
  /** Trusted documents (by SHA-256) and whether only they are accepted; automatic persisted queries otherwise. */
  persistedDocuments?: PersistedDocumentsOptions;
  /** The published documents, when not read from the build output and the repository (see ./published). */
  published?: Omit<PublishedOptions, "supergraph">;
  /** The directory `npm run export` writes the open-data snapshots to, served at /open-data/ (OPEN_DATA_DIR). */
  openDataDir?: string;
  /** The secretaries' console at /console/ (apps/console's build) and how it signs in; unset → no console. */
  console?: ConsoleConfig;
  /** The municipality's IANA time zone (CIVIL_TIME_ZONE): the calendars' VTIMEZONE. */
  civilTimeZone?: string;
  /** The gateway's public origin (PUBLIC_URL, e.g. https://participacao.example.gov.br): absolute links in the feeds. */
  publicUrl?: string;
  /** The bearer token that opens /metrics (METRICS_TOKEN); without it /metrics answers 404. */
  metricsToken?: string;
  /**
   * Redis (REDIS_URL), shared by the replicas: the response cache and the rate-limit budget; without it both live in
   * this process. `keyPrefix` (default "contagem:") separates deployments, or tests, sharing one Redis.
   */
  redis?: { url: string; keyPrefix?: string };
}

export interface Gateway {
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  metrics: ServiceMetrics;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = "/graphql";

/** The gateway's default cap on requests in flight (MAX_REQUESTS_IN_FLIGHT). */
export const GATEWAY_IN_FLIGHT = 64;

/**
 * gzip or Brotli, as the client's Accept-Encoding prefers (q-values honoured), for answers of 1 KiB and more (the IDE
 * page is megabytes); `Vary: Accept-Encoding` on every compressible answer. expressjs's `compression` middleware.
 */
const compressMiddleware = compression({ threshold: 1024 });
const compress = (req: IncomingMessage, res: ServerResponse) => {
  weakenEtagWhenEncoded(res);
  return new Promise<void>((resolve, reject) => compressMiddleware(req as never, res as never, (error?: unknown) => (error ? reject(error) : resolve())));
};

/**
 * A strong ETag names exact bytes, and a gzip or Brotli body is other bytes than the file's (RFC 9110 §8.8.1): once
 * the middleware has chosen an encoding, the validator goes weak, so If-Range never joins a compressed start to an
 * identity rest, while If-None-Match (weak comparison) still answers 304. Wrapped before the middleware, this runs
 * after it has set Content-Encoding.
 */
function weakenEtagWhenEncoded(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const encoding = res.getHeader("content-encoding");
    const etag = res.getHeader("etag");
    if (encoding && encoding !== "identity" && typeof etag === "string" && !etag.startsWith("W/")) res.setHeader("etag", `W/${etag}`);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/**
 * The gateway's readiness, asked of every subgraph (each asks its database) at most once a second: /readyz is public
 * (an ingress forwards every path) and costs no rate-limit point, so each request asking anew would let any client
 * multiply its requests onto the subgraphs and their database pools. Concurrent probes share one check.
 */
const READINESS_FRESH_MS = 1000;
function readinessCheck(urls: SubgraphUrls): () => Promise<string[]> {
  let last: { at: number; down: Promise<string[]> } | undefined;
  return () => {
    const now = performance.now();
    if (!last || now - last.at >= READINESS_FRESH_MS) last = { at: now, down: subgraphsReady(urls) };
    return last.down;
  };
}

/** Ready when every subgraph answers its own readiness check. */
async function subgraphsReady(urls: SubgraphUrls): Promise<string[]> {
  const down: string[] = [];
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const res = await fetch(new URL("/readyz", url), { signal: AbortSignal.timeout(2000) });
        if (!res.ok) down.push(name);
      } catch {
        down.push(name);
      }
    }),
  );
  return down.sort();
}

/** The request as the runtime sees it: headers as sent (with the request id), the body already read and bounded. */
function toRequestInit(req: IncomingMessage, body: Buffer | undefined, signal: AbortSignal): RequestInit {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "content-length" || name === "transfer-encoding" || name === "connection") continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  // The edge accepted the media type in any case and with a UTF-8 charset; the runtime knows only the lowercase form.
  if (body) headers.set("content-type", "application/json");
  // The runtime picks an answer type without reading q-values (it answered a type the client had excluded with
  // q=0): the edge negotiates once and hands on the one type chosen.
  const answer = negotiateAnswer(req.headers.accept, req.method === "GET" ? ["text/html"] : []);
  if (answer) headers.set("accept", answer);
  return { method: req.method, headers, body: body && body.length ? new Uint8Array(body) : undefined, signal };
}

/**
 * The gateway over the committed supergraph; does not listen until asked (tests run it in-process). In front of
 * the runtime, the edge every request crosses first: security headers and CORS, the request id, the rate limit,
 * and the HTTP checks (method, media type, size) that refuse a request before it costs memory.
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const sharedState = deps.redis && connectSharedState(deps.redis.url, deps.logger, deps.redis.keyPrefix);
  const budget = createRateLimit(deps.rateLimit ?? { perMinute: 0, trustProxy: false }, sharedState);
  const metrics = createServiceMetrics();
  const runtime = createRuntime({ ...deps, budget, metrics, sharedState });
  // A CDN keeps a public answer no longer than the gateway's own cache would serve it.
  const maxAgeSeconds = Math.floor((deps.responseCacheTtlMs ?? 0) / 1000);
  const browserPolicy = createBrowserPolicy({ corsOrigins: deps.corsOrigins ?? DEFAULT_CORS_ORIGINS });
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const acquire = createInFlightLimit(deps.serverLimits ?? { maxInFlight: GATEWAY_IN_FLIGHT, maxQueued: GATEWAY_IN_FLIGHT / 2 });
  const published = createPublishedRoutes({ supergraph: deps.supergraph, ...deps.published });
  const openData = createOpenDataRoutes(deps.openDataDir);
  const consoleRoutes = deps.console && createConsoleRoutes(deps.console);
  const documents = createDocumentRoutes(deps.subgraphUrls.meetings);
  const timeZone = deps.civilTimeZone ?? "America/Sao_Paulo";
  const ask = askGraphThrough(runtime);
  const feeds = [createCalendarRoutes(ask, { timeZone }), createAtomRoutes(ask, { timeZone, publicUrl: deps.publicUrl })];
  let listening: Listening | undefined;

  /** An invalid token is refused as a whole request, as GitHub does ("Bad credentials"), never silently ignored. */
  const checkToken = async (req: IncomingMessage): Promise<EdgeRejection | null> => {
    if (!deps.verify || req.headers.authorization === undefined) return null;
    try {
      await deps.verify(req.headers.authorization);
      return null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return new EdgeRejection(401, ErrorCode.UNAUTHENTICATED, error.message, { "www-authenticate": 'Bearer error="invalid_token"' });
    }
  };

  /** Work that costs what a query costs: charged to the client's budget, and run in a slot (503 when none frees). */
  const likeAQuery = async (req: IncomingMessage, res: ServerResponse, requestId: string, work: () => Promise<void>) => {
    if (!(await budget.admit(req, res, requestId))) return;
    const slot = await acquire(res);
    if (slot === null) return;
    if (slot instanceof EdgeRejection) return sendRejection(req, res, slot, requestId);
    try {
      await work();
    } finally {
      slot();
    }
  };

  const readiness = readinessCheck(deps.subgraphUrls);
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    // One request id follows the request through the gateway into every subgraph and their logs.
    const requestId = requestIdOf(req);
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    if (!(await browserPolicy(req, res))) return;
    await compress(req, res);
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" || path === "/readyz") {
      const down = path === "/readyz" ? await readiness() : [];
      res.statusCode = down.length ? 503 : 200;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(down.length ? { status: "unavailable", down } : { status: "ok" }));
      return;
    }
    // The operator's, not the public's: closed unless METRICS_TOKEN is set, and then only with it (never rate-limited).
    if (path === METRICS_PATH && deps.metricsToken) return serveMetrics(req, res, metrics, deps.metricsToken, requestId);
    if (path === "/") {
      res.statusCode = 302;
      res.setHeader("location", GRAPHQL_PATH);
      res.end();
      return;
    }
    if (published(req, res, path, requestId)) return;
    if (await openData(req, res, path, requestId)) return;
    if (consoleRoutes && (path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`))) {
      // Minting a token is charged like a query; the application's files are not.
      if (path === `${CONSOLE_PATH}/dev-sign-in`) return likeAQuery(req, res, requestId, async () => void (await consoleRoutes(req, res, path, requestId)));
      return void (await consoleRoutes(req, res, path, requestId));
    }
    if (path.startsWith(`${CALENDAR_PATH}/`) || path.startsWith(`${FEEDS_PATH}/`)) {
      // A feed asks the graph up to ten pages: it counts against the client's budget and takes a slot like a query.
      return likeAQuery(req, res, requestId, async () => {
        for (const feed of feeds) if (await feed(req, res, path, requestId)) break;
      });
    }
    if (isDocumentPath(path)) {
      // Bytes, not GraphQL, but a budget and a slot like a query; the token is checked here, and again by the owner.
      return likeAQuery(req, res, requestId, async () => {
        const rejected = await checkToken(req);
        if (rejected) return sendRejection(req, res, rejected, requestId);
        await documents(req, res, requestId);
      });
    }
    if (path !== GRAPHQL_PATH) {
      return sendRejection(req, res, new EdgeRejection(404, ErrorCode.BAD_REQUEST, `Not found: the API is at ${GRAPHQL_PATH}.`), requestId);
    }
    if (!(await budget.admit(req, res, requestId))) return;
    const refuse = (rejection: EdgeRejection) => {
      deps.logger.info({ requestId, status: rejection.status, message: rejection.message }, "request refused");
      sendRejection(req, res, rejection, requestId);
    };
    const rejected = checkGraphQLRequest(req, maxBodyBytes, { pages: ["text/html"] }) ?? (await checkToken(req));
    if (rejected) return refuse(rejected);
    // A slot is taken before the body is read: the cap bounds the memory bodies hold.
    const slot = await acquire(res);
    if (slot === null) return;
    if (slot instanceof EdgeRejection) return refuse(slot);
    try {
      let body: Buffer | undefined;
      if (req.method === "POST") {
        try {
          body = await readBody(req, maxBodyBytes);
        } catch (error) {
          if (error instanceof EdgeRejection) return refuse(error);
          throw error;
        }
        const malformed = checkJsonBody(body);
        if (malformed) return refuse(malformed);
      }
      await serveGraphQL(req, res, body);
    } finally {
      slot();
    }
  };

  // One access-log line and one observation per request, whatever answered it.
  const handler = observeRequests(serve, { logger: deps.logger, metrics, routeOf: gatewayRouteOf });

  const serveGraphQL = async (req: IncomingMessage, res: ServerResponse, body: Buffer | undefined) => {
    const aborted = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    const url = `http://gateway.local${req.url}`;
    const response = await runtime.fetch(url, toRequestInit(req, body, aborted.signal), { req, res });
    if (response.headers.get("content-type")?.startsWith("text/html")) {
      response.headers.set("content-security-policy", ideContentSecurityPolicy());
    }
    // The operation has been charged its cost by now: the headers tell the budget after it.
    budget.writeHeaders(req, res);
    writeCachingHeaders(req, res, response, maxAgeSeconds);
    const cacheStatus = cacheStatusOf(req);
    if (cacheStatus) res.setHeader("cache-status", cacheStatus);
    await sendNodeResponse(response, res, req, false);
  };

  return {
    handler,
    metrics,
    async listen(port, host) {
      // A replica starting with Redis at hand serves from the shared cache and budget from its first request.
      await sharedState?.ready();
      listening = await listen(handler, port, { ...deps.serverLimits, host, logger: deps.logger });
      deps.logger.info({ url: listening.url, node: process.version }, "gateway listening");
      return listening;
    },
    async stop() {
      await listening?.close();
      await runtime.dispose();
      await sharedState?.close();
    },
  };
}
