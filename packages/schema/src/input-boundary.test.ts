import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, GraphQLScalarType, parse, type ExecutionResult } from "graphql";
import { guardArguments } from "./input-boundary";
import { StringLimit } from "./string-limits";

/** A small subgraph with every shape the boundary handles; its resolvers record the arguments they receive. */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  scalar JSON
  type Query {
    council(slug: String, id: ID): Council
    councils(first: Int = 20, after: String, filter: CouncilFilter, sort: Sort = NAME): [Council!]!
    echo(json: JSON, when: Int!): Boolean
  }
  type Mutation { openTerm(input: OpenTermInput!): Boolean }
  enum Sort { NAME ACRONYM }
  input CouncilFilter { search: String, period: Period, region: Region = { code: "SEDE" }, tags: [String!] }
  input Period { from: String, to: String }
  input Region { code: String }
  input OpenTermInput { label: String, notes: String, seats: [SeatInput!], rules: Rules, period: Period! }
  input SeatInput { segment: String, rules: Rules }
  input Rules { quorum: Int, self: Rules }
  interface Named { name(style: String): String }
  type Council implements Named @key(fields: "id") {
    id: ID!
    name(style: String): String
    terms(first: Int = 20, after: String): [String!]!
    excerpt(length: Int! = 280): String
  }
