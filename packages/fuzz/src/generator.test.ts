import { generate, type Plan } from "./generator";
import { loadTargets } from "./model";
import { describeRequest } from "./report";
import { credentials } from "./tokens";

const SECRET = "fuzz-test-secret-fuzz-test-secret-0123456789";
let plan: Plan;
beforeAll(async () => {
  plan = {
    seed: 7,
    operations: 600,
    targets: await loadTargets({ gateway: "http://gw/graphql", subgraphs: { councils: "http://c/graphql", meetings: "http://m/graphql", participation: "http://p/graphql" } }),
    credentials: credentials({ secret: SECRET, issuer: "i", audience: "a" }, 0),
    oversized: [{ target: "gateway", bytes: 2_000_000, shape: "batch" }],
    gatewayShare: 0.5,
  };
});

describe("generator", () => {
  it("generates request N of a seed the same way every time, whatever was generated before", () => {
    const first = generate(plan, 123);
    for (let i = 0; i < 50; i++) generate(plan, i);
    expect(generate(plan, 123)).toEqual(first);
    expect(generate({ ...plan, seed: 8 }, 123)).not.toEqual(first);
  });

  it("mixes every kind of request, at the gateway and at each subgraph", () => {
    const requests = Array.from({ length: plan.operations }, (_, i) => generate(plan, i));
    expect(new Set(requests.map((r) => r.category))).toEqual(new Set(["query", "strings", "cursor", "shape", "http", "mutation", "federation"]));
    expect(new Set(requests.map((r) => r.target))).toEqual(new Set(["gateway", "councils", "meetings", "participation"]));
    expect(requests.filter((r) => typeof r.body === "object")).toHaveLength(1);
    expect(new Set(requests.map((r) => r.as)).size).toBeGreaterThan(10);
  });

  it("never writes a usable token into a report", () => {
    for (let i = 0; i < 300; i++) {
      const request = generate(plan, i);
      const reported = JSON.stringify(describeRequest(plan, request));
      for (const c of plan.credentials.filter((c) => c.secret)) expect(reported).not.toContain(c.authorization?.slice(7));
    }
  });
});
