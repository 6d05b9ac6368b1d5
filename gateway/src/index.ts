export { composeSupergraph, type SubgraphSdl } from "./compose";
export { createGateway, type Gateway, type GatewayDeps } from "./server";
export { SUBGRAPHS, readSubgraphUrls, type SubgraphUrls } from "./subgraphs";
export { readTrustedDocuments, trustedDocumentsOf, type PersistedDocumentsOptions } from "./persisted-documents";
export { costOf, NODES_PER_POINT } from "./rate-limit";
export { DEFAULT_QUERY, exampleTabs, IDE_LINKS, offlineGraphiQL, type ExampleTab } from "./graphiql";
export { PUBLISHED_PATHS } from "./published";
export { DEFAULT_QUERY_LIMITS, type QueryLimits, type QueryPlanner } from "./runtime";
export { publicSchema, publicSdl } from "./public-schema";
