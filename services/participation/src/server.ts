import { createSubgraphServer, type SubgraphDeps } from "@contagem/schema";
import { participation } from "./definition";

/** The participation subgraph, not listening: tests run it in-process, main.ts puts it on a port. */
export const createServer = (deps: SubgraphDeps) => createSubgraphServer(participation, deps);
