import { generate, type Plan } from "./generator";
import { dateEdges, dateSites } from "./generators/dates";
import { createRandom } from "./random";
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
    expect(new Set(requests.map((r) => r.category))).toEqual(new Set(["query", "strings", "cursor", "shape", "http", "mutation", "federation", "dates", "nesting", "media"]));
    expect(new Set(requests.map((r) => r.target))).toEqual(new Set(["gateway", "councils", "meetings", "participation"]));
    expect(requests.filter((r) => typeof r.body === "object")).toHaveLength(1);
    expect(new Set(requests.map((r) => r.as)).size).toBeGreaterThan(10);
  });

  it("reaches every Date and DateTime argument and input field, at the gateway and at each subgraph", () => {
    for (const target of plan.targets) {
      const sites = dateSites(target.schema);
      expect(sites.length).toBeGreaterThan(0);
      const labels = new Set(Array.from({ length: sites.length * 12 }, (_, i) => dateEdges({ target, rnd: createRandom(i) }).label.replace(/^.* at /, "")));
      for (const site of sites) expect(labels).toContain([site.field.name, site.arg.name, ...site.path].join("."));
    }
  });

  it("keeps every body a generator builds under the 1 MiB limit (oversized ones aside)", () => {
    const lengths = Array.from({ length: plan.operations }, (_, i) => generate(plan, i))
      .filter((r) => typeof r.body === "string")
      .map((r) => Buffer.byteLength(r.body as string, r.encoding ?? "utf8"));
    expect(Math.max(...lengths)).toBeLessThan(1024 * 1024);
  });

  it("never writes a usable token into a report", () => {
    for (let i = 0; i < 300; i++) {
      const request = generate(plan, i);
      const reported = JSON.stringify(describeRequest(plan, request));
      for (const c of plan.credentials.filter((c) => c.secret)) expect(reported).not.toContain(c.authorization?.slice(7));
    }
  });
});
