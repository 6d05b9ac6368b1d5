import { councils } from "@contagem/councils";
import { startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { Trace } from "@apollo/usage-reporting-protobuf";

/**
 * Federated tracing (Apollo's `ftv1`): a router that asks with `apollo-federation-include-trace: ftv1` and shows the
 * operator's token (METRICS_TOKEN, in `x-operator-token`) gets each field's timing in `extensions.ftv1`; nobody else
 * does (timings are the operator's, like /metrics), and a subgraph without a token configured never traces.
 */
const METRICS_TOKEN = "test-metrics-token-test-metrics-token-0123";
const QUERY = `query Councils { councils(first: 2) { totalCount edges { node { slug name } } } }`;

let subgraph: RunningSubgraph;
let closed: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startSubgraph(councils, { metricsToken: METRICS_TOKEN });
  closed = await startSubgraph(councils);
});
afterAll(async () => {
  await subgraph?.stop();
  await closed?.stop();
});

interface Answer {
  status: number;
  data?: unknown;
  extensions?: { ftv1?: string };
}

async function ask(url: string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: QUERY }) });
  return { status: res.status, ...((await res.json()) as Omit<Answer, "status">) };
}

/** Every field's response name in the trace tree, depth first. */
function fieldsOf(node: Trace.INode | null | undefined): string[] {
  if (!node) return [];
  return (node.child ?? []).flatMap((child) => [...(child.responseName ? [child.responseName] : []), ...fieldsOf(child)]);
}

describe("federated tracing (ftv1)", () => {
  it("gives a router with the operator's token each field's timing", async () => {
    const body = await ask(subgraph.url, { "apollo-federation-include-trace": "ftv1", "x-operator-token": METRICS_TOKEN });
    expect(body.status).toBe(200);
    expect(body.data).toBeDefined();
    expect(typeof body.extensions?.ftv1).toBe("string");
    const trace = Trace.decode(Buffer.from(body.extensions!.ftv1!, "base64"));
    expect(Number(trace.durationNs)).toBeGreaterThan(0);
    const fields = fieldsOf(trace.root);
    expect(fields).toEqual(expect.arrayContaining(["councils", "totalCount", "edges", "node", "slug", "name"]));
    const councilsField = trace.root!.child!.find((c) => c.responseName === "councils")!;
    expect(Number(councilsField.endTime)).toBeGreaterThanOrEqual(Number(councilsField.startTime));
  });

  it("gives no trace to a client without the token, with a wrong one, or that did not ask", async () => {
    const refused: Record<string, string>[] = [
      { "apollo-federation-include-trace": "ftv1" },
      { "apollo-federation-include-trace": "ftv1", "x-operator-token": `${METRICS_TOKEN}x` },
      { "x-operator-token": METRICS_TOKEN },
    ];
    for (const headers of refused) {
      const body = await ask(subgraph.url, headers);
      expect(body.status).toBe(200);
      expect(body.data).toBeDefined();
      expect(body.extensions?.ftv1).toBeUndefined();
    }
    // The token as a bearer token is not a user's token (401), and opens nothing either.
    const bearer = await ask(subgraph.url, { "apollo-federation-include-trace": "ftv1", authorization: `Bearer ${METRICS_TOKEN}` });
    expect(bearer.status).toBe(401);
    expect(bearer.extensions?.ftv1).toBeUndefined();
  });

  it("never traces on a subgraph without METRICS_TOKEN", async () => {
    const body = await ask(closed.url, { "apollo-federation-include-trace": "ftv1", "x-operator-token": METRICS_TOKEN });
    expect(body.status).toBe(200);
    expect(body.data).toBeDefined();
    expect(body.extensions?.ftv1).toBeUndefined();
  });
});
