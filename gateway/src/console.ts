import { ConfigError, EdgeRejection, ErrorCode, readOptional, readString, refusedUnlessRead, sendRejection, signDevToken, type Env } from "@contagem/common";
import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import send from "send";

/** Where the gateway serves the secretaries' console (apps/console, a single-page application). */
export const CONSOLE_PATH = "/console";

/** How a secretary signs in to the console. */
export type ConsoleSignIn =
  /** The city's OpenID Connect provider: authorization code with PKCE, in the browser (oidc-client-ts). */
  | { kind: "oidc"; authority: string; clientId: string; scope: string }
  /** Development only: the gateway mints a SECRETARY token for a chosen council with the development secret. */
  | { kind: "development"; secret: string; issuer: string; audience: string }
  /** Neither is configured: the console shows how to configure one. */
  | { kind: "none" };

export interface ConsoleConfig {
  /** The built console (apps/console/dist); absent → /console answers 404 saying how to build it. */
  dir: string;
  signIn: ConsoleSignIn;
}

/** The built console beside the gateway in the repository and in the image. */
export const CONSOLE_DIR = join(__dirname, "..", "..", "apps", "console", "dist");

/** A development token's lifetime: a working day. */
const DEV_TOKEN_LIFETIME = "8h";
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

/**
 * CONSOLE_DEV_SIGN_IN (`true`/`false`, default false; `npm start` sets it when it made the development secret itself),
 * CONSOLE_OIDC_ISSUER + CONSOLE_OIDC_CLIENT_ID (+ CONSOLE_OIDC_SCOPE, default `openid`), CONSOLE_DIR. The development
 * sign-in is refused with a real identity provider configured: it would mint tokens anyone could ask for.
 */
export function readConsoleConfig(env: Env): ConsoleConfig {
  const dir = readString(env, "CONSOLE_DIR", CONSOLE_DIR);
  const dev = readString(env, "CONSOLE_DEV_SIGN_IN", "false");
  if (dev !== "true" && dev !== "false") throw new ConfigError(`CONSOLE_DEV_SIGN_IN must be "true" or "false"; got ${JSON.stringify(dev)}.`);
  const authority = readOptional(env, "CONSOLE_OIDC_ISSUER");
  const clientId = readOptional(env, "CONSOLE_OIDC_CLIENT_ID");
  if (Boolean(authority) !== Boolean(clientId)) throw new ConfigError("CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID go together: set both or neither.");
  if (authority) {
    let url: URL;
    try {
      url = new URL(authority);
    } catch {
      throw new ConfigError(`CONSOLE_OIDC_ISSUER: ${JSON.stringify(authority)} is not a URL.`);
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))) {
      throw new ConfigError("CONSOLE_OIDC_ISSUER must be https:// (http:// only on localhost).");
    }
  }
  if (dev === "true") {
    const realProvider = authority || readOptional(env, "JWT_JWKS_URL") || readOptional(env, "JWT_PUBLIC_KEY");
    if (realProvider) throw new ConfigError("CONSOLE_DEV_SIGN_IN=true is refused when an identity provider is configured (CONSOLE_OIDC_ISSUER, JWT_JWKS_URL or JWT_PUBLIC_KEY).");
    const secret = readOptional(env, "JWT_SECRET");
    if (!secret) throw new ConfigError("CONSOLE_DEV_SIGN_IN=true needs JWT_SECRET (the development secret it signs with).");
    return {
      dir,
      signIn: { kind: "development", secret, issuer: readString(env, "JWT_ISSUER", "contagem-dev"), audience: readString(env, "JWT_AUDIENCE", "contagem-participation-graph") },
    };
  }
  if (authority && clientId) return { dir, signIn: { kind: "oidc", authority, clientId, scope: readString(env, "CONSOLE_OIDC_SCOPE", "openid") } };
  return { dir, signIn: { kind: "none" } };
}

/**
 * The one `<style>` React Aria adds itself (usePress: `touch-action` for pressable elements), allowed by its hash, not
 * by 'unsafe-inline'. A React Aria release that changes that text changes the hash: the console's browser test fails
 * on the CSP violation the page then reports, and names the new hash.
 */
const REACT_ARIA_PRESS_STYLE = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";

/**
 * The console's pages may run only their own scripts (no inline script, no eval); React Aria sets inline `style`
 * attributes, which `style-src-attr` allows without allowing any other inline `<style>` or scripts. It talks to this gateway
 * and, when configured, the identity provider.
 */
export function consoleContentSecurityPolicy(signIn: ConsoleSignIn): string {
  const provider = signIn.kind === "oidc" ? ` ${new URL(signIn.authority).origin}` : "";
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${REACT_ARIA_PRESS_STYLE}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${provider}`,
    `form-action 'self'${provider}`,
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "manifest-src 'self'",
  ].join("; ");
}

/** What the console learns at start: how to sign in (never a secret). */
function publicConfig(signIn: ConsoleSignIn) {
  if (signIn.kind === "oidc") return { graphql: "/graphql", signIn: { kind: "oidc", authority: signIn.authority, clientId: signIn.clientId, scope: signIn.scope } };
  return { graphql: "/graphql", signIn: { kind: signIn.kind } };
}

async function readSmallJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new EdgeRejection(413, ErrorCode.BAD_REQUEST, `The body is over ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new EdgeRejection(400, ErrorCode.BAD_REQUEST, 'The body is not JSON: send {"council": "<slug>"}.');
  }
}

