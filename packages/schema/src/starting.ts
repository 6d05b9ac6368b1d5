import type { IncomingMessage, ServerResponse } from "node:http";
import { requestIdOf, ErrorCode, requestErrorBody } from "@contagem/common";

/**
 * What a service answers while it starts (waiting for its database, migrating, seeding): alive (`/healthz` 200), not
 * ready (`/readyz` 503, saying what it waits for), and SERVICE_UNAVAILABLE with Retry-After to GraphQL requests, so
 * that a load balancer or the gateway routes around it instead of failing on a refused connection.
 */
export function startingHandler(waitingFor: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdOf(req);
    const path = (req.url ?? "/").split("?")[0];
    res.setHeader("x-request-id", requestId);
    res.setHeader("content-type", "application/json; charset=utf-8");
    if (path === "/healthz") {
      res.statusCode = 200;
      res.end(JSON.stringify({ status: "starting" }));
      return;
    }
    res.statusCode = 503;
    res.setHeader("retry-after", "5");
    if (path === "/readyz") {
      res.end(JSON.stringify({ status: "starting", waitingFor }));
      return;
    }
    res.end(requestErrorBody(ErrorCode.SERVICE_UNAVAILABLE, `The service is starting (waiting for ${waitingFor}); retry later.`, requestId));
  };
}
