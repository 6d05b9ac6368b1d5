import type { RequestContext } from "./context";
import { holdsTransaction } from "./pool";

/**
 * Asks another subgraph, by its federation entry point or its public queries, for facts a write or a policy needs.
 * Carries the request id; never the caller's token (the facts asked for are public).
 */
export async function askPeer<T>(ctx: RequestContext, peer: string, query: string, variables: Record<string, unknown>): Promise<T> {
  // The peer may need the database to answer: asked from inside a transaction, it would wait on that transaction
  // (forever, on the embedded database's single engine). Writes ask in their `prepare` step, before it opens.
  if (holdsTransaction()) throw new Error(`The ${peer} subgraph was asked for facts from inside a transaction.`);
  const url = ctx.peers[peer];
  if (!url) throw new Error(`The ${ctx.subgraph} subgraph needs ${peer.toUpperCase()}_URL to reach the ${peer} subgraph.`);
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": ctx.requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors || !body.data) {
    throw new Error(`${peer} subgraph answered ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}