/**
 * Whether a browser page of another site sent the request. The gateway answers any origin (CORS `*`), so without this
 * check a site the developer visits could mint a SECRETARY token from their running `npm start` and write with it.
 * Browsers send `Sec-Fetch-Site` (older ones only `Origin`, on a POST); curl and scripts send neither (they could mint
 * with `npm run token` anyway). `Origin: null` (a sandboxed frame, a file) is another site.
 */
function fromAnotherSite(req: IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  // The browser's own word wins: behind a proxy (`vite` in development) Origin and Host differ on a same-origin request.
  if (site !== undefined) return site !== "same-origin" && site !== "none";
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * `/console/…`: the built single-page application (index.html for every page path, hashed assets cached for a year),
 * `/console/config.json` (how to sign in) and, in development only, `POST /console/dev-sign-in` with
 * `{"council": "<slug>"}` → `{"token", "expiresIn"}`: a SECRETARY token for that council, as `npm run token` mints.
 */
export function createConsoleRoutes(config: ConsoleConfig) {
  const csp = consoleContentSecurityPolicy(config.signIn);
  const configBody = JSON.stringify(publicConfig(config.signIn));

  const devSignIn = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const signIn = config.signIn;
    if (signIn.kind !== "development") {
      return sendRejection(req, res, new EdgeRejection(404, ErrorCode.NOT_FOUND, "The development sign-in is off: sign in with the city's identity provider."), requestId);
    }
    if (req.method !== "POST") {
      return sendRejection(req, res, new EdgeRejection(405, ErrorCode.BAD_REQUEST, `${req.method} is not allowed here: use POST.`, { allow: "POST" }), requestId);
    }
    if (fromAnotherSite(req)) {
      return sendRejection(req, res, new EdgeRejection(403, ErrorCode.FORBIDDEN, "The development sign-in answers the console's own pages only."), requestId);
    }
    if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      return sendRejection(req, res, new EdgeRejection(415, ErrorCode.BAD_REQUEST, "Send application/json."), requestId);
    }
    let body: unknown;
    try {
      body = await readSmallJson(req, 1024);
    } catch (error) {
      if (error instanceof EdgeRejection) return sendRejection(req, res, error, requestId);
      throw error;
    }
    const council = (body as { council?: unknown } | null)?.council;
    if (typeof council !== "string" || !SLUG.test(council)) {
      return sendRejection(req, res, new EdgeRejection(400, ErrorCode.BAD_USER_INPUT, '"council" must be a council\'s slug, e.g. "compur".'), requestId);
    }
    const token = await signDevToken(
      { roles: ["SECRETARY"], councils: [council], sub: `dev-secretary-${council}`, expiresIn: DEV_TOKEN_LIFETIME, issuer: signIn.issuer, audience: signIn.audience },
      signIn.secret,
    );
    res.statusCode = 200;
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.end(JSON.stringify({ token, expiresIn: DEV_TOKEN_LIFETIME }));
  };

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string, requestId: string) =>
    new Promise<void>((resolve) => {
      send(req, file, { root: config.dir, etag: true, lastModified: false, dotfiles: "deny", index: false, cacheControl: false })
        .on("headers", (response: ServerResponse) => {
          response.setHeader("cache-control", cacheControl);
          response.setHeader("content-security-policy", csp);
        })
        .on("error", (error: { status?: number }) => {
          // send refuses a dotfile, a directory, `..` or a NUL with 4xx: a client's mistake, answered as a missing file.
          const status = error.status !== undefined && error.status < 500 ? 404 : 500;
          sendRejection(req, res, new EdgeRejection(status, status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.INTERNAL_SERVER_ERROR, status === 404 ? `No file ${file} in the console.` : "The console's file could not be read."), requestId);
          resolve();
        })
        .on("end", () => resolve())
        .pipe(res);
    });

  return async (req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<boolean> => {
    if (path !== CONSOLE_PATH && !path.startsWith(`${CONSOLE_PATH}/`)) return false;
    if (path === `${CONSOLE_PATH}/dev-sign-in`) return void (await devSignIn(req, res, requestId)), true;
    if (refusedUnlessRead(req, res, requestId)) return true;
    if (path === CONSOLE_PATH) {
      res.statusCode = 301;
      res.setHeader("location", `${CONSOLE_PATH}/`);
      res.end();
      return true;
    }
    if (path === `${CONSOLE_PATH}/config.json`) {
      res.statusCode = 200;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.setHeader("cache-control", "no-cache");
      res.end(req.method === "HEAD" ? undefined : configBody);
      return true;
    }
    if (!existsSync(join(config.dir, "index.html"))) {
      sendRejection(req, res, new EdgeRejection(404, ErrorCode.NOT_FOUND, "The console is not built: run `npm run build` (it builds apps/console)."), requestId);
      return true;
    }
    const rest = path.slice(CONSOLE_PATH.length + 1);
    // Vite names every asset by its content's hash: a new build makes new names, so they never change.
    if (rest.startsWith("assets/")) {
      await sendFile(req, res, rest, "public, max-age=31536000, immutable", requestId);
      return true;
    }
    // A page path (no extension) is the application's: it routes in the browser.
    const last = rest.split("/").pop() ?? "";
    await sendFile(req, res, last.includes(".") ? rest : "index.html", "no-cache", requestId);
    return true;
  };
}
