export { composeSupergraph, type SubgraphSdl } from "./compose";
export { createGateway, type Gateway, type GatewayDeps } from "./server";
export { SUBGRAPHS, readSubgraphUrls, type SubgraphUrls } from "./subgraphs";
export { offlineGraphiQL } from "./graphiql";
export type { QueryPlanner } from "./runtime";
