import { noteErrorCodes, recordOf, type ServiceMetrics } from "@contagem/common";
import useMeshPrometheus, { createCounter, createHistogram } from "@graphql-mesh/plugin-prometheus";
import { getOperationAST, type ExecutionResult } from "graphql";
import type { GatewayConfigContext, GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { ServerResponse } from "node:http";
import { Counter, Gauge } from "prom-client";
import { CALENDAR_PATH } from "./feeds/calendar";
import { FEEDS_PATH } from "./feeds/atom";
import { isDocumentPath } from "./documents";
import { OPEN_DATA_PATH } from "./open-data";
import { PUBLISHED_PATHS } from "./published";
import type { ResponseCache } from "./response-cache";

/** The gateway's routes as the metrics and the access log name them: a fixed, short set. */
const PUBLISHED = new Set<string>([...Object.values(PUBLISHED_PATHS), `${PUBLISHED_PATHS.docs}/`]);
export function gatewayRouteOf(path: string): string {
  if (path === "/graphql") return "graphql";
  if (path === "/healthz" || path === "/readyz") return "health";
  if (path === "/metrics") return "metrics";
  if (path.startsWith(`${FEEDS_PATH}/`)) return "feeds";
  if (path.startsWith(`${CALENDAR_PATH}/`)) return "calendar";
  if (isDocumentPath(path)) return "documents";
  if (path === OPEN_DATA_PATH || path.startsWith(`${OPEN_DATA_PATH}/`)) return "open-data";
  if (PUBLISHED.has(path)) return "published";
  return "other";
}

interface ServerContext {
  res?: ServerResponse;
}

/**
 * Notes on the request's record the operation (its name admitted once it has validated: execution begins only after)
 * and the code of every error of the closed set the response carries. Placed after the plugin that closes the errors.
 */
export function useRequestRecord(metrics: ServiceMetrics): GatewayPlugin {
  return {
    onExecute({ args }) {
      const record = recordOf((args.contextValue as ServerContext).res);
      if (!record) return;
      const operation = getOperationAST(args.document, args.operationName);
      record.operationName = metrics.operations.admit(operation?.name?.value);
      record.operationType = operation?.operation;
    },
    onResultProcess({ result, serverContext }) {
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      noteErrorCodes(
        (serverContext as ServerContext).res,
        results.flatMap((one) => one?.errors?.map((error) => error.extensions?.code) ?? []),
      );
    },
  };
}

/**
 * The runtime's Prometheus plugin (`@graphql-mesh/plugin-prometheus`) for what only the runtime sees: each subgraph
 * request's duration and errors, and the time spent parsing, validating and executing. Its defaults label series with
 * the request's URL (a GET's query string holds the query and its variables) and with any operation name a client
 * sends; here every metric is given labels of bounded values, and the metrics our own edge counts are off.
 */
export function usePrometheusMetrics(metrics: ServiceMetrics, log: GatewayConfigContext["log"]): GatewayPlugin {
  const registry = metrics.registry;
  const operationOf = (context: unknown) => recordOf((context as ServerContext | undefined)?.res)?.operationName ?? metrics.operations.label(undefined);
  const phase = <P extends "parse" | "validate" | "execute">(name: string, help: string, phase: P) =>
    createHistogram({
      registry,
      histogram: { name, help, labelNames: ["operationName"], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
      // Parsing and validation come before the name is admitted: a name not yet seen counts under "(other)".
      fillLabelsFn: (params, context) => ({ operationName: recordOf((context as ServerContext).res)?.operationName ?? metrics.operations.label(params.operationName) }),
      phases: [phase] as [P],
    });
  type SubgraphParams = { subgraphName: string; executionRequest: { context?: unknown } };
  const subgraphLabels = (params: SubgraphParams) => ({ subgraphName: params.subgraphName, operationName: operationOf(params.executionRequest.context) });
  return useMeshPrometheus({
    log,
    registry,
    endpoint: false,
    metrics: {
      graphql_envelop_phase_parse: phase("graphql_envelop_phase_parse", 'Time spent on running GraphQL "parse" function', "parse"),
      graphql_envelop_phase_validate: phase("graphql_envelop_phase_validate", 'Time spent on running GraphQL "validate" function', "validate"),
      graphql_envelop_phase_execute: phase("graphql_envelop_phase_execute", 'Time spent on running the GraphQL "execute" function (planning and every subgraph request)', "execute"),
      graphql_gateway_subgraph_execute_duration: createHistogram({
        registry,
        histogram: {
          name: "graphql_gateway_subgraph_execute_duration",
          help: "Time the gateway spent on each request to a subgraph, in seconds, by subgraph and client operation name",
          labelNames: ["subgraphName", "operationName"],
          buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        },
        fillLabelsFn: (params) => subgraphLabels(params as unknown as SubgraphParams),
        phases: ["subgraphExecute"],
      }),
      graphql_gateway_subgraph_execute_errors: createCounter({
        registry,
        counter: {
          name: "graphql_gateway_subgraph_execute_errors",
          help: "Errors in subgraphs' responses to the gateway, by subgraph and client operation name",
          labelNames: ["subgraphName", "operationName"],
        },
        fillLabelsFn: (params) => subgraphLabels(params as unknown as SubgraphParams),
        phases: ["subgraphExecute"],
      }),
      // Counted at the edge (contagem_http_request_duration_seconds, contagem_graphql_errors_total), with bounded labels.
      graphql_envelop_request: false,
      graphql_envelop_request_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_error_result: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
      graphql_yoga_http_duration: false,
      graphql_gateway_fetch_duration: false,
    },
  }) as GatewayPlugin;
}

/** The response cache's hits, misses and bypasses, and what it holds. */
export function responseCacheMetrics(metrics: ServiceMetrics, cache: ResponseCache | undefined): (status: "hit" | "miss" | "bypass") => void {
  const lookups = new Counter({
    name: "contagem_response_cache_requests_total",
    help: "Queries the gateway's response cache saw: hit (answered from it), miss (asked the subgraphs, then kept), bypass (may not be cached: a token, rateLimit, large variables)",
    labelNames: ["result"],
    registers: [metrics.registry],
  });
  for (const result of ["hit", "miss", "bypass"]) lookups.inc({ result }, 0);
  // Shared in Redis, the cache's size is Redis's to report (its INFO), not one replica's.
  if (!cache) return (result) => lookups.inc({ result });
  new Gauge({
    name: "contagem_response_cache_entries",
    help: "Answers held in the gateway's response cache",
    registers: [metrics.registry],
    collect() {
      this.set(cache.size);
    },
  });
  new Gauge({
    name: "contagem_response_cache_bytes",
    help: "Approximate bytes held by the gateway's response cache (bounded by RESPONSE_CACHE_MAX_BYTES)",
    registers: [metrics.registry],
    collect() {
      this.set(cache.bytes);
    },
  });
  return (result) => lookups.inc({ result });
}
