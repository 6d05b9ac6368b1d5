import cors from "cors";
import helmet from "helmet";
import type { IncomingMessage, ServerResponse } from "node:http";
import { RATE_LIMIT_HEADERS } from "./rate-limit";

/**
 * What browsers are told about the gateway: who may read it cross-origin (CORS) and what its pages may do (security
 * headers). Applied to every response, the early refusals (429, 413, 415) included, so a browser client can read
 * their `Retry-After` and request id.
 */
export interface BrowserPolicy {
  /** Origins allowed to read responses from a browser; ["*"] means any. Credentials are never allowed: auth is a bearer header. */
  corsOrigins: string[];
}

export const DEFAULT_CORS_ORIGINS = ["*"];

/** CORS_ORIGINS: `*` (default) or a comma-separated list of origins (`https://portal.contagem.mg.gov.br,…`). */
export function readCorsOrigins(value: string | undefined): string[] {
  const origins = (value ?? "*").split(",").map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === "*") continue;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin (scheme://host[:port]).`);
    }
    if (url.origin !== origin) throw new Error(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin; did you mean ${url.origin}?`);
  }
  return origins.length ? origins : DEFAULT_CORS_ORIGINS;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

const run = (middleware: Middleware, req: IncomingMessage, res: ServerResponse) =>
  new Promise<void>((resolve, reject) => middleware(req, res, (err) => (err ? reject(err) : resolve())));

/** Headers for API answers: JSON only, never framed, never a page that runs anything. */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  // Public records: any site may read them with CORS (resource policy governs no-cors embedding only).
  crossOriginResourcePolicy: { policy: "cross-origin" },
  referrerPolicy: { policy: "no-referrer" },
  frameguard: { action: "deny" },
  // TLS ends at the city's proxy, which owns Strict-Transport-Security for its whole domain.
  strictTransportSecurity: false,
});

/**
 * Applies CORS and the security headers; answers a CORS preflight itself. Returns false when the response is
 * already complete (a preflight).
 */
export function createBrowserPolicy(policy: BrowserPolicy) {
  const anyOrigin = policy.corsOrigins.includes("*");
  const corsMiddleware = cors({
    origin: anyOrigin ? "*" : policy.corsOrigins,
    credentials: false,
    methods: ["GET", "POST"],
    exposedHeaders: ["x-request-id", "retry-after", "cache-status", ...RATE_LIMIT_HEADERS],
    maxAge: 86_400,
  }) as Middleware;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    await run(apiHeaders as Middleware, req, res);
    await run(corsMiddleware, req, res);
    // cors answers preflights (OPTIONS with Access-Control-Request-Method) with 204 and ends the response.
    return !res.writableEnded;
  };
}
