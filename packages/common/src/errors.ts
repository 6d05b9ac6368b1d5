import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { countTokens } from "./tokens";

/**
 * The closed set of error codes every subgraph and the gateway answer with (DESIGN.md, Conventions): the product's
 * own codes, and the standard request codes clients and tools already key on. Nothing else ever reaches a client.
 */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  CONFLICT: "CONFLICT",
  RECORD_IMMUTABLE: "RECORD_IMMUTABLE",
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  RATE_LIMITED: "RATE_LIMITED",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  BAD_REQUEST: "BAD_REQUEST",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const codes = new Set<string>(Object.values(ErrorCode));
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === "string" && codes.has(code);

/**
 * What each code means for a client, and the HTTP status it answers with when the whole request fails with it
 * (GraphQL over HTTP: `application/graphql-response+json` gets the status; plain `application/json` gets 200 for
 * parse, validation and variable errors, as that spec asks). Errors on one field of a partly answered request are
 * HTTP 200. The README's error table is this table.
 */
export const ERROR_CODES: Record<ErrorCode, { status: number; client: boolean; meaning: string }> = {
  GRAPHQL_PARSE_FAILED: { status: 400, client: true, meaning: "the document is not valid GraphQL syntax" },
  GRAPHQL_VALIDATION_FAILED: { status: 400, client: true, meaning: "the document does not fit the schema" },
  BAD_REQUEST: { status: 400, client: true, meaning: "the HTTP request is malformed (JSON, UTF-8, nesting, parameters, a subscription; method 405, accept 406, too slow 408, size 413, media type 415)" },
  PERSISTED_QUERY_NOT_FOUND: { status: 200, client: true, meaning: "the persisted query hash is unknown: send the full query" },
  QUERY_TOO_COMPLEX: { status: 400, client: true, meaning: "the query is deeper, wider or costlier than the public limits" },
  BAD_USER_INPUT: { status: 200, client: true, meaning: "an argument or variable is invalid; `extensions.field` names it" },
  UNAUTHENTICATED: { status: 401, client: true, meaning: "no token where one is needed, or the token is invalid" },
  FORBIDDEN: { status: 200, client: true, meaning: "the token's roles or councils do not allow this" },
  NOT_FOUND: { status: 200, client: true, meaning: "no such record, or none the viewer may see" },
  CONFLICT: { status: 200, client: true, meaning: "the record changed (stale `expectedVersion`) or the step is illegal in its state" },
  RECORD_IMMUTABLE: { status: 200, client: true, meaning: "a published record never changes; amend it instead" },
  IDEMPOTENCY_KEY_REUSED: { status: 200, client: true, meaning: "the idempotency key was used with another input" },
  RATE_LIMITED: { status: 429, client: true, meaning: "over the budget of points (a request costs 1, a query its nodes / 100); retry after `Retry-After` seconds" },
  SERVICE_UNAVAILABLE: { status: 503, client: false, meaning: "a dependency is down, or the process is busy: retry later" },
  INTERNAL_SERVER_ERROR: { status: 500, client: false, meaning: "a bug of ours; quote `extensions.requestId`" },
};

/**
 * The one table of foreign codes — graphql-js, Apollo Server, GraphQL Yoga, the Hive gateway, graphql-armor —
 * and the closed-set code each becomes. A foreign code not listed here is a fault of ours (INTERNAL_SERVER_ERROR).
 */
const FOREIGN_CODES: Record<string, ErrorCode> = {
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_REQUEST,
  // GraphQL Yoga's APQ plugin: the document sent with a hash is not the one the hash names.
  PERSISTED_QUERY_MISMATCH: ErrorCode.BAD_REQUEST,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
  REQUEST_ENTITY_TOO_LARGE: ErrorCode.BAD_REQUEST,
  DOWNSTREAM_SERVICE_ERROR: ErrorCode.SERVICE_UNAVAILABLE,
  SUBREQUEST_HTTP_ERROR: ErrorCode.SERVICE_UNAVAILABLE,
  // The gateway's time limit on a subgraph (SUBGRAPH_TIMEOUT_MS) ran out.
  GATEWAY_TIMEOUT: ErrorCode.SERVICE_UNAVAILABLE,
};

