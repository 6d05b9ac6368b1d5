import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode, requestErrorBody } from "./errors";

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
 */
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** Method, media type and declared size of a request to the GraphQL endpoint; null when it may go on. */
export function checkGraphQLRequest(req: IncomingMessage, maxBodyBytes: number): EdgeRejection | null {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "POST") {
    return new EdgeRejection(405, ErrorCode.BAD_REQUEST, `Method ${method} is not allowed: use POST (or GET for queries).`, {
      allow: "GET, POST",
    });
  }
  if (method === "GET") return checkGetParameters(req.url ?? "/");
  const type = req.headers["content-type"];
  if (!type || !JSON_MEDIA_TYPE.test(type)) {
    return new EdgeRejection(
      415,
      ErrorCode.BAD_REQUEST,
      `Unsupported media type ${JSON.stringify(type ?? "(none)")}: POST a JSON body with "content-type: application/json".`,
      { "accept-post": "application/json" },
    );
  }
  const declared = req.headers["content-length"];
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > maxBodyBytes)) {
    return tooLarge(maxBodyBytes, /^\d+$/.test(declared));
  }
  return null;
}

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

const tooLarge = (maxBodyBytes: number, sized = true) =>
  sized
    ? new EdgeRejection(413, ErrorCode.BAD_REQUEST, `Request body is larger than ${maxBodyBytes} bytes.`)
    : new EdgeRejection(400, ErrorCode.BAD_REQUEST, "Content-Length is not a number.");

/** Reads the body, refusing it (413) as soon as it passes the limit, whatever Content-Length said. */
export async function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) {
      // Stop reading: the rest of an oversized body is never buffered.
      req.pause();
      throw tooLarge(maxBodyBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Answers a refused request with a GraphQL-shaped error body; the connection closes after an unread body. */
export function sendRejection(req: IncomingMessage, res: ServerResponse, rejection: EdgeRejection, requestId: string): void {
  res.statusCode = rejection.status;
  for (const [name, value] of Object.entries(rejection.headers)) res.setHeader(name, value);
  res.setHeader("content-type", "application/json; charset=utf-8");
  if (!req.complete) res.setHeader("connection", "close");
  res.end(requestErrorBody(rejection.code, rejection.message, requestId));
}
