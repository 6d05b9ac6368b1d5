/**
 * The API's error codes: a closed set, in `errors[].extensions.code` (README, "Errors"). A client decides what to do
 * with each one; the switch below is exhaustive, so a code added to this list fails to compile until it is handled.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "RECORD_IMMUTABLE",
  "IDEMPOTENCY_KEY_REUSED",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Handling =
  /** Send the same request again after this many milliseconds. */
  | { retry: true; afterMs: number }
  /** Do not retry as is: the message says what to change. */
  | { retry: false; advice: string };

/** What a client does about each code. `retryAfterSeconds` is the response's Retry-After header, if any. */
export function handlingOf(code: ErrorCode, attempt: number, retryAfterSeconds: number | null): Handling {
  const backoff = () => Math.min(30_000, 500 * 2 ** attempt);
  switch (code) {
    case "RATE_LIMITED":
      // HTTP 429: the budget resets after Retry-After seconds.
      return { retry: true, afterMs: (retryAfterSeconds ?? 1) * 1000 };
    case "SERVICE_UNAVAILABLE":
      // HTTP 503 (or a field of a partial answer): a dependency is down or the gateway is busy; retry later.
      return { retry: true, afterMs: retryAfterSeconds !== null ? retryAfterSeconds * 1000 : backoff() };
    case "UNAUTHENTICATED":
      return { retry: false, advice: "the token is missing, expired or invalid: mint a new one (`npm run token` in development)" };
    case "FORBIDDEN":
      return { retry: false, advice: "the token's roles or councils do not allow this" };
    case "NOT_FOUND":
      return { retry: false, advice: "no such record, or none you may see" };
    case "BAD_USER_INPUT":
      return { retry: false, advice: "fix the argument named in extensions.field" };
    case "CONFLICT":
      return { retry: false, advice: "the record changed or the step is illegal now: read it again (its `version`) and decide" };
    case "RECORD_IMMUTABLE":
      return { retry: false, advice: "a published record never changes: amend it instead" };
    case "IDEMPOTENCY_KEY_REUSED":
      return { retry: false, advice: "this idempotency key was used with another input: use a new key" };
    case "QUERY_TOO_COMPLEX":
      return { retry: false, advice: "ask for less: a smaller `first`, fewer nested lists" };
    case "INTERNAL_SERVER_ERROR":
      return { retry: false, advice: "a bug of the API: report extensions.requestId" };
    case "GRAPHQL_PARSE_FAILED":
    case "GRAPHQL_VALIDATION_FAILED":
      return { retry: false, advice: "the document does not fit the schema: regenerate the client from /schema.graphql" };
    case "BAD_REQUEST":
      return { retry: false, advice: "the HTTP request is malformed" };
    case "PERSISTED_QUERY_NOT_FOUND":
      return { retry: false, advice: "the server does not know this persisted query: send the full document" };
    default: {
      const unhandled: never = code;
      throw new Error(`unhandled error code ${String(unhandled)}`);
    }
  }
}
