import { listen, requestIdOf, type Listening, type Logger } from "@contagem/schema";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRateLimit, type RateLimitOptions } from "./rate-limit";
import { createRuntime, type QueryLimits, type QueryPlanner } from "./runtime";
import type { SubgraphUrls } from "./subgraphs";

export interface GatewayDeps {
  supergraph: string;
  subgraphUrls: SubgraphUrls;
  logger: Logger;
  queryPlanner?: QueryPlanner;
  responseCacheTtlMs?: number;
  queryLimits?: QueryLimits | false;
  rateLimit?: RateLimitOptions;
}

export interface Gateway {
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

/** Ready when every subgraph answers its own readiness check. */
async function subgraphsReady(urls: SubgraphUrls): Promise<string[]> {
  const down: string[] = [];
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const res = await fetch(new URL("/readyz", url), { signal: AbortSignal.timeout(2000) });
        if (!res.ok) down.push(name);
      } catch {
        down.push(name);
      }
    }),
  );
  return down.sort();
}

/** The gateway over the committed supergraph; does not listen until asked (tests run it in-process). */
export function createGateway(deps: GatewayDeps): Gateway {
  const runtime = createRuntime(deps);
  const withinBudget = createRateLimit(deps.rateLimit ?? { perMinute: 0, trustProxy: false });
  let listening: Listening | undefined;

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" || path === "/readyz") {
      const down = path === "/readyz" ? await subgraphsReady(deps.subgraphUrls) : [];
      res.statusCode = down.length ? 503 : 200;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(down.length ? { status: "unavailable", down } : { status: "ok" }));
      return;
    }
    if (path === "/") {
      res.statusCode = 302;
      res.setHeader("location", "/graphql");
      res.end();
      return;
    }
    if (!(await withinBudget(req, res))) return;
    // One request id follows the request through the gateway into every subgraph and their logs.
    const requestId = requestIdOf(req);
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    await runtime(req, res);
  };

  return {
    handler,
    async listen(port, host) {
      listening = await listen(handler, port, host);
      deps.logger.info({ url: listening.url, node: process.version }, "gateway listening");
      return listening;
    },
    async stop() {
      await listening?.close();
      await runtime.dispose();
    },
  };
}