/** graphql-armor's rejections carry no code; their messages are stable. */
// Through Envelop they read "Syntax Error: …"; through Apollo, without the prefix (and coded BAD_USER_INPUT).
const ARMOR_REJECTION = /^(Syntax Error: )?(Query depth limit|Aliases limit|Token limit|Query Cost limit|Directives limit|Document contains more tha[nt] \d+ tokens)/;

export const tokenLimitMessage = (tokens: number, limit: number) => `The operation has ${tokens} tokens; the limit is ${limit}.`;
const PARSER_TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/**
 * graphql-armor words its refusals as syntax errors ("Syntax Error: Query depth limit of 12 exceeded, found 13."), and
 * graphql-js's token limit does not say how many tokens there were: `source`, the document, when the error has it.
 */
export function clearLimitMessage(message: string, source?: string): string {
  const parserLimit = PARSER_TOKEN_LIMIT.exec(message);
  const tokens = parserLimit && source !== undefined ? countTokens(source) : null;
  if (parserLimit && tokens !== null) return tokenLimitMessage(tokens, Number(parserLimit[1]));
  return ARMOR_REJECTION.test(message) ? message.replace(/^Syntax Error: /, "") : message;
}

const VARIABLE_COERCION = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

/**
 * The closed-set code of an error that carries `code`, `message` and maybe the HTTP status its library meant
 * (`extensions.http.status`), or null when it is not a known client error. A library's uncoded error with a 4xx
 * status is a malformed request (Apollo's persisted-query version and hash errors, for instance).
 */
export function closedCode(code: unknown, message = "", httpStatus?: unknown): ErrorCode | null {
  if (ARMOR_REJECTION.test(message)) return ErrorCode.QUERY_TOO_COMPLEX;
  // graphql-js leaves the variables it cannot coerce uncoded; its messages name them.
  if (code === undefined && VARIABLE_COERCION.test(message)) return ErrorCode.BAD_USER_INPUT;
  // Apollo Server codes every uncoded error INTERNAL_SERVER_ERROR, even those it raised itself with a 4xx status.
  const uncoded = code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR;
  if (uncoded && typeof httpStatus === "number" && httpStatus >= 400 && httpStatus < 500) return ErrorCode.BAD_REQUEST;
  if (isErrorCode(code)) return code;
  if (typeof code === "string" && code in FOREIGN_CODES) return FOREIGN_CODES[code];
  return null;
}

/**
 * graphql-js's own request errors (a variable it cannot coerce, an operation type the schema lacks) are raised
 * about the request, outside any field and not thrown by our code: no path, no original error.
 */
export const raisedByGraphQL = (error: unknown): boolean =>
  error instanceof GraphQLError && !error.path && (!error.originalError || error.originalError instanceof GraphQLError);

/**
 * Codes and messages of a database that cannot be reached (down, restarting, refusing connections, a pool that
 * waited too long): the request is not wrong and the code is not broken, a dependency is unavailable. Network codes
 * from Node, SQLSTATE classes 08 (connection) and 57P (operator intervention), 53300 (too many connections), and a
 * read replica cancelling a query whose rows its replay must remove ("conflict with recovery", 40001 or 40P01).
 */
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "53300", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
const UNAVAILABLE_MESSAGES = /Connection terminated|Timeout acquiring a connection|timeout exceeded when trying to connect|timeout expired|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down)|conflict with recovery/i;

/** A dependency we call (a peer subgraph) could not be reached or answered that it is down itself: retry later. */
export class DependencyUnavailable extends Error {}

/** Whether an error (or what it wraps) says a dependency is unavailable, not that the request or our code is wrong. */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if (error instanceof DependencyUnavailable) return true;
  const { code, message, name, originalError, cause } = error as { code?: unknown; message?: unknown; name?: unknown; originalError?: unknown; cause?: unknown };
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (name === "ConnectionException" || (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message))) return true;
  return isUnavailable(originalError, depth + 1) || isUnavailable(cause, depth + 1);
}

/**
 * A client's mistake our code finds where a library calls it and wraps what it throws (a scalar's parseLiteral
 * inside validation, its parseValue inside variable coercion). A plain Error, so that graphql-js's wrapper says where
 * it was found; the wrapper inherits these extensions, and the code survives libraries that recode the wrapper.
 */
export class ClientMistake extends Error {
  readonly extensions: { code: ErrorCode };
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.extensions = { code };
  }
}

