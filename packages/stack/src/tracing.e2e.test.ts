import { until } from "@contagem/testkit";
import { createServer, type Server } from "node:http";
import { startStackProcess, type StackProcess } from "./stack-process.fixtures";

/**
 * OpenTelemetry traces end to end: the stack as `npm start` runs it (gateway and subgraphs in their own processes),
 * with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an OTLP/HTTP receiver in this test (the exporter's JSON encoding). One
 * federated request is one trace: the gateway's server span, its requests to the subgraphs, their server spans (W3C
 * `traceparent` carried between them) and the SQL they ran, each linked to its parent; no span holds the request's
 * variables.
 */
interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values: OtlpValue[] };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface ExportRequest {
  resourceSpans: { resource: { attributes: { key: string; value: OtlpValue }[] }; scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
}
interface Span extends OtlpSpan {
  service: string;
  scope: string;
}

// OTLP span kinds.
const SERVER = 2;
const CLIENT = 3;
const NEEDLE = "needle-traced-variable-5e1b";

const received: Span[] = [];
const bodies: string[] = [];
let receiver: Server;
let stack: StackProcess | undefined;
let gatewayUrl: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces" && (req.headers["content-type"] ?? "").startsWith("application/json")) {
        bodies.push(body);
        for (const { resource, scopeSpans } of (JSON.parse(body) as ExportRequest).resourceSpans) {
          const service = resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "";
          for (const { scope, spans } of scopeSpans) for (const span of spans) received.push({ ...span, service, scope: scope.name });
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
  const receiverPort = (receiver.address() as { port: number }).port;

  stack = await startStackProcess({
    command: "launcher",
    prefix: "contagem-tracing",
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`, OTEL_BSP_SCHEDULE_DELAY: "100", OTEL_SERVICE_NAME: undefined },
  });
  gatewayUrl = stack.gatewayUrl;
}, 200_000);

afterAll(async () => {
  await stack?.cleanup();
  await new Promise((done) => receiver?.close(done));
});

const attribute = (span: Span, key: string): string | undefined => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value === undefined ? undefined : String(value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue);
};
// The HTTP attributes under the old and the stable semantic conventions.
const methodOf = (span: Span) => attribute(span, "http.method") ?? attribute(span, "http.request.method");
const pathOf = (span: Span) => attribute(span, "http.target") ?? attribute(span, "url.path") ?? "";

it("one trace spans the gateway, its subgraph requests and their SQL, linked parent to child, without the variables", async () => {
  const query = `query Traced($slug: String!) {
    council(slug: $slug) { name }
    councils(first: 2) { edges { node { slug meetings(first: 1) { totalCount } } } }
  }`;
  const res = await fetch(gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables: { slug: NEEDLE } }) });
  const body = (await res.json()) as { data?: { councils: { edges: unknown[] } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data!.councils.edges.length).toBeGreaterThan(0);

  // The gateway's server span for this request (its root), then everything of its trace.
  const isRoot = (s: Span) => s.service === "contagem-gateway" && s.kind === SERVER && !s.parentSpanId && methodOf(s) === "POST" && pathOf(s).startsWith("/graphql");
  let trace: Span[] = [];
  await until(async () => {
    const root = received.find(isRoot);
    if (!root) return false;
    trace = received.filter((s) => s.traceId === root.traceId);
    const services = new Set(trace.filter((s) => s.kind === SERVER).map((s) => s.service));
    return services.has("contagem-councils") && services.has("contagem-meetings") && trace.some((s) => s.scope.includes("pg") && s.service === "contagem-meetings");
  }, 20_000).catch(() => {
    throw new Error(`no complete trace; spans received: ${JSON.stringify(received.map((s) => [s.service, s.scope, s.name, s.kind, s.traceId.slice(0, 6)]))}`);
  });

  const byId = new Map(trace.map((s) => [s.spanId, s]));
  const root = trace.find(isRoot)!;
  const ancestors = (span: Span): Span[] => {
    const chain: Span[] = [];
    for (let at = span.parentSpanId && byId.get(span.parentSpanId); at; at = at.parentSpanId && byId.get(at.parentSpanId)) chain.push(at);
    return chain;
  };
  // Every span of the trace descends from the gateway's server span (no orphan: every parent was exported).
  for (const span of trace) if (span !== root) expect(ancestors(span).at(-1)).toBe(root);

  // Each subgraph's server span is the child of a gateway client span (traceparent propagated over HTTP).
  const subgraphServers = trace.filter((s) => s.kind === SERVER && s.service !== "contagem-gateway");
  expect(new Set(subgraphServers.map((s) => s.service))).toEqual(new Set(["contagem-councils", "contagem-meetings"]));
  for (const server of subgraphServers) {
    const parent = byId.get(server.parentSpanId!)!;
    expect(parent).toMatchObject({ service: "contagem-gateway", kind: CLIENT });
  }

  // SQL spans inside the subgraphs' server spans, with the statement's text and never its bound values.
  const sql = trace.filter((s) => s.scope.includes("pg") && s.kind === CLIENT);
  expect(sql.length).toBeGreaterThan(0);
  for (const span of sql) expect(ancestors(span).some((a) => a.kind === SERVER && a.service === span.service && a.service !== "contagem-gateway")).toBe(true);
  const statements = sql.map((s) => attribute(s, "db.statement") ?? attribute(s, "db.query.text") ?? "");
  expect(statements.some((text) => /^select .* from "meetings(_\w+)?"\."meeting"/is.test(text))).toBe(true);
  // The ORM inlines some values (`where slug in ('…')`): the exported text has each literal replaced by `?`.
  for (const text of statements) expect(text).not.toMatch(/'/);
  expect(statements.some((text) => /"slug" in \(\?\)/.test(text))).toBe(true);

  // Nothing exported anywhere holds the variable's value (neither SQL parameters, nor URLs, nor headers).
  expect(bodies.join("\n")).not.toContain(NEEDLE);
}, 60_000);

it("a GET request's query string (its variables) is not in the URL attributes", async () => {
  const params = new URLSearchParams({ query: "query Get($slug: String!) { council(slug: $slug) { name } }", variables: JSON.stringify({ slug: NEEDLE }) });
  const res = await fetch(`${gatewayUrl}?${params}`, { headers: { accept: "application/json" } });
  expect(res.status).toBe(200);
  await until(async () => received.some((s) => s.service === "contagem-gateway" && s.kind === SERVER && methodOf(s) === "GET"), 20_000);
  expect(bodies.join("\n")).not.toContain(NEEDLE);
  expect(bodies.join("\n")).not.toContain(encodeURIComponent(NEEDLE));
}, 60_000);

it("at the public edge a client's traceparent is ignored (it can neither join a trace it names nor turn tracing off), and no span holds its address or user agent", async () => {
  const posts = () => received.filter((s) => s.service === "contagem-gateway" && s.kind === SERVER && methodOf(s) === "POST" && pathOf(s).startsWith("/graphql"));
  const before = new Set(posts().map((s) => s.spanId));
  const chosen = "0af7651916cd43dd8448eb211c80319c";
  const address = "203.0.113.77";
  const agent = "needle-agent-3c9d (Maria da Silva's laptop)";
  // Flags 00: "not sampled". Honoured, it would keep this request out of every trace.
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", traceparent: `00-${chosen}-b7ad6b7169203331-00`, "x-forwarded-for": address, "user-agent": agent },
    body: JSON.stringify({ query: `{ councils(first: 1) { edges { node { slug meetings(first: 1) { totalCount } } } } }` }),
  });
  expect(res.status).toBe(200);
  let root: Span | undefined;
  await until(async () => (root = posts().find((s) => !before.has(s.spanId))) !== undefined, 20_000).catch(() => {
    throw new Error("the request was not traced: its client turned tracing off");
  });
  expect(root!.traceId).not.toBe(chosen);
  expect(root!.parentSpanId ?? "").toBe("");
  // The subgraphs still continue the gateway's trace.
  await until(async () => received.some((s) => s.traceId === root!.traceId && s.kind === SERVER && s.service === "contagem-meetings"), 20_000);
  expect(received.some((s) => s.traceId === chosen)).toBe(false);
  // The client's address (personal data), however it came, and its user agent are on no span.
  const exported = bodies.join("\n");
  expect(exported).not.toContain(address);
  expect(exported).not.toContain("needle-agent");
  for (const span of received.filter((s) => s.kind === SERVER)) {
    for (const key of ["client.address", "network.peer.address", "net.peer.ip", "http.client_ip", "user_agent.original", "http.user_agent"]) expect(attribute(span, key)).toBeUndefined();
  }
}, 60_000);
