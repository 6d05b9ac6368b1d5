import { adminToken, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/** The gateway's response cache: anonymous reads only, evicted by the gateway's own mutations. */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"), { responseCacheTtlMs: 60_000 });
});
afterAll(() => system.stop());

const QUERY = `{ council(slug: "compur") { id name version notes } }`;

describe("gateway response cache", () => {
  it("answers repeated anonymous reads without asking the subgraphs again", async () => {
    const councils = system.subgraphs.councils.sql;
    const first = await gql(system.gatewayUrl, QUERY);
    councils.reset();
    const second = await gql(system.gatewayUrl, QUERY);
    expect(second.data).toEqual(first.data);
    expect(councils.count).toBe(0);
  });

  it("never serves or stores authenticated requests (a staff read always reaches the subgraph that audits it)", async () => {
    const token = await adminToken();
    await gql(system.gatewayUrl, QUERY);
    const councils = system.subgraphs.councils.sql;
    for (let i = 0; i < 2; i++) {
      councils.reset();
      await gql(system.gatewayUrl, QUERY, undefined, { token });
      expect(councils.count).toBeGreaterThan(0);
    }
  });

  it("says what it did in Cache-Status (RFC 9211): hit, miss, or bypass for a request it may not answer", async () => {
    const status = async (query: string, headers: Record<string, string> = {}) =>
      (await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) })).headers.get("cache-status");
    const fresh = `{ council(slug: "compur") { name slug } }`;
    expect(await status(fresh)).toBe("contagem-gateway; fwd=miss");
    expect(await status(fresh)).toBe("contagem-gateway; hit");
    expect(await status(fresh, { authorization: `Bearer ${await adminToken()}` })).toBe("contagem-gateway; fwd=bypass");
    expect(await status(`{ rateLimit { remaining } council(slug: "compur") { name } }`)).toBe("contagem-gateway; fwd=bypass");
    // Mutations are not the cache's to answer: no Cache-Status.
    expect(await status(`mutation { updateCouncil(input: { id: "x", expectedVersion: 1 }) { council { id } } }`)).toBeNull();
  });

  it("evicts what a mutation through the gateway changed", async () => {
    const before = await gql(system.gatewayUrl, QUERY);
    const { id, version } = before.data.council;
    const updated = await gql(
      system.gatewayUrl,
      `mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id version notes } } }`,
      { i: { id, expectedVersion: version, notes: "Alterado através do gateway" } },
      { token: await adminToken() },
    );
    expect(updated.errors).toBeUndefined();
    const after = await gql(system.gatewayUrl, QUERY);
    expect(after.data.council.notes).toBe("Alterado através do gateway");
    expect(after.data.council.version).toBe(version + 1);
  });
});

describe("gateway rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After once a client spends its budget", async () => {
    const limited = await startSystem(DEFINITIONS.slice(0, 1), await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"), { ratePerMinute: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await fetch(limited.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
        statuses.push(res.status);
        // GitHub's headers, on every answer, the refusals included.
        expect(res.headers.get("x-ratelimit-limit")).toBe("5");
        expect(res.headers.get("x-ratelimit-remaining")).toBe(String(Math.max(0, 4 - i)));
        if (res.status === 429) {
          expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
          expect((await res.json()).errors[0].extensions.code).toBe("RATE_LIMITED");
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await limited.stop();
    }
  });
});
