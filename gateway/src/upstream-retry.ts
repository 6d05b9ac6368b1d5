import type { GatewayConfigBase } from "@graphql-hive/gateway-runtime";
import { getOperationAST, OperationTypeNode } from "graphql";

type UpstreamRetry = NonNullable<GatewayConfigBase<Record<string, unknown>>["upstreamRetry"]>;

/** The pause before a query is asked of a subgraph again (the load balancer sends it to another replica). */
export const QUERY_RETRY_DELAY_MS = 50;

/**
 * A subgraph fetch of a **query** that failed because the replica went away under it is asked again, once: the
 * replica's connection was reset or refused, or the load balancer in front of the replicas answered 502/503/504 (its
 * own answer when the replica it chose died mid-request, or none was up). So a replica dying, or stopping, under a
 * read costs the client nothing. Never a mutation: the replica may have committed it before its answer was lost;
 * the client repeats it with its `idempotencyKey`. Not an answer that carries `Retry-After` either (a subgraph whose
 * database is away answers 503 SERVICE_UNAVAILABLE with it: that goes to the client at once, with its own Retry-After),
 * nor a timeout (asking again would double the wait).
 */
export const retryQueries: UpstreamRetry = ({ executionRequest }) => {
  const operation = executionRequest.operationType ?? getOperationAST(executionRequest.document, executionRequest.operationName)?.operation;
  if (operation !== OperationTypeNode.QUERY) return undefined;
  return {
    maxRetries: 1,
    retryDelay: QUERY_RETRY_DELAY_MS,
    shouldRetry: ({ response, executionResult }) => {
      if (response) return !response.headers.get("retry-after") && [502, 503, 504].includes(response.status);
      // No response: the connection failed (unless it timed out).
      const errors = executionResult && "errors" in executionResult ? (executionResult.errors ?? []) : [];
      return errors.length > 0 && !errors.some((error) => /time(d)? ?out|abort/i.test(error.message));
    },
  };
};
