import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** The closed set of error codes every subgraph and the gateway answer with (DESIGN.md, Conventions). */
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
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const codes = new Set<string>(Object.values(ErrorCode));
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === "string" && codes.has(code);

/** An error we mean the client to see: its message and code are part of the contract. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badInput = (field: string, message: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field });
export const notFound = (what: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${JSON.stringify(id)} does not exist.`, { id });
export const forbidden = (message = "You are not allowed to do this.") => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = "Authentication required: send a bearer token.") =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, extensions);

/** Errors graphql-js and Apollo raise for a malformed request: the client's fault, so BAD_USER_INPUT. */
const requestErrorCodes = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export interface MaskOptions {
  requestId?: string;
  log?: (error: unknown, formatted: GraphQLFormattedError) => void;
}

/**
 * Keeps client errors (closed-set codes, parse and validation errors) and masks everything else as
 * INTERNAL_SERVER_ERROR with the request id, so that no stack trace, SQL or internal message reaches a client.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, options: MaskOptions = {}): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return withoutStack(formatted);
  }
  if (typeof code === "string" && requestErrorCodes.has(code)) {
    return { ...withoutStack(formatted), extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
  }
  options.log?.(error, formatted);
  return {
    message: `Unexpected error. Quote request id ${options.requestId ?? "unknown"} when reporting it.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: options.requestId },
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !("stacktrace" in formatted.extensions)) return formatted;
  const { stacktrace: _omit, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
