import { createHash, randomUUID } from "node:crypto";
import Negotiator from "negotiator";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode, requestErrorBody } from "./errors";
import { jsonTextProblem } from "./json-body";
import { MAX_NESTING } from "./limits";
import { noteErrorCodes } from "./access-log";

/**
 * The HTTP edge every GraphQL endpoint of the product shares (the gateway and each subgraph): what a request must be
 * before any GraphQL runs. Cheap checks on the method, media type and size come first, so a hostile request costs
 * neither memory nor parsing. GraphQL over HTTP decides the statuses: 405 for a method, 415 for a media type, 413
 * for a body over the limit.
 */

/** 1 MiB: far above any real operation with its variables (the longest minutes text is a few hundred KiB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client's request id is kept when it is sane, so one id follows a request through the gateway. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/** A request refused at the edge, with the status and code it answers. */
export class EdgeRejection extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Only `application/json` bodies are GraphQL requests. Refusing the media types a browser sends without a CORS
 * preflight (form-encoded, multipart, text/plain) is also what stops a cross-site page from running a mutation.
 * Media types are case-insensitive; the only charset GraphQL over HTTP knows is UTF-8.
 */
const JSON_MEDIA_TYPE = /^\s*application\/json\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/** The answers GraphQL over HTTP defines, the server's preference first. */
const ANSWERS = ["application/graphql-response+json", "application/json"];

/**
 * The media type to answer in, negotiated from the Accept header as RFC 9110 §12.5.1 says (q-values, `q=0` excludes,
 * specific ranges before wildcards): one of GraphQL over HTTP's two JSON types or one of `also`; null when the
 * client accepts none of them (406). A missing header or bare `*\/*` is undefined: the runtime's default applies
 * (GraphQL over HTTP: treat it as application/json until clients opt in to the newer type).
 */
export function negotiateAnswer(accept: string | undefined, also: string[] = []): string | null | undefined {
  if (!accept?.trim() || accept.trim() === "*/*") return undefined;
  return new Negotiator({ headers: { accept } }).mediaType([...ANSWERS, ...also]) ?? null;
}

export interface EdgeOptions {
  /** Media types a GET may accept besides JSON (the gateway's IDE page is `text/html`). */
  pages?: string[];
}

/** Method, accepted and sent media types and declared size of a request to the GraphQL endpoint; null when it may go on. */
export function checkGraphQLRequest(req: IncomingMessage, maxBodyBytes: number, options: EdgeOptions = {}): EdgeRejection | null {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "POST") {
    return new EdgeRejection(405, ErrorCode.BAD_REQUEST, `Method ${method} is not allowed: use POST (or GET for queries).`, {
      allow: "GET, POST",
    });
  }
  if (negotiateAnswer(req.headers.accept, method === "GET" ? options.pages : []) === null) {
    return new EdgeRejection(
      406,
      ErrorCode.BAD_REQUEST,
      `Not acceptable: ${JSON.stringify(req.headers.accept)}. Answers are application/graphql-response+json or application/json.`,
    );
  }
  if (method === "GET") return checkGetParameters(req.url ?? "/");
  const type = req.headers["content-type"];
  if (!type || !JSON_MEDIA_TYPE.test(type)) {
    return unsupportedMediaType(`Unsupported media type ${JSON.stringify(type ?? "(none)")}: POST a JSON body with "content-type: application/json".`);
  }
  const charset = CHARSET.exec(type)?.[1].toLowerCase();
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    return unsupportedMediaType(`Unsupported charset ${JSON.stringify(charset)}: GraphQL requests are UTF-8.`);
  }
  const declared = req.headers["content-length"];
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > maxBodyBytes)) {
    return tooLarge(maxBodyBytes, /^\d+$/.test(declared));
  }
  return null;
}

const unsupportedMediaType = (message: string) => new EdgeRejection(415, ErrorCode.BAD_REQUEST, message, { "accept-post": "application/json" });

/** `variables` and `extensions` in a query string must be JSON objects (runtimes fail on them as on a bug). */
function checkGetParameters(url: string): EdgeRejection | null {
  let params: URLSearchParams;
  try {
    params = new URL(url, "http://edge.local").searchParams;
  } catch {
    return new EdgeRejection(400, ErrorCode.BAD_REQUEST, "The request URL is malformed.");
  }
  for (const name of ["variables", "extensions"]) {
    const raw = params.get(name);
    if (raw === null || raw === "") continue;
    const problem = jsonTextProblem(raw, `The "${name}" parameter`, MAX_NESTING);
    if (problem) return new EdgeRejection(400, ErrorCode.BAD_REQUEST, problem);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    if (value === null) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      return new EdgeRejection(400, ErrorCode.BAD_REQUEST, `The "${name}" parameter must be a JSON object.`);
    }
  }
  return null;
}

/**
 * A POST body's bytes, checked before anything parses them: present, UTF-8, and nested at most MAX_NESTING levels
 * below the object that holds `query`, `variables` and `extensions`.
 */
export function checkJsonBody(raw: Buffer): EdgeRejection | null {
  const problem = jsonTextProblem(raw, "The request body", MAX_NESTING + 1);
  return problem ? new EdgeRejection(400, ErrorCode.BAD_REQUEST, problem) : null;
}

const tooLarge = (maxBodyBytes: number, sized = true) =>
  sized
    ? new EdgeRejection(413, ErrorCode.BAD_REQUEST, `Request body is larger than ${maxBodyBytes} bytes.`)
    : new EdgeRejection(400, ErrorCode.BAD_REQUEST, "Content-Length is not a number.");

