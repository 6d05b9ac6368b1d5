export { composeSupergraph, type SubgraphSdl } from "./compose";
export { createGateway, type Gateway, type GatewayDeps } from "./server";
export { SUBGRAPHS, readSubgraphUrls, type SubgraphUrls } from "./subgraphs";
export { DEFAULT_QUERY, offlineGraphiQL } from "./graphiql";
export { DEFAULT_QUERY_LIMITS, type QueryLimits, type QueryPlanner } from "./runtime";
