import { getOperationAST, type ExecutionResult } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "graphql-yoga";
import { selectsRateLimit } from "./rate-limit-field";

/**
 * What shared caches (a CDN, the city's proxy) may keep. Only an anonymous query sent by GET that succeeded whole
 * is public, for as long as the gateway's own response cache may serve it (RESPONSE_CACHE_TTL_MS): a CDN then never
 * serves an answer older than the gateway itself would. Everything else is `no-store`; an answer to a request with
 * a token is also `private` (it may hold what only that token may see). `Vary` names what changes an answer.
 */
export const VARY = "Accept, Authorization";

/** Requests whose operation may be kept by shared caches, decided as the operation ran. */
const publicAnswers = new WeakSet<IncomingMessage>();

export function useHttpCaching(): Plugin {
  return {
    onExecute({ args }) {
      const req = (args.contextValue as { req?: IncomingMessage }).req;
      if (!req || req.method !== "GET" || req.headers.authorization !== undefined) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== "query") return;
      if (selectsRateLimit(args.document, args.operationName)) return;
      return {
        onExecuteDone({ result }) {
          const one = result as ExecutionResult;
          if (Symbol.asyncIterator in (result as object) || one.errors?.length || !one.data) return;
          publicAnswers.add(req);
        },
      };
    },
  };
}

/** Sets Cache-Control and Vary on a GraphQL answer (not on the IDE page, which is no answer). */
export function writeCachingHeaders(req: IncomingMessage, res: ServerResponse, response: Response, maxAgeSeconds: number): void {
  res.appendHeader("vary", VARY);
  if (response.headers.get("content-type")?.startsWith("text/html")) return;
  if (publicAnswers.has(req) && maxAgeSeconds > 0 && response.status === 200) {
    response.headers.set("cache-control", `public, max-age=${maxAgeSeconds}`);
  } else {
    response.headers.set("cache-control", req.headers.authorization !== undefined ? "private, no-store" : "no-store");
  }
}
