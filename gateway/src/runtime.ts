import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import InMemoryLRUCache from "@graphql-mesh/cache-inmemory-lru";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { ErrorCode, isErrorCode, type Logger } from "@contagem/schema";
import { GraphQLError, type ExecutionResult } from "graphql";
import { createHash, randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { offlineGraphiQL } from "./graphiql";
import type { SubgraphUrls } from "./subgraphs";

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
  /** Limits on the shape of a query (graphql-armor); false only for tools that must send oversized queries. */
  queryLimits?: QueryLimits | false;
}

/** What a public query may weigh; beyond, QUERY_TOO_COMPLEX. Generous for real pages, closed to abuse. */
export interface QueryLimits {
  depth: number;
  aliases: number;
  tokens: number;
  cost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { depth: 12, aliases: 30, tokens: 3000, cost: 50_000 };

export type QueryPlanner = "js" | "rust";

const FORWARDED_HEADERS = ["authorization", "x-request-id"];
const PRIVATE = "private:";

interface CacheKeyInput {
  sessionId: string | null;
  documentString: string;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
}

export function createRuntime(options: RuntimeOptions): GatewayRuntime {
  return createGatewayRuntime({
    supergraph: options.supergraph,
    ...(options.queryPlanner === "rust" ? { unifiedGraphHandler: rustPlanner() } : {}),
    ...(options.responseCacheTtlMs
      ? {
          cache: new InMemoryLRUCache({ max: 1000 }),
          responseCaching: {
            // One shared cache for the public graph. A request with a token gets a key of its own, so it is never
            // served from the cache nor stored (a staff read must reach the subgraph, which audits it), while its
            // mutations still evict the cached answers holding the records they changed.
            session: (request: Request) => (request.headers.get("authorization") ? `${PRIVATE}${randomUUID()}` : null),
            buildResponseCacheKey: async ({ sessionId, documentString, variableValues, operationName }: CacheKeyInput) =>
              sessionId?.startsWith(PRIVATE)
                ? sessionId
                : createHash("sha256").update(JSON.stringify([documentString, variableValues ?? {}, operationName ?? null])).digest("hex"),
            shouldCacheResult: ({ cacheKey, result }: { cacheKey: string; result: ExecutionResult }) =>
              !cacheKey.startsWith(PRIVATE) && !result.errors?.length,
            ttl: options.responseCacheTtlMs,
            includeExtensionMetadata: false,
            // `buildResponseCacheKey` is honoured by the Mesh plugin but missing from its public type.
          } as never,
        }
      : {}),
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
    maskedErrors: {
      maskError: (error, message) => maskGatewayError(error, message, options.logger),
    },
    plugins: () => [
      ...(options.queryLimits === false ? [] : [armor(options.queryLimits ?? DEFAULT_QUERY_LIMITS)]),
      useClosedErrorCodes(),
    ],
  });
}

const REQUEST_ERRORS = new Set(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND"]);

/** A malformed request is the client's (BAD_USER_INPUT); any other foreign code is ours (INTERNAL_SERVER_ERROR). */
const closedCode = (code: unknown) =>
  typeof code === "string" && REQUEST_ERRORS.has(code) ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL_SERVER_ERROR;

function armor(limits: QueryLimits) {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.depth },
    maxAliases: { n: limits.aliases },
    maxTokens: { n: limits.tokens },
    costLimit: { maxCost: limits.cost },
    maxDirectives: { n: 50 },
    // The schema is public and documented: "did you mean…" suggestions help developers and reveal nothing.
    blockFieldSuggestion: { enabled: false },
  });
}

/** graphql-armor's rejections (stable messages) are the closed set's QUERY_TOO_COMPLEX. */
const ARMOR_REJECTION = /^Syntax Error: (Query depth limit|Aliases limit|Token limit|Query Cost limit|Directives limit)/;

/**
 * Parse and validation errors never reach error masking (they are not execution errors): give them the closed
 * set's BAD_USER_INPUT too, keeping graphql-js's code as `reason`.
 */
function useClosedErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== "object" || !("errors" in result)) return;
      const errors = (result as ExecutionResult).errors;
      const foreign = (e: GraphQLError) => !isErrorCode(e.extensions?.code) || ARMOR_REJECTION.test(e.message);
      if (!errors?.some(foreign)) return;
      setResult({
        ...(result as ExecutionResult),
        errors: errors.map((e) =>
          !foreign(e)
            ? e
            : new GraphQLError(e.message, {
                nodes: e.nodes,
                source: e.source,
                positions: e.positions,
                path: e.path,
                extensions: {
                  ...e.extensions,
                  code: ARMOR_REJECTION.test(e.message) ? ErrorCode.QUERY_TOO_COMPLEX : closedCode(e.extensions?.code),
                  reason: e.extensions?.code,
                },
              }),
        ),
      });
    },
  };
}

/** Errors reach clients with a code from the closed set; anything unexpected is masked and logged. */
function maskGatewayError(error: unknown, message: string, logger: Logger): Error {
  if (error instanceof GraphQLError) {
    const code = error.extensions?.code;
    if (isErrorCode(code)) return error;
    if (!error.originalError || error.originalError instanceof GraphQLError) {
      // graphql-js parse/validation errors and variable coercion: the request is malformed.
      if (!code || code === "GRAPHQL_VALIDATION_FAILED" || code === "GRAPHQL_PARSE_FAILED" || code === "BAD_USER_INPUT") {
        return new GraphQLError(error.message, {
          nodes: error.nodes,
          positions: error.positions,
          source: error.source,
          path: error.path,
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        });
      }
    }
  }
  logger.error({ err: error }, "unexpected gateway error");
  return new GraphQLError(message, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}

/** Loaded only when asked for, so the JavaScript planner never pays for the native module. */
function rustPlanner() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("@graphql-hive/router-runtime") as typeof import("@graphql-hive/router-runtime")).unifiedGraphHandler;
}
