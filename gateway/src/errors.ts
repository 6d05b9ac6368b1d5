import { clearLimitMessage, closedCode, ERROR_CODES, ErrorCode, httpStatusOf, raisedByGraphQL, unexpectedMessage, type Logger } from "@contagem/common";
import { GraphQLError, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * The gateway's one place for errors: every error of every response — the runtime's own HTTP errors, parse and
 * validation errors, graphql-armor's limits, the subgraphs' errors and the gateway's faults — leaves here with a
 * code of the closed set (the table in @contagem/common) and the request id. The runtime's own masking is off, so
 * that this is the only decision.
 */
export function useClosedErrors(logger: Logger): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const requestId = request.headers.get("x-request-id") ?? "unknown";
      const close = (one: ExecutionResult): ExecutionResult => {
        if (!one?.errors?.length) return one;
        const closed: ExecutionResult = { ...one, errors: one.errors.map((error) => closeError(error, requestId, logger)) };
        // An error on a field means execution began, and then GraphQL requires `data`: null when no field survived
        // (the runtime leaves it out when every root field failed).
        if (!("data" in closed) && one.errors.some((error) => error.path)) closed.data = null;
        return closed;
      };
      if (Array.isArray(result)) setResult(result.map((one) => close(one as ExecutionResult)));
      else if (result && typeof result === "object" && "errors" in result) setResult(close(result as ExecutionResult));
    },
  };
}

/** Errors in the document or its variables: 400 under application/graphql-response+json, 200 under application/json. */
const DOCUMENT_ERRORS = new Set<string>([ErrorCode.GRAPHQL_PARSE_FAILED, ErrorCode.GRAPHQL_VALIDATION_FAILED, ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.BAD_USER_INPUT]);

/**
 * A subgraph's address answered 502, 503 or 504 with something that is not the subgraph's own coded answer: a load
 * balancer or proxy in front of its replicas, whose chosen replica died mid-request or of which none is up (HAProxy's
 * and nginx's error pages). A dependency is unavailable, not a fault of ours.
 */
function answeredForADownSubgraph(error: GraphQLError, given: unknown): boolean {
  if (typeof given === "string" && given in ERROR_CODES) return false;
  const status = (error.extensions?.response as { status?: unknown } | undefined)?.status;
  return status === 502 || status === 503 || status === 504;
}

export function closeError(error: GraphQLError, requestId: string, logger: Logger): GraphQLError {
  const given = error.extensions?.code;
  const code = answeredForADownSubgraph(error, given)
    ? ErrorCode.SERVICE_UNAVAILABLE
    : (closedCode(given, error.message, httpStatusOf(error)) ?? (raisedByGraphQL(error) ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL_SERVER_ERROR));
  const location = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  if (ERROR_CODES[code].client) {
    if (code === given && error.extensions?.requestId === requestId) return error;
    // The code, never the message: a message quotes what the client sent (a variable's value, a literal of the
    // document), which may be personal data. The client got the message; its request id leads to this line.
    logger.info({ requestId, code, field: error.extensions?.field }, "client error");
    const { stacktrace: _s, exception: _e, originalError: _o, ...extensions } = error.extensions ?? {};
    const http = extensions.http as { status?: number; spec?: boolean } | undefined;
    // A malformed HTTP request is 4xx whatever the client accepts (the runtime answers 200 to JSON it cannot parse);
    // a document or variables refused before execution are DOCUMENT_ERRORS.
    // An unknown hash is HTTP 200, as Apollo Server answers it: Apollo Client's persisted-queries link then resends
    // the document (GraphQL Yoga's APQ plugin says 404).
    if (code === ErrorCode.PERSISTED_QUERY_NOT_FOUND) extensions.http = { status: 200 };
    else if (code === ErrorCode.BAD_REQUEST) extensions.http = { ...http, spec: false, status: http?.status ?? 400 };
    else if (!http && DOCUMENT_ERRORS.has(code) && raisedByGraphQL(error)) extensions.http = { spec: true, status: 400 };
    return new GraphQLError(clearLimitMessage(error.message), {
      ...location,
      // `http` stays: the runtime reads the status from it and never prints it.
      extensions: { ...extensions, code, ...(code !== given && given ? { reason: given } : {}), requestId },
    });
  }
  // A subgraph masks and logs its own faults before they reach the gateway: they arrive coded and with the id.
  const fromSubgraph = given === code && error.extensions?.requestId === requestId;
  if (!fromSubgraph) logger.error({ err: error.originalError ?? error, requestId }, "unexpected gateway error");
  const message = code === ErrorCode.SERVICE_UNAVAILABLE ? "A service this request needs is unavailable; retry later." : unexpectedMessage(requestId);
  return new GraphQLError(message, { ...location, extensions: { code, requestId, unexpected: true } });
}
