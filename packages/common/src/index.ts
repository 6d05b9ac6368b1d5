// @contagem/common: what every process of the graph shares and that needs no persistence kernel — configuration,
// logging, the closed error set, query limits, the HTTP edge, listening, bearer tokens and global ids. The gateway
// and the command-line tools load this alone (never MikroORM, knex, type-graphql or Apollo Server); the subgraphs
// get it through @contagem/schema, which re-exports it.
export * from "./config";
export * from "./logger";
export * from "./metrics";
export * from "./access-log";
export * from "./tokens";
export * from "./errors";
export * from "./limits";
export * from "./node-limit";
export * from "./json-body";
export * from "./edge";
export * from "./in-flight";
export * from "./listen";
export * from "./global-id";
export * from "./auth";
export * from "./open-data-layout";
export * from "./tracing";