`);

let seen: { field: string; args: Record<string, unknown> }[] = [];
const record = (field: string, result: unknown) => (_: unknown, args: Record<string, unknown>) => {
  seen.push({ field, args: structuredClone(args) });
  return result;
};
const council = { id: "1" };
const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: {
    JSON: new GraphQLScalarType({ name: "JSON" }),
    Query: { council: record("council", council), councils: record("councils", [council, council]), echo: record("echo", true) },
    Mutation: { openTerm: record("openTerm", true) },
    Council: { name: record("name", "COMPUR"), terms: record("terms", []), excerpt: record("excerpt", "…") },
  } as never,
});
const limits = new Map([["OpenTermInput.notes", StringLimit.TEXT]]);
const excerptBefore = (schema.getType("Council") as any).getFields().excerpt.resolve;
guardArguments(schema, limits);

const run = (source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> => {
  seen = [];
  return graphql({ schema, source, variableValues });
};
const errorOf = (res: ExecutionResult) => {
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  return { code: error.extensions.code, field: error.extensions.field, message: error.message, path: error.path };
};

describe("strings at the boundary", () => {
  it.each([
    ["a NUL", "a\u0000b", /contains the NUL character \(U\+0000\)/],
    ["a lone high surrogate", "a\ud800b", /lone UTF-16 surrogate/],
    ["a lone low surrogate", "\udc00", /lone UTF-16 surrogate/],
    ["an over-long value", "x".repeat(1001), /has 1001 characters; the limit is 1000\./],
  ])("reject %s in a root argument before any resolver runs", async (_kind, slug, message) => {
    const res = await run(`query($slug: String) { council(slug: $slug) { id } }`, { slug });
    expect(errorOf(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "slug", message: expect.stringMatching(message), path: ["council"] });
    expect(seen).toEqual([]);
  });

  it("name the path inside input objects and lists, from variables and from literals alike", async () => {
    const variables = { input: { period: {}, seats: [{ segment: "ok" }, { segment: "bad\u0000" }] } };
    expect(errorOf(await run(`mutation($input: OpenTermInput!) { openTerm(input: $input) }`, variables))).toMatchObject({ field: "input.seats[1].segment" });
    expect(errorOf(await run(`mutation { openTerm(input: { period: { to: "\\u0000" } }) }`))).toMatchObject({ field: "input.period.to" });
    // (A document cannot carry a lone surrogate at all, graphql-js refuses it as a syntax error: only variables can.)
    expect(errorOf(await run(`query($t: String!) { councils(filter: { tags: ["a", $t] }) { id } }`, { t: "\ud800" }))).toMatchObject({ field: "filter.tags[1]" });
    expect(seen).toEqual([]);
  });

  it("check IDs and custom scalars, keys of JSON objects included", async () => {
    expect(errorOf(await run(`{ council(id: "1\\u0000") { id } }`))).toMatchObject({ field: "id" });
    expect(errorOf(await run(`query($j: JSON) { echo(json: $j, when: 1) }`, { j: { list: ["fine", { deep: "\u0000" }] } }))).toMatchObject({ field: "json.list[1].deep" });
    expect(errorOf(await run(`query($j: JSON) { echo(json: $j, when: 1) }`, { j: { ["k\u0000"]: 1 } }))).toMatchObject({ field: "json.k\u0000", message: expect.stringMatching(/has a key that contains the NUL/) });
  });

  it("count characters as code points, and let a declared limit raise the ceiling", async () => {
    const emoji = "😀".repeat(StringLimit.DEFAULT); // 2,000 UTF-16 units, 1,000 characters
    expect((await run(`query($s: String) { council(slug: $s) { id } }`, { s: emoji })).errors).toBeUndefined();
    const notes = "n".repeat(StringLimit.TEXT);
    expect((await run(`mutation($i: OpenTermInput!) { openTerm(input: $i) }`, { i: { period: {}, notes } })).errors).toBeUndefined();
    const res = await run(`mutation($i: OpenTermInput!) { openTerm(input: $i) }`, { i: { period: {}, notes: `${notes}!`, label: "fine" } });
    expect(errorOf(res)).toMatchObject({ field: "input.notes", message: `"input.notes" has 20001 characters; the limit is 20000.` });
    expect(errorOf(await run(`mutation($i: OpenTermInput!) { openTerm(input: $i) }`, { i: { period: {}, label: "l".repeat(1001) } }))).toMatchObject({ field: "input.label" });
  });

  it("check the arguments of nested fields (fragments too) before the root resolver runs: one error, not one per item", async () => {
    const res = await run(`query($a: String) { councils { id ...F } } fragment F on Council { ... on Named { name(style: "ok") } terms(after: $a) }`, { a: "\u0000" });
    expect(errorOf(res)).toMatchObject({ field: "after", path: ["councils"], message: expect.stringMatching(/\(argument of Council\.terms\)\.$/) });
    expect(seen).toEqual([]);
    expect(errorOf(await run(`query($s: String) { councils { ... on Named { name(style: $s) } } }`, { s: "\udfff" }))).toMatchObject({ field: "style", message: expect.stringMatching(/argument of Named\.name/) });
  });

  it("let well-formed text through untouched, accents and emoji included", async () => {
    const res = await run(`{ councils(after: "Conselho Regional Água Branca 😀", filter: { search: "reuniões" }) { name(style: "") } }`);
    expect(res.errors).toBeUndefined();
    expect(seen[0].args).toMatchObject({ after: "Conselho Regional Água Branca 😀", filter: { search: "reuniões" } });
  });
});

describe("nulls at the boundary", () => {
  it("make an explicit null of a nullable argument absent, or its default", async () => {
    await run(`{ councils(first: null, after: null, filter: null, sort: null) { id } }`);
    expect(seen[0]).toEqual({ field: "councils", args: { first: 20, sort: "NAME" } });
    await run(`query($f: CouncilFilter, $a: String) { councils(filter: $f, after: $a) { id } }`, { f: null, a: null });
    expect(seen[0].args).toEqual({ first: 20, sort: "NAME" });
  });

  it("make a null input-object field absent (or its default) at any depth, and keep scalar nulls", async () => {
    await run(`{ councils(filter: { search: null, period: null, region: null }) { id } }`);
    expect(seen[0].args.filter).toEqual({ search: null, region: { code: "SEDE" } });
    const input = { label: null, period: { from: null }, rules: null, seats: [{ segment: null, rules: null }, { rules: { quorum: 1, self: null } }] };
    await run(`mutation($i: OpenTermInput!) { openTerm(input: $i) }`, { i: input });
    expect(seen[0].args.input).toEqual({ label: null, period: { from: null }, seats: [{ segment: null }, { rules: { quorum: 1 } }] });
  });

  it("normalise on every field that takes arguments, per item, without changing a variable other fields share", async () => {
    const res = await run(`query($f: CouncilFilter) { a: councils(filter: $f) { terms(after: null) } b: councils(filter: $f) { id } }`, { f: { period: null } });
    expect(res.errors).toBeUndefined();
    expect(seen.filter((s) => s.field === "councils").map((s) => s.args.filter)).toEqual([{ region: { code: "SEDE" } }, { region: { code: "SEDE" } }]);
    expect(seen.filter((s) => s.field === "terms").map((s) => s.args)).toEqual([{ first: 20 }, { first: 20 }]);
  });

  it("leave fields whose arguments cannot carry a null to remove as they were: no wrapper at all", () => {
    expect((schema.getType("Council") as any).getFields().excerpt.resolve).toBe(excerptBefore);
  });
});
