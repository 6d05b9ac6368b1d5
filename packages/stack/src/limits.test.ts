import { codesOf, gql, startSystem, type GraphQLResponse, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * Amplification, refused before anything runs and said plainly: the node limit (the product of page sizes along
 * nested connections) at the gateway and at each subgraph reached directly, the number of `_entities`
 * representations a subgraph takes, and token limits whose message counts the tokens.
 */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
}, 180_000);
afterAll(() => system?.stop());

const refusal = (res: GraphQLResponse) => ({ codes: codesOf(res), message: res.errors?.[0]?.message });
const NESTED = `query($n: Int, $m: Int) { councils(first: $n) { edges { node { meetings(first: $n) { edges { node { contributions(first: $m) { totalCount } } } } } } } }`;

describe("the node limit (50,000)", () => {
  it("refuses at the gateway a query whose nested pages multiply beyond it, naming the figure", async () => {
    // 100 councils + 100 × 100 meetings + 100 × 100 × 10 contributions.
    expect(refusal(await gql(system.gatewayUrl, NESTED, { n: 100, m: 10 }))).toEqual({
      codes: ["QUERY_TOO_COMPLEX"],
      message: expect.stringMatching(/^The operation may return 110,100 nodes .*; the limit is 50,000\.$/),
    });
    // The default page (20) counts where `first` is absent: 100 + 100 × 100 + 100 × 100 × 20.
    expect(refusal(await gql(system.gatewayUrl, NESTED, { n: 100 })).message).toMatch(/^The operation may return 210,100 nodes /);
  });

  it("admits the same shape within it", async () => {
    expect(codesOf(await gql(system.gatewayUrl, NESTED, { n: 20, m: 10 }))).toEqual([]);
  });

  it("refuses at a subgraph reached directly, fragments and `_entities` counted", async () => {
    // 100 councils + 100 × 5 pages of 100 terms.
    const direct = `query($n: Int) { councils(first: $n) { edges { node { ...T } } } } fragment T on Council { a: terms(first: $n) { totalCount } b: terms(first: $n) { totalCount } c: terms(first: $n) { totalCount } d: terms(first: $n) { totalCount } e: terms(first: $n) { totalCount } }`;
    expect(refusal(await gql(system.subgraphs.councils.url, direct, { n: 100 }))).toEqual({ codes: ["QUERY_TOO_COMPLEX"], message: expect.stringMatching(/^The operation may return 50,100 nodes /) });
    expect(codesOf(await gql(system.subgraphs.councils.url, direct, { n: 99 }))).toEqual([]);
    const reps = Array.from({ length: 1000 }, (_, i) => ({ __typename: "Council", id: String(i + 1) }));
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { meetings(first: 100) { totalCount } } } }`;
    expect(refusal(await gql(system.subgraphs.meetings.url, entities, { r: reps }))).toEqual({
      codes: ["QUERY_TOO_COMPLEX"],
      message: expect.stringMatching(/^The operation may return 100,000 nodes .*; the limit is 50,000\.$/),
    });
  });
});

describe("_entities representations (10,000 at a subgraph)", () => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { id } } }`;
  const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: "Council", id: String(i + 1) }));

  it("refuses more before any is resolved", async () => {
    expect(refusal(await gql(system.subgraphs.meetings.url, query, { r: reps(25_000) }))).toEqual({
      codes: ["QUERY_TOO_COMPLEX"],
      message: "The operation has 25,000 entity representations; the limit is 10,000.",
    });
  });

  it("takes a level of full pages (100 × 100), what the gateway sends for a query at the node limit", async () => {
    const res = await gql(system.subgraphs.meetings.url, query, { r: reps(10_000) });
    expect(res.errors).toBeUndefined();
    expect((res.data as { _entities: unknown[] })._entities).toHaveLength(10_000);
  });
});

describe("token limits say how many tokens there were", () => {
  it.each([
    ["the gateway", () => system.gatewayUrl, 3000],
    ["a subgraph (twice the tokens, for what the query planner adds)", () => system.subgraphs.councils.url, 6000],
  ])("at %s", async (_where, url, limit) => {
    const res = await gql(url(), `{ ${"a ".repeat(limit + 1)}}`);
    expect(refusal(res)).toEqual({ codes: ["QUERY_TOO_COMPLEX"], message: `The operation has ${limit + 3} tokens; the limit is ${limit}.` });
  });

  it("and other limits are not called syntax errors", async () => {
    let deep = "id";
    for (let i = 0; i < 14; i++) deep = `parent { ${deep} }`;
    expect(refusal(await gql(system.gatewayUrl, `{ territory(code: "SEDE") { ${deep} } }`))).toEqual({ codes: ["QUERY_TOO_COMPLEX"], message: expect.stringMatching(/^Query depth limit of 12 exceeded, found \d+\.$/) });
  });
});
