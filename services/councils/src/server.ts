import { createSubgraphServer, type SubgraphDeps } from "@contagem/schema";
import { councils } from "./definition";

/** The councils subgraph, not listening: tests run it in-process, main.ts puts it on a port. */
export const createServer = (deps: SubgraphDeps) => createSubgraphServer(councils, deps);
