import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse, type ExecutionResult } from "graphql";
import { guardEntities } from "./entities-boundary";
import { guardArguments } from "./input-boundary";

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])
  type Query { pageInfo: PageInfo }
  type PageInfo { hasNextPage: Boolean! }
  type Secret { id: ID! }
  type Council @key(fields: "id") @key(fields: "slug") { id: ID! slug: String! name: String }
  type Seat @key(fields: "council { id } position") { council: Council! position: Int! }
  type Mandate @key(fields: "id", resolvable: false) { id: ID! }
  enum Provenance { SECRETARIAT PUBLIC_LISTING }
  type Meeting @key(fields: "id") { id: ID! recordedFrom: Provenance! @external citizens: Int @requires(fields: "recordedFrom") }
`);

let references: unknown[] = [];
const reference = (name: string) => (ref: Record<string, unknown>) => {
  references.push(ref);
  return ref.id === "404" ? null : { ...ref, name };
};
const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: {
    Council: { __resolveReference: reference("COMPUR") },
    Seat: { __resolveReference: reference("seat") },
    Meeting: { __resolveReference: reference("meeting") },
  } as never,
});
// As buildFederatedSchema applies them: the argument checks run first.
guardEntities(schema);
guardArguments(schema);

const entities = async (representations: unknown[]): Promise<ExecutionResult> => {
  references = [];
  return graphql({
    schema,
    source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { name } ... on Seat { position } } }`,
    variableValues: { r: representations },
  });
};
const clientError = (res: ExecutionResult) => {
  expect(res.errors).toHaveLength(1);
  expect(references).toEqual([]);
  return { code: res.errors![0].extensions.code, field: res.errors![0].extensions.field, message: res.errors![0].message };
};

describe("_entities at the boundary", () => {
  it("resolves representations that name a resolvable entity with a whole key", async () => {
    const res = await entities([{ __typename: "Council", id: "4" }, { __typename: "Council", slug: "compur" }, { __typename: "Seat", council: { id: "4" }, position: 2 }]);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ name: "COMPUR" }, { name: "COMPUR" }, { position: 2 }]);
  });

  it("coerces a key to its field's type as GraphQL would (an integer ID becomes its string)", async () => {
    await entities([{ __typename: "Council", id: 4 }, { __typename: "Seat", council: { id: 4 }, position: 1 }]);
    expect(references).toEqual([{ __typename: "Council", id: "4" }, { __typename: "Seat", council: { id: "4" }, position: 1 }]);
  });

  it("keeps what a reference resolver returns for a hidden or missing record: null", async () => {
    const res = await entities([{ __typename: "Council", id: "404" }]);
    expect(res).toEqual({ data: { _entities: [null] } });
  });

  it.each([
    ["a string", "Council:4", /must be an object/],
    ["a list", [{ __typename: "Council", id: "4" }], /must be an object/],
    ["a number", 4, /must be an object/],
    ["an unknown type", { __typename: "Nope", id: "4" }, /"Nope" is not an entity this subgraph resolves/],
    ["no type", { id: "4" }, /has no `__typename` naming an entity/],
    ["a type name that is not a string", { __typename: ["Council"], id: "4" }, /has no `__typename`/],
    ["a type that is not an entity", { __typename: "PageInfo", hasNextPage: true }, /"PageInfo" is not an entity/],
    ["a private type", { __typename: "Secret", id: "1" }, /"Secret" is not an entity/],
    ["an entity this subgraph does not resolve", { __typename: "Mandate", id: "1" }, /"Mandate" is not an entity/],
    ["an introspection type", { __typename: "__Schema" }, /is not an entity/],
    ["a missing key", { __typename: "Council", name: "x" }, /needs the fields of a key.*"id: ID" or "slug: String"/],
    ["a null key", { __typename: "Council", id: null }, /needs the fields of a key/],
    ["a key of the wrong type", { __typename: "Council", id: { $gt: 1 } }, /needs the fields of a key/],
    ["a boolean for an ID", { __typename: "Council", id: true }, /needs the fields of a key/],
    ["a number for a String key", { __typename: "Council", slug: 7 }, /needs the fields of a key/],
    ["half a compound key", { __typename: "Seat", position: 1 }, /"council \{ id: ID \}, position: Int"/],
    ["a compound key with a bad part", { __typename: "Seat", council: "4", position: 1 }, /needs the fields of a key/],
  ])("refuses %s as a client error on representations[i], before any reference resolver runs", async (_what, bad, message) => {
    const res = await entities([{ __typename: "Council", id: "1" }, bad]);
    expect(clientError(res)).toEqual({ code: "BAD_USER_INPUT", field: "representations[1]", message: expect.stringMatching(message) });
  });

  it("passes the @external fields a @requires reads, each of its type, and refuses one that is not (never read as another value)", async () => {
    const ok = await entities([{ __typename: "Meeting", id: "1", recordedFrom: "PUBLIC_LISTING" }, { __typename: "Meeting", id: "2" }]);
    expect(ok.errors).toBeUndefined();
    expect(references).toEqual([{ __typename: "Meeting", id: "1", recordedFrom: "PUBLIC_LISTING" }, { __typename: "Meeting", id: "2" }]);
    for (const bad of ["BOGUS", "public_listing", 42, { x: 1 }, ["PUBLIC_LISTING"], true]) {
      expect(clientError(await entities([{ __typename: "Meeting", id: "1", recordedFrom: bad }]))).toEqual({
        code: "BAD_USER_INPUT",
        field: "representations[0].recordedFrom",
        message: expect.stringMatching(/must be a Provenance/),
      });
    }
  });

  it("checks the strings inside representations like any other input", async () => {
    expect(clientError(await entities([{ __typename: "Council", slug: "com\u0000pur" }]))).toMatchObject({ field: "representations[0].slug" });
    expect(clientError(await entities([{ __typename: "Council\ud800", id: "1" }]))).toMatchObject({ field: "representations[0].__typename" });
    expect(clientError(await entities([{ __typename: "Council", id: "9".repeat(1001) }]))).toMatchObject({ field: "representations[0].id" });
  });
});
