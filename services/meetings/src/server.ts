import { createSubgraphServer, type SubgraphDeps } from "@contagem/schema";
import { meetings } from "./definition";

/** The meetings subgraph, not listening: tests run it in-process, main.ts puts it on a port. */
export const createServer = (deps: SubgraphDeps) => createSubgraphServer(meetings, deps);
