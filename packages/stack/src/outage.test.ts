import { createGateway } from "@contagem/gateway";
import { createLogger, createSubgraphServer, createVerifier, type Subgraph } from "@contagem/schema";
import { gql, startSystem, TEST_AUTH, TEST_SECRETS, type RunningSystem } from "@contagem/testkit";
import { parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from "graphql";
import { readFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/** One subgraph's outage costs only what that subgraph serves: partial data, coded errors, and recovery. */

describe("the supergraph's nullability", () => {
  /**
   * A field whose value comes from a subgraph other than the one that produced its parent (a field contributed to
   * another subgraph's entity, or a reference to another subgraph's entity), and every root field, is nullable:
   * an outage nulls that field, with an error on its path, not the whole page above it.
   */
  it("makes every field that crosses subgraphs, and every root field, nullable", async () => {
    const doc = parse(await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
    const types = new Map(doc.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === "ObjectTypeDefinition").map((d) => [d.name.value, d]));
    const arg = (node: { arguments?: readonly { name: { value: string }; value: unknown }[] }, name: string) =>
      node.arguments?.find((a) => a.name.value === name)?.value as { value?: unknown } | undefined;
    const graphsOf = (type: ObjectTypeDefinitionNode, field: FieldDefinitionNode): string[] => {
      const joined = (field.directives ?? []).filter((d) => d.name.value === "join__field" && arg(d, "graph") && arg(d, "external")?.value !== true);
      const on = joined.length ? joined : (type.directives ?? []).filter((d) => d.name.value === "join__type");
      return on.map((d) => String(arg(d, "graph")!.value));
    };
    /** The graph that resolves most of a type's fields: its owner. */
    const owner = (type: ObjectTypeDefinitionNode) => {
      const count = new Map<string, number>();
      for (const field of type.fields ?? []) for (const graph of graphsOf(type, field)) count.set(graph, (count.get(graph) ?? 0) + 1);
      return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    const named = (type: TypeNode): string => (type.kind === "NamedType" ? type.name.value : named(type.type));
    const isEntity = (type: ObjectTypeDefinitionNode) => (type.directives ?? []).some((d) => d.name.value === "join__type" && arg(d, "key"));
    const offending: string[] = [];
    let crossing = 0;
    for (const [name, type] of types) {
      if (name === "Mutation" || name.startsWith("join__") || name.startsWith("link__")) continue;
      for (const field of type.fields ?? []) {
        const graphs = graphsOf(type, field);
        const target = types.get(named(field.type));
        const crosses =
          name === "Query" ||
          !graphs.includes(owner(type)!) ||
          (!!target && target !== type && isEntity(target) && !graphs.includes(owner(target)!));
        if (!crosses) continue;
        crossing++;
        if (field.type.kind === "NonNullType") offending.push(`${name}.${field.name.value}`);
      }
    }
    expect(offending).toEqual([]);
    expect(crossing).toBeGreaterThan(30);
  });
});

describe("a subgraph down", () => {
  let system: RunningSystem;
  let revived: Subgraph | undefined;
  beforeAll(async () => {
    system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
  });
  afterAll(async () => {
    await revived?.stop();
    await system.stop();
  });

  const PAGE = `{ councils(first: 3) { edges { node { name nextMeeting { id } processes(first: 1) { totalCount } participation { participants } } } } processes(first: 2) { totalCount } }`;

  it("costs only its fields: partial data, SERVICE_UNAVAILABLE on their paths with the request id, no 5xx; then full recovery", async () => {
    const participation = system.subgraphs.participation;
    const port = Number(new URL(participation.url).port);
    const before = await gql(system.gatewayUrl, PAGE);
    expect(before.errors).toBeUndefined();

    await participation.server.stop();
    const during = await gql(system.gatewayUrl, PAGE);
    expect(during.status).toBeLessThan(500);
    expect(during.data.councils.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(
      before.data.councils.edges.map((e: { node: { name: string } }) => e.node.name),
    );
    for (const edge of during.data.councils.edges) {
      expect(edge.node.processes).toBeNull();
      expect(edge.node.participation).toBeNull();
    }
    expect(during.data.processes).toBeNull();
    expect(during.errors!.length).toBeGreaterThan(0);
    for (const error of during.errors!) {
      expect(error.extensions).toEqual({ code: "SERVICE_UNAVAILABLE", requestId: during.headers.get("x-request-id") });
      expect(error.path?.length).toBeGreaterThan(0);
      expect(error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch failed/);
    }

    // The same subgraph comes back on its port; the gateway, never restarted, serves everything again.
    revived = await createSubgraphServer(DEFINITIONS.find((d) => d.name === "participation")!, {
      orm: participation.orm,
      verify: await createVerifier(TEST_AUTH),
      logger: createLogger("test-participation", "silent"),
      auditSchema: participation.database.auditSchema,
      peers: { councils: system.subgraphs.councils.url, meetings: system.subgraphs.meetings.url },
      settings: { PII_KEY: TEST_SECRETS.PII_KEY },
    });
    await revived.listen(port);
    const after = await gql(system.gatewayUrl, PAGE);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
  });
  it("that hangs costs its fields SERVICE_UNAVAILABLE after the subgraph time limit, not the whole request", async () => {
    // A subgraph that accepts connections and never answers (stopped, swapping, deadlocked).
    const held: Socket[] = [];
    const hung = createServer((socket) => void held.push(socket));
    await new Promise<void>((done) => hung.listen(0, "127.0.0.1", done));
    const { port } = hung.address() as { port: number };
    const gateway = createGateway({
      supergraph: await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"),
      subgraphUrls: { ...Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.url])), participation: `http://127.0.0.1:${port}/graphql` },
      logger: createLogger("test-gateway", "silent"),
      subgraphTimeoutMs: 500,
      verify: await createVerifier(TEST_AUTH),
    });
    const listening = await gateway.listen(0);
    try {
      const during = await gql(listening.url, PAGE);
      expect(during.status).toBeLessThan(500);
      expect(during.data.councils.edges.length).toBe(3);
      expect(during.data.processes).toBeNull();
      expect(new Set(during.errors!.map((error) => error.extensions?.code))).toEqual(new Set(["SERVICE_UNAVAILABLE"]));
    } finally {
      await gateway.stop();
      for (const socket of held) socket.destroy();
      await new Promise((done) => hung.close(done));
    }
  });
});
