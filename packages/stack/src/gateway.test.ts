import { codesOf, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

let system: RunningSystem;
beforeAll(async () => {
  const supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  system = await startSystem(DEFINITIONS, supergraph);
});
afterAll(() => system.stop());

const base = () => system.gatewayUrl.replace(/\/graphql$/, "");

describe("gateway", () => {
  it("answers a federated query: councils with their territory through entity references", async () => {
    const res = await gql(system.gatewayUrl, `{ councils(first: 50, filter: { kind: REGIONAL }) { totalCount edges { node { slug territory { code name parent { name } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.councils.totalCount).toBe(8);
    expect(res.data.councils.edges.map((e: any) => e.node.territory.code).sort()).toEqual([
      "ELDORADO", "INDUSTRIAL", "NACIONAL", "PETROLANDIA", "RESSACA", "RIACHO", "SEDE", "VARGEM_DAS_FLORES",
    ]);
  });

  it("resolves a council's territory across subgraphs: meetings → Council (councils) → Territory", async () => {
    const secretary = await mintToken({ roles: ["SECRETARY"], councils: ["conselho-regional-eldorado"] });
    const { data: read } = await gql(system.gatewayUrl, `{ council(slug: "conselho-regional-eldorado") { id } }`);
    const scheduled = await gql(
      system.gatewayUrl,
      `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`,
      { i: { councilId: read.council.id, type: "TERRITORIAL_PLENARY", modality: "IN_PERSON", place: "Escola Municipal do Eldorado", startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString() } },
      { token: secretary },
    );
    expect(scheduled.errors).toBeUndefined();
    const res = await gql(system.gatewayUrl, `{ meetings(first: 5) { edges { node { type council { acronym name kind territory { code name parent { name } } nextMeeting { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.meetings.edges[0].node).toEqual({
      type: "TERRITORIAL_PLENARY",
      council: {
        acronym: null,
        name: "Conselho Regional Eldorado",
        kind: "REGIONAL",
        territory: { code: "ELDORADO", name: "Eldorado", parent: { name: "Contagem" } },
        nextMeeting: { id: scheduled.data.scheduleMeeting.meeting.id },
      },
    });
  });

  it("forwards the bearer token: each subgraph verifies it again", async () => {
    const forged = await gql(system.gatewayUrl, `{ councils(first: 1) { totalCount } }`, undefined, {
      headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" },
    });
    expect(codesOf(forged)).toContain("UNAUTHENTICATED");
    const admin = await mintToken({ roles: ["ADMIN"] });
    const ok = await gql(
      system.gatewayUrl,
      `mutation { createCouncil(input: { name: "Conselho de Teste do Gateway", kind: FORUM }) { council { slug } } }`,
      undefined,
      { token: admin },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createCouncil.council.slug).toBe("conselho-de-teste-do-gateway");
  });

  it("keeps the request id across the gateway", async () => {
    const res = await gql(system.gatewayUrl, `{ __typename }`, undefined, { headers: { "x-request-id": "trace-42" } });
    expect(res.headers.get("x-request-id")).toBe("trace-42");
  });

  it("answers malformed requests with the standard request codes, and passes subgraph codes through", async () => {
    expect(codesOf(await gql(system.gatewayUrl, `{ councilz { totalCount } }`))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(codesOf(await gql(system.gatewayUrl, `{ councils(first: `))).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(codesOf(await gql(system.gatewayUrl, `{ councils(first: 1000) { totalCount } }`))).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses queries beyond the public limits with QUERY_TOO_COMPLEX, and admits every benchmark page", async () => {
    let deep = "id";
    for (let i = 0; i < 14; i++) deep = `parent { ${deep} }`;
    const tooDeep = await gql(system.gatewayUrl, `{ territory(code: "SEDE") { ${deep} } }`);
    expect(codesOf(tooDeep)).toEqual(["QUERY_TOO_COMPLEX"]);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: councils(first: 1) { totalCount }`).join(" ");
    expect(codesOf(await gql(system.gatewayUrl, `{ ${aliases} }`))).toEqual(["QUERY_TOO_COMPLEX"]);
    for (const file of ["1-third-party-read.graphql", "2-deep-federated-page.graphql", "3-search.graphql", "4-participation-figures.graphql", "single-subgraph.graphql"]) {
      const query = await readFile(join(ROOT, "bench", "scenarios", file), "utf8");
      const res = await gql(system.gatewayUrl, query, { slug: "compur" });
      expect({ file, codes: codesOf(res) }).toEqual({ file, codes: [] });
    }
  });

  it("serves a GraphQL IDE that loads nothing from another host", async () => {
    const res = await fetch(system.gatewayUrl, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<title>Contagem Participation Graph</title>");
    expect(html).toContain("renderYogaGraphiQL");
    const external = [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=\s*["']?(https?:)?\/\//gi)];
    expect(external).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr|cdnjs|fonts\.googleapis/);
  });

  it("is live at /healthz and ready at /readyz only while every subgraph answers", async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
  });
});

describe("gateway readiness", () => {
  it("reports 503 naming the subgraph that is down", async () => {
    const supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
    const other = await startSystem(DEFINITIONS, supergraph);
    try {
      await other.subgraphs.councils.server.stop();
      const res = await fetch(other.gatewayUrl.replace(/\/graphql$/, "/readyz"));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable", down: ["councils"] });
    } finally {
      await other.stop();
    }
  });
});