const ownClientCode = (error: unknown): ErrorCode | null => {
  const original = (error as GraphQLError | undefined)?.originalError;
  return original instanceof ClientMistake ? original.extensions.code : null;
};

/** The HTTP status a library attached to an error (`extensions.http.status`), if any. */
export const httpStatusOf = (error: unknown): unknown =>
  ((error as GraphQLError | undefined)?.extensions?.http as { status?: unknown } | undefined)?.status;

/** An error we mean the client to see: its message and code are part of the contract. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badInput = (field: string, message: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field });
/** `field` names the input field when the missing record is one the input refers to, not the one the write acts on. */
export const notFound = (what: string, id: string, field?: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${JSON.stringify(id)} does not exist.`, field ? { id, field } : { id });
export const forbidden = (message = "You are not allowed to do this.") => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = "Authentication required: send a bearer token.") =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, extensions);

/**
 * The graph has no subscriptions: asking for one is a malformed request (HTTP 400 whatever the client accepts),
 * refused before anything runs, at the gateway and at every subgraph alike.
 */
export const subscriptionRefused = () =>
  new AppError(ErrorCode.BAD_REQUEST, "Subscriptions are not supported: this API answers queries and mutations over HTTP.", { http: { status: 400 } });

export const unexpectedMessage = (requestId: string | undefined) =>
  `Unexpected error. Quote request id ${requestId ?? "unknown"} when reporting it.`;

export interface MaskOptions {
  requestId?: string;
  /** A fault of ours: log it as an error, with its stack. */
  log?: (error: unknown, formatted: GraphQLFormattedError) => void;
  /** A client's mistake: worth one info line, never an error. */
  logClientError?: (formatted: GraphQLFormattedError) => void;
  /** A dependency down (the database): a warning, not a fault of ours. */
  logUnavailable?: (error: unknown, formatted: GraphQLFormattedError) => void;
}

/** Extensions a client may see: internal ones (stack traces, HTTP hints, exceptions) never leave. */
const PRIVATE_EXTENSIONS = new Set(["stacktrace", "exception", "http", "originalError", "unexpected"]);

/**
 * Keeps client errors, with their code mapped into the closed set, and masks everything else as
 * INTERNAL_SERVER_ERROR, so that no stack trace, SQL or internal message reaches a client. Every error leaves with
 * the request id.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, options: MaskOptions = {}): GraphQLFormattedError {
  const given = formatted.extensions?.code;
  const uncoded = given === undefined || given === ErrorCode.INTERNAL_SERVER_ERROR;
  let code = closedCode(given, formatted.message, httpStatusOf(error));
  // Apollo recodes every validation error GRAPHQL_VALIDATION_FAILED, even one our scalar raised with its own code.
  code = ownClientCode(error) ?? code;
  // Apollo codes graphql-js's own request errors (a subscription the schema lacks) INTERNAL_SERVER_ERROR.
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && uncoded && raisedByGraphQL(error)) code = ErrorCode.BAD_REQUEST;
  // Apollo codes a database outage INTERNAL_SERVER_ERROR too: it is a dependency's, to retry later.
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && isUnavailable(error)) code = ErrorCode.SERVICE_UNAVAILABLE;
  if (code && ERROR_CODES[code].client) {
    const extensions: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(formatted.extensions ?? {})) if (!PRIVATE_EXTENSIONS.has(key)) extensions[key] = value;
    if (code !== given && !uncoded) extensions.reason = given;
    const kept = { ...formatted, message: clearLimitMessage(formatted.message, (error as GraphQLError | undefined)?.source?.body), extensions: { ...extensions, code, requestId: options.requestId } };
    options.logClientError?.(kept);
    return kept;
  }
  if (code === ErrorCode.SERVICE_UNAVAILABLE) {
    (options.logUnavailable ?? options.log)?.(error, formatted);
    return {
      message: "A service this request needs is unavailable; retry later.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, requestId: options.requestId },
    };
  }
  options.log?.(error, formatted);
  return {
    message: unexpectedMessage(options.requestId),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: options.requestId },
  };
}

/** A response body for an error raised before GraphQL runs (rate limit, body size, media type). */
export function requestErrorBody(code: ErrorCode, message: string, requestId: string, extensions: Record<string, unknown> = {}): string {
  return JSON.stringify({ errors: [{ message, extensions: { ...extensions, code, requestId } }] });
}