/** Reads the body, refusing it (413) as soon as it passes the limit, whatever Content-Length said. */
export function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Buffer> {
  // Events, not `for await`: leaving an async iterator early destroys the request and its socket, and the client
  // would then see a reset instead of the 413 it is owed.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (done: () => void) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      done();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        // Stop buffering: the rest of an oversized body is never kept (sendRejection discards it).
        req.pause();
        settle(() => reject(tooLarge(maxBodyBytes)));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onError = (error: Error) => settle(() => reject(error));
    const onClose = () => settle(() => reject(Object.assign(new Error("aborted"), { code: "ECONNRESET" })));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/**
 * How long, and how much, of an unread body is read and thrown away before a refusal is answered. A socket closed
 * with unread bytes makes the kernel send a reset, which the client sees as EPIPE/ECONNRESET instead of our answer
 * (and Node closes the socket as soon as the answer is sent when the client asked for `connection: close`); reading
 * the rest first lets the answer arrive, as web servers' "lingering close" does. Bounded as nginx bounds it: a client
 * silent for LINGER_IDLE_MS (nginx's lingering_timeout), or still sending after LINGER_TOTAL_MS (lingering_time) or
 * past LINGER_BYTES, gets the answer and the connection is closed. A busy server that reads a large body slowly still
 * drains it, since every chunk restarts the idle wait.
 */
export const LINGER_IDLE_MS = 5_000;
export const LINGER_TOTAL_MS = 30_000;
const LINGER_BYTES = 64 * 1024 * 1024;

/** Reads and drops the rest of a request's body; `done(true)` once it has all arrived, `done(false)` past the bounds. */
function discardRest(req: IncomingMessage, done: (drained: boolean) => void): void {
  let discarded = 0;
  let settled = false;
  const settle = (drained: boolean) => {
    if (settled) return;
    settled = true;
    clearTimeout(idle);
    clearTimeout(total);
    req.off("data", onData).off("end", onEnd);
    if (!drained) req.pause();
    done(drained);
  };
  const total = setTimeout(() => settle(false), LINGER_TOTAL_MS).unref();
  let idle = setTimeout(() => settle(false), LINGER_IDLE_MS).unref();
  const onData = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) return settle(false);
    clearTimeout(idle);
    idle = setTimeout(() => settle(false), LINGER_IDLE_MS).unref();
  };
  const onEnd = () => settle(true);
  req.on("data", onData).on("end", onEnd);
  req.once("close", () => settle(req.complete));
  req.resume();
}

/**
 * Answers a refused request with a GraphQL-shaped error body, once the rest of an unread body has been discarded
 * (bounded): the client reads the answer rather than a reset, and the connection stays usable.
 */
export function sendRejection(req: IncomingMessage, res: ServerResponse, rejection: EdgeRejection, requestId: string): void {
  res.statusCode = rejection.status;
  noteErrorCodes(res, [rejection.code]);
  // No cache keeps a refusal: a 404 or a 405 is cacheable by default (RFC 9110 §15.1), and a CDN would go on
  // answering it after the resource exists or the client has fixed its request.
  res.setHeader("cache-control", "no-store");
  for (const [name, value] of Object.entries(rejection.headers)) res.setHeader(name, value);
  res.setHeader("content-type", "application/json; charset=utf-8");
  const body = requestErrorBody(rejection.code, rejection.message, requestId);
  if (req.complete || req.destroyed) return void res.end(body);
  discardRest(req, (drained) => {
    if (res.destroyed) return;
    if (!drained) res.setHeader("connection", "close");
    res.end(body);
  });
}

/** A document the edge serves as it is (the published schema, the reference pages): GET and HEAD only. */
export interface StaticDocument {
  body: string | Buffer;
  contentType: string;
  /** How long clients and CDNs may keep it; they revalidate with its ETag after. */
  maxAgeSeconds: number;
  /** Replaces the API's Content-Security-Policy (a page that runs its own scripts). */
  contentSecurityPolicy?: string;
}

/** A strong validator of the content: the same bytes always give the same ETag, on every replica. */
export const etagOf = (body: string | Buffer): string => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** Answers 405 (with Allow) to a method other than GET or HEAD on a read-only resource; true when it did. */
export function refusedUnlessRead(req: IncomingMessage, res: ServerResponse, requestId: string): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  sendRejection(req, res, new EdgeRejection(405, ErrorCode.BAD_REQUEST, `${req.method} is not allowed here: use GET.`, { allow: "GET, HEAD" }), requestId);
  return true;
}

/**
 * Whether the request's If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2): the origin answers 304
 * whatever the request's Cache-Control says (that directive is for caches; fetch() sends `no-cache` with it).
 */
export function noneMatch(req: IncomingMessage, etag: string): boolean {
  const match = req.headers["if-none-match"];
  return Boolean(match && (match.trim() === "*" || match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)));
}

/**
 * Serves a static document with its ETag and Cache-Control; answers 304 to a matching If-None-Match and 405 (with
 * Allow) to a method other than GET or HEAD.
 */
export function sendDocument(req: IncomingMessage, res: ServerResponse, document: StaticDocument, requestId: string): void {
  if (refusedUnlessRead(req, res, requestId)) return;
  const etag = etagOf(document.body);
  res.setHeader("etag", etag);
  res.setHeader("cache-control", `public, max-age=${document.maxAgeSeconds}, must-revalidate`);
  // Appended: the CORS layer's `Vary: Origin` stays (the document is kept by shared caches for minutes).
  res.appendHeader("vary", "Accept-Encoding");
  if (document.contentSecurityPolicy) res.setHeader("content-security-policy", document.contentSecurityPolicy);
  if (noneMatch(req, etag)) {
    res.statusCode = 304;
    return void res.end();
  }
  res.statusCode = 200;
  res.setHeader("content-type", document.contentType);
  res.setHeader("content-length", Buffer.byteLength(document.body));
  res.end(req.method === "HEAD" ? undefined : document.body);
}
