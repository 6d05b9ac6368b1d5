import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import {
  armorConfig,
  DEFAULT_QUERY_LIMITS,
  documentTooLong,
  nestingTooDeep,
  operationTooLarge,
  subscriptionRefused,
  tooManyTokens,
  type Logger,
  type QueryLimits,
} from "@contagem/common";
import type { Plugin } from "graphql-yoga";
import { GraphQLError, type ValidationRule } from "graphql";
import { useClosedErrors } from "./errors";
import { offlineGraphiQL } from "./graphiql";
import { useHttpCaching } from "./http-caching";
import { persistedDocumentPlugins, type PersistedDocumentsOptions } from "./persisted-documents";
import type { RateLimit } from "./rate-limit";
import { resolveRateLimit, useRateLimitCost } from "./rate-limit-field";
import { withGatewayFields } from "./gateway-fields";
import { handleFederationSupergraph } from "@graphql-mesh/fusion-runtime";
import { inMemory, ResponseCache, useResponseCache } from "./response-cache";
import { RedisResponseCache, type SharedState } from "./redis";
import type { SubgraphUrls } from "./subgraphs";
import { retryQueries } from "./upstream-retry";
import type { ServiceMetrics } from "@contagem/common";
import { responseCacheMetrics, usePrometheusMetrics, useRequestRecord } from "./metrics";

export { DEFAULT_QUERY_LIMITS, type QueryLimits } from "@contagem/common";

/** The only module that knows which gateway runtime serves the supergraph (Hive Gateway runtime today). */
export interface RuntimeOptions {
  supergraph: string;
  subgraphUrls: SubgraphUrls;
  logger: Logger;
  graphqlEndpoint?: string;
  /**
   * Which query planner plans the federated queries: the runtime's JavaScript one, or the Hive Router's Rust planner
   * (native code shipped in `@graphql-hive/router-query-planner`). Chosen by measurement: see BENCHMARKS.md.
   */
  queryPlanner?: QueryPlanner;
  /**
   * How long an anonymous read may be answered from the gateway's response cache (0 = no cache). Authenticated
   * requests are never cached; a mutation through the gateway evicts the cached answers holding what it changed.
   */
  responseCacheTtlMs?: number;
  /**
   * How long one request to a subgraph may take, in milliseconds (default 10,000): a hung subgraph then costs its
   * fields SERVICE_UNAVAILABLE, not the whole request, and its requests do not pile up in the gateway.
   */
  subgraphTimeoutMs?: number;
  /** Bytes the response cache may hold (it is bounded in bytes, not entries). */
  responseCacheMaxBytes?: number;
  /** Limits on the shape of a query (graphql-armor); false only for tools that must send oversized queries. */
  queryLimits?: QueryLimits | false;
  /** The per-client budget (charged at the edge, then by each operation's cost), answered by `Query.rateLimit`. */
  budget: RateLimit;
  /** Automatic persisted queries and trusted documents. */
  persistedDocuments?: PersistedDocumentsOptions;
  /** The gateway's metrics: operations, error codes, subgraph requests, the response cache. */
  metrics: ServiceMetrics;
  /** Redis (`REDIS_URL`): the response cache is then shared by every replica instead of held in this process. */
  sharedState?: SharedState;
}

export type QueryPlanner = "js" | "rust";

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

const FORWARDED_HEADERS = ["authorization", "x-request-id"];

export function createRuntime(options: RuntimeOptions): GatewayRuntime {
  const ttlMs = options.responseCacheTtlMs;
  const local = ttlMs && !options.sharedState ? new ResponseCache(ttlMs, options.responseCacheMaxBytes) : undefined;
  const cache = !ttlMs ? undefined : options.sharedState ? new RedisResponseCache(options.sharedState, ttlMs, Object.keys(options.subgraphUrls), options.logger) : inMemory(local!);
  const cacheCounted = cache && responseCacheMetrics(options.metrics, local);
  const runtime = createGatewayRuntime({
    supergraph: options.supergraph,
    // The gateway's own fields (Query.rateLimit: the budget lives here) are added around either planner.
    unifiedGraphHandler: withGatewayFields(options.queryPlanner === "rust" ? rustPlanner() : handleFederationSupergraph, resolveRateLimit(options.budget)),
    transportEntries: Object.fromEntries(
      Object.entries(options.subgraphUrls).map(([name, location]) => [name, { location }]),
    ),
    graphqlEndpoint: options.graphqlEndpoint ?? "/graphql",
    landingPage: false,
    graphiql: { title: "Contagem Participation Graph" },
    renderGraphiQL: offlineGraphiQL,
    logging: false,
    healthCheckEndpoint: "/internal/healthz",
    readinessCheckEndpoint: "/internal/readyz",
    // Every subgraph verifies the bearer token again: the gateway only passes it on, with the request id.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(
          FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)]).filter(([, value]) => value != null),
        ) as Record<string, string>,
    },
    subgraphErrors: { subgraphNameProp: false },
    upstreamTimeout: options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
    upstreamRetry: retryQueries,
    // Errors are closed in one place (./errors), which sees every error unmasked.
    maskedErrors: false,
    // CORS is the gateway's edge's (./security), so that early refusals carry it too.
    cors: false,
    plugins: (context) => [
      usePrometheusMetrics(options.metrics, context.log),
      noSubscriptions,
      // The document's length is checked before a document is registered by its hash.
      ...(options.queryLimits === false ? [] : limitPlugins(options.queryLimits ?? DEFAULT_QUERY_LIMITS)),
      ...persistedDocumentPlugins(options.persistedDocuments ?? {}),
      useClosedErrors(options.logger),
      // After the errors are closed: it counts their codes.
      useRequestRecord(options.metrics),
      // Before the cost and the cache: it sees the final result, a cached one included.
      useHttpCaching(),
      useRateLimitCost(options.budget),
      ...(cache ? [useResponseCache(cache, options.logger, cacheCounted)] : []),
    ],
  });
  leaveShutdownToTheGateway(runtime);
  return runtime;
}

