import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { GraphQLSchema } from "graphql";
import type { IncomingMessage } from "node:http";
import { type Verifier, AppError, maskError, subscriptionRefused, apolloLimits, DEFAULT_QUERY_LIMITS, type QueryLimits, apolloNodeLimit, type ServerLimits, type Logger, listen, type Listening, createServiceMetrics, type ServiceMetrics } from "@contagem/common";
import { operationRecordPlugin, poolMetrics } from "./metrics";
import { DEFAULT_AUDIT_SCHEMA } from "./db";
import { Loaders, READ_PRIMARY_HEADER, currentRequestId, type RequestContext } from "./context";
import { formatDatabaseError } from "./database-errors";
import { ACQUIRE_TIMEOUT_MS } from "./pool";
import { createHttpHandler, type SubgraphRoute } from "./http";

export interface SubgraphOptions {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  /**
   * A read replica's pool (DATABASE_READ_URL). Anonymous requests read there; every request with a verified token,
   * and every request a peer makes on behalf of one ({@link READ_PRIMARY_HEADER}), reads and writes on the primary.
   */
  replicaOrm?: MikroORM;
  verify: Verifier;
  logger: Logger;
  auditSchema?: string;
  peers?: Record<string, string>;
  settings?: Record<string, string>;
  /** Shape limits on queries (the gateway's, with the planner's allowance); false only for tools and crawls. */
  queryLimits?: QueryLimits | false;
  /** Largest request body accepted, in bytes (413 above). */
  maxBodyBytes?: number;
  /** Requests in flight and queued, and how long a request may take to arrive. */
  serverLimits?: ServerLimits;
  /** Its own HTTP resources besides GraphQL (see SubgraphRoute). */
  routes?: SubgraphRoute<RequestContext>;
  /** The bearer token that opens /metrics (METRICS_TOKEN); without it /metrics answers 404. */
  metricsToken?: string;
}

export interface Subgraph {
  apollo: ApolloServer<RequestContext>;
  handler: ReturnType<typeof createHttpHandler<RequestContext>>;
  metrics: ServiceMetrics;
  /** Starts Apollo (not the network); call before handling requests. */
  start(): Promise<void>;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

/** An Apollo subgraph server over a federated schema: per-request context, error masking, health endpoints. */
export function createSubgraph(options: SubgraphOptions): Subgraph {
  const { orm, verify, logger } = options;
  const queryLimits = options.queryLimits === false ? null : (options.queryLimits ?? DEFAULT_QUERY_LIMITS);
  const limits = queryLimits ? apolloLimits(queryLimits) : { plugins: [], validationRules: [], parseOptions: {}, maxChars: undefined };
  const metrics = createServiceMetrics();
  poolMetrics(metrics, { primary: orm, replica: options.replicaOrm });
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // The process stops itself on SIGTERM/SIGINT (runSubgraphProcess: no new connections, open requests finished, the
    // database closed). Apollo's own handlers (on by default when NODE_ENV is not "test") stopped the server and then
    // sent the signal again, which killed the process before its open requests were answered.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      operationRecordPlugin(metrics),
      ...limits.plugins,
      ...(queryLimits ? [apolloNodeLimit(queryLimits)] : []),
      {
        requestDidStart: async () => ({
          didResolveOperation: async ({ operation }) => {
            if (operation?.operation === "subscription") throw subscriptionRefused();
          },
        }),
      },
      ApolloServerPluginLandingPageDisabled(),
      // Federated tracing (ftv1) for a router that asks for it with the operator's token (./http strips the ask
      // otherwise); errors in traces are masked, their messages may hold input.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      // No cache hints and no cache-control header to the gateway: caching is the gateway's decision (its response
      // cache, gateway/src/response-cache.ts). Off rather than configured, because Apollo Server's cache-control
      // plugin, installed by default, computes a policy in every field's resolution (a figures list of 1,000 rows
      // spent a fifth of its time there).
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: (formatted, error) =>
      maskError(formatDatabaseError(formatted, error), error, {
        requestId: currentRequestId(),
        log: (original) => logger.error({ err: original, requestId: currentRequestId() }, "unexpected error"),
        logUnavailable: (original) => logger.warn({ err: original, requestId: currentRequestId() }, "a dependency is unavailable"),
        // The code, never the message: it quotes what the client sent (a variable's value), maybe personal data.
        logClientError: ({ extensions }) => logger.info({ requestId: currentRequestId(), code: extensions?.code, field: extensions?.field }, "client error"),
      }),
  });

  const context = async (req: IncomingMessage, requestId: string): Promise<RequestContext> => {
    let viewer;
    try {
      viewer = await verify(req.headers.authorization);
    } catch (error) {
      if (error instanceof AppError) {
        throw new AppError("UNAUTHENTICATED", error.message, { http: { status: 401 } });
      }
      throw error;
    }
    // Anonymous requests never write (a mutation needs a token): they read from the replica, and may see it lag. A
    // token's bearer reads on the primary, so that they see their own writes at once, in this request and the next.
    const readsFrom = viewer === null && req.headers[READ_PRIMARY_HEADER] !== "1" ? "replica" : "primary";
    const ctx: RequestContext = {
      requestId,
      viewer,
      readsFrom,
      // Inside a write's transaction, everything this request reads — its loaders, and lazy loads of records it
      // already holds (`meeting.agenda.init()`) — goes through that transaction's connection: a second pooled
      // connection would read outside the transaction, and on the embedded database (one engine, held by the
      // transaction until it ends) it would wait forever.
      em: ((readsFrom === "replica" && options.replicaOrm) || orm).em.fork({ useContext: true }),
      loaders: new Loaders(),
      log: logger.child({ requestId }),
      subgraph: options.name,
      auditSchema: options.auditSchema ?? DEFAULT_AUDIT_SCHEMA,
      peers: options.peers ?? {},
      settings: options.settings ?? {},
    };
    ctx.loaders.bind(ctx);
    return ctx;
  };

  const handler = createHttpHandler({
    apollo,
    context,
    maxBodyBytes: options.maxBodyBytes,
    maxQueryChars: limits.maxChars,
    inFlight: options.serverLimits,
    routes: options.routes,
    metrics,
    metricsToken: options.metricsToken,
    logger,
    // Bounded like any query's wait for the pool, so that a busy database makes the probe answer 503, never hang.
    // With a read replica, both must answer: anonymous reads fail while the replica does not.
    ready: () =>
      withTimeout(
        Promise.all([orm, ...(options.replicaOrm ? [options.replicaOrm] : [])].map((db) => db.em.getConnection().execute("select 1"))),
        ACQUIRE_TIMEOUT_MS,
      ),
  });

  let listening: Listening | undefined;
  return {
    apollo,
    handler,
    metrics,
    start: () => apollo.start(),
    async listen(port, host) {
      await apollo.start();
      listening = await listen(handler, port, { ...options.serverLimits, host, logger });
      logger.info({ url: listening.url, node: process.version }, `${options.name} subgraph listening`);
      return listening;
    },
    async stop() {
      await listening?.close();
      await apollo.stop();
    },
  };
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
