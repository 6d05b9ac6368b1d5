/** What each generator produces: one HTTP request, described well enough to replay and to report. */
export type Category = "query" | "strings" | "cursor" | "shape" | "http" | "federation" | "mutation" | "dates" | "nesting" | "media";

/** What a request must get, when the protocol decides it (GraphQL over HTTP, RFC 9110): judged by the oracle. */
export interface Expectation {
  statuses: number[];
  /** On a 2xx, the response's content-type must match. */
  contentType?: RegExp;
  /** The rule, in a few words, for the report. */
  why: string;
}

/**
 * A body too large to keep in the report (and in the fuzzer's memory for long): built when sent, reported as its
 * recipe.
 */
export interface Oversized {
  /** Its size: `prefix`, `fill` `repeat` times, `suffix`. */
  bytes: number;
  prefix: string;
  fill: string;
  repeat: number;
  suffix: string;
}

/** What an oversized body holds: one long string, a long comment, many numbers, or a batch of many operations. */
export type OversizedShape = "string" | "comment" | "numbers" | "batch";

/** An oversized body to send: where, how big, and what it holds. */
export interface OversizedSpec {
  target: string;
  bytes: number;
  shape: OversizedShape;
}

export interface FuzzRequest {
  /** Position in the run: with the seed, all it takes to generate this request again. */
  index: number;
  category: Category;
  /** What the request tries, in a few words. */
  label: string;
  /** `gateway` or a subgraph's name. */
  target: string;
  method: string;
  /** Query string for the target URL, with its `?`. */
  search?: string;
  headers: Record<string, string>;
  body?: string | Oversized;
  /** Who the bearer token says the caller is (`anonymous`: no token). */
  as: string;
  /** False when the client asked for something other than JSON (HTML, HEAD): then a non-JSON answer is fine. */
  expectsJson: boolean;
  /** A mutation: sent with a token that may write most of the time, whatever the category. */
  writes?: boolean;
  /** Set when the protocol decides the status (media types, Accept): anything else is `unexpected-status`. */
  expect?: Expectation;
  /** How the body's text becomes bytes (default utf8): `latin1` sends each char as one byte, invalid UTF-8 included. */
  encoding?: "utf8" | "latin1" | "utf16le";
  /** Set by the generator when the token is one the system must refuse (expired, forged, malformed claims). */
  refusedToken?: string;
  /** Set by the generator when the token is valid but spelled otherwise (`bearer …`): a 401 is a bug. */
  validToken?: string;
  /** Set when no data may come back (`_entities` of a private or unknown type): why. */
  refusesData?: string;
  /** Set when the query is far beyond the public limits on shape (e.g. `200 aliases; limit 30`): it must be refused. */
  exceeds?: string;
}

export type Draft = Omit<FuzzRequest, "index" | "target" | "as" | "refusedToken" | "validToken">;

export const isOversized = (body: FuzzRequest["body"]): body is Oversized => typeof body === "object" && body !== null;

/** The body's bytes, built only now for oversized ones. */
export function bodyBytes(body: FuzzRequest["body"], encoding: FuzzRequest["encoding"] = "utf8"): Buffer | undefined {
  if (body === undefined) return undefined;
  if (!isOversized(body)) return Buffer.from(body, encoding);
  const head = Buffer.from(body.prefix);
  const tail = Buffer.from(body.suffix);
  const fill = Buffer.from(body.fill);
  const buffer = Buffer.allocUnsafe(head.length + fill.length * body.repeat + tail.length);
  head.copy(buffer, 0);
  if (body.repeat) buffer.fill(fill, head.length, head.length + fill.length * body.repeat);
  tail.copy(buffer, buffer.length - tail.length);
  return buffer;
}

/** A GraphQL POST with a JSON body, the way most clients send one. */
export function jsonPost(category: Category, label: string, payload: unknown, headers: Record<string, string> = {}): Draft {
  return {
    category,
    label,
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
    body: JSON.stringify(payload),
    expectsJson: true,
  };
}
