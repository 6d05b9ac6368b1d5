import { EdgeRejection, ErrorCode } from "@contagem/common";
import type { GatewayRuntime } from "@graphql-hive/gateway-runtime";

/** One anonymous read of the public graph, from inside the gateway: its `data`, or an EdgeRejection to answer with. */
export type AskGraph = <T>(query: string, variables: Record<string, unknown>, requestId: string) => Promise<T>;

/**
 * The feeds are views of the public graph: they ask it as an anonymous client would (no token, so the same
 * visibility, limits and response cache as any reader), through the runtime in-process, with the request's id.
 */
export function askGraphThrough(runtime: Pick<GatewayRuntime, "fetch">): AskGraph {
  return async <T>(query: string, variables: Record<string, unknown>, requestId: string): Promise<T> => {
    const response = await runtime.fetch(
      "http://gateway.local/graphql",
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", "x-request-id": requestId },
        body: JSON.stringify({ query, variables }),
      },
      {},
    );
    const answer = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (answer.errors?.length || !answer.data) {
      // A subgraph that is down makes the feed unavailable for a while; anything else is a bug of ours (masked).
      if (answer.errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
        throw new EdgeRejection(503, ErrorCode.SERVICE_UNAVAILABLE, "A service the feed needs is unavailable: retry later.", { "retry-after": "30" });
      }
      throw new EdgeRejection(500, ErrorCode.INTERNAL_SERVER_ERROR, `The feed could not be built (${answer.errors?.[0]?.extensions?.code ?? "no data"}).`);
    }
    return answer.data;
  };
}