/**
 * The runtime (GraphQL Yoga through @whatwg-node/server, which @graphql-hive/gateway-runtime creates with
 * `disposeOnProcessTerminate: true` and no way to say otherwise) disposes itself as soon as the process gets SIGTERM
 * or SIGINT, aborting the operations in flight ("operation has been aborted because the server is shutting down"):
 * every rolling restart failed the requests a stopping gateway was serving. The gateway stops itself instead
 * (`gateway.stop()`: no new connections, open requests answered, then the runtime disposed), so those two listeners,
 * registered once per process when a runtime first holds something to dispose, are taken away.
 */
function leaveShutdownToTheGateway(runtime: GatewayRuntime): void {
  void (runtime as unknown as { disposableStack?: unknown }).disposableStack;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    for (const listener of process.listeners(signal)) if (listener.name === "terminateHandler") process.removeListener(signal, listener);
  }
}

/** Subscriptions are refused at validation, before anything runs (the subgraphs refuse them alike). */
const refuseSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== "subscription") return;
    const refused = subscriptionRefused();
    context.reportError(new GraphQLError(refused.message, { nodes: node, extensions: refused.extensions }));
  },
});

/**
 * Incremental delivery is not offered: the Rust planner's executor (@graphql-hive/router-runtime) has no Defer
 * plan node, and the runtime's own support (`deferStream`) is experimental. Said plainly, rather than only
 * "Unknown directive".
 */
const refuseIncrementalDelivery: ValidationRule = (context) => ({
  Directive(node) {
    if (node.name.value !== "defer" && node.name.value !== "stream") return;
    context.reportError(
      new GraphQLError(`@${node.name.value} is not supported: this API answers every query whole (no incremental delivery). Remove the directive.`, { nodes: node }),
    );
  },
});

const UNKNOWN_INCREMENTAL = /^Unknown directive "@(defer|stream)"\.$/;

const noSubscriptions: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(refuseSubscriptions);
    addValidationRule(refuseIncrementalDelivery);
    // graphql-js also says "Unknown directive" for @defer: our message says why, once.
    return ({ result, setResult }) => {
      if (result.some((error) => UNKNOWN_INCREMENTAL.test(error.message))) setResult(result.filter((error) => !UNKNOWN_INCREMENTAL.test(error.message)));
    };
  },
};

/** The public limits: the document's length first (before it is parsed and cached), then graphql-armor's, then nodes. */
function limitPlugins(limits: QueryLimits): Plugin[] {
  const documentLimit: Plugin = {
    onParams({ params }) {
      const http = { http: { status: 400, spec: true } };
      const error = documentTooLong(params.query, limits.chars, http) ?? nestingTooDeep(params.query, params.variables, http) ?? tooManyTokens(params.query, limits.tokens, http);
      if (error) throw error;
    },
  };
  // The node limit needs the variables (page sizes are often variables): it runs once the operation is known.
  const nodeLimit: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const http = { http: { status: 400, spec: true } };
      const error = operationTooLarge(args.schema, args.document, args.variableValues, args.operationName, { nodes: limits.nodes }, http);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
  return [documentLimit, EnvelopArmorPlugin(armorConfig(limits)) as Plugin, nodeLimit];
}

/** Loaded only when asked for, so the JavaScript planner never pays for the native module. */
function rustPlanner() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("@graphql-hive/router-runtime") as typeof import("@graphql-hive/router-runtime")).unifiedGraphHandler;
}
