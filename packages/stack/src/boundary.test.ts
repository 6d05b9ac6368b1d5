import { demoRegions, seedCouncilsDemo } from "@contagem/councils";
import { seedMeetingsDemo } from "@contagem/meetings";
import { seedParticipationDemo } from "@contagem/participation";
import {
  adminToken,
  gql,
  introspect,
  nullProbes,
  reachableTypes,
  startSystem,
  stringProbes,
  type GraphQLResponse,
  type RunningSystem,
} from "@contagem/testkit";
import { StringLimit } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The subgraph boundary, proved on the real schemas: every probe below is generated from a subgraph's (or the
 * supergraph's) schema, so a new field, argument or input is covered the day it appears. Each subgraph is probed
 * directly — a subgraph reached without the gateway must be exactly as safe — and root fields also through the
 * gateway. The data is the default seed plus a small synthetic history, so that probed fields have records to read.
 */
let system: RunningSystem;
let admin: string;
const VALUES = {
  id: ["1"],
  slug: ["compur"],
  code: ["SEDE"],
  query: ["reuniao"],
  search: ["conselho"],
  purpose: ["Verificação gerada da fronteira dos subgraphs"],
};
const subgraphs: { name: string; url: string; schema: GraphQLSchema; entities: { type: string; key: string }[] }[] = [];

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"), { queryLimits: false });
  const options = { years: 1, councils: 22, seed: 11 };
  const structure = await system.subgraphs.councils.orm.em.fork().transactional((em) => seedCouncilsDemo(em as EntityManager, options));
  const history = await system.subgraphs.meetings.orm.em.fork().transactional((em) => seedMeetingsDemo(em as EntityManager, structure, options));
  const regions = await demoRegions(system.subgraphs.councils.orm.em.fork());
  await system.subgraphs.participation.orm.em.fork().transactional((em) =>
    seedParticipationDemo(em as EntityManager, { ...options, participants: 60, regions, meetings: history.heldMeetings }),
  );
  admin = await adminToken();
  for (const { name, url } of Object.values(system.subgraphs)) {
    const sdl: string = (await gql(url, `{ _service { sdl } }`)).data._service.sdl;
    subgraphs.push({ name, url, schema: await introspect(url), entities: resolvableEntities(sdl) });
  }
}, 180_000);
afterAll(() => system?.stop());

/** Each entity's first resolvable `@key` of a single field, from the subgraph's SDL. */
function resolvableEntities(sdl: string) {
  return [...sdl.matchAll(/type (\w+)\s[^{]*?@key\(fields: "(\w+)"(, resolvable: false)?/g)]
    .filter(([, , , unresolvable]) => !unresolvable)
    .map(([, type, key]) => ({ type, key }));
}

/** What must not differ between two answers: data, and each error's message, path and code (not its location). */
const comparable = (res: GraphQLResponse) => ({
  data: res.data,
  errors: res.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
});
const hasProbe = (value: unknown): boolean =>
  typeof value === "object" && value !== null && (("probe" in value && true) || Object.values(value).some(hasProbe));
/** `Type.field(arg:)` of every nullable argument of the schema's object types, read straight from the schema. */
const nullableArguments = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
    .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).flatMap((field) =>
      field.args.filter((arg) => !isNonNullType(arg.type)).map((arg) => `${type.name}.${field.name}(${arg.name}:)`)));
const internal = (res: GraphQLResponse) => (res.errors ?? []).some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR");

describe("an explicit null argument behaves as an absent one", () => {
  async function proveNulls(url: string, schema: GraphQLSchema, reach: ReturnType<typeof reachableTypes>) {
    const probes = nullProbes(schema, reach, { values: VALUES });
    const differences: unknown[] = [];
    const ran = new Set<string>();
    for (const token of [undefined, admin]) {
      for (const probe of probes) {
        const absent = await gql(url, probe.absent, undefined, { token });
        const literal = await gql(url, probe.literalNull, undefined, { token });
        const variable = await gql(url, probe.variableNull.query, probe.variableNull.variables, { token });
        if (hasProbe(absent.data)) ran.add(probe.coordinate);
        for (const [form, res] of [["literal", literal], ["variable", variable]] as const) {
          const same = JSON.stringify(comparable(res)) === JSON.stringify(comparable(absent));
          if (!same || internal(res) || internal(absent)) {
            differences.push({ coordinate: probe.coordinate, form, admin: !!token, absent: comparable(absent), null: comparable(res) });
          }
        }
      }
    }
    return { probes, differences, ran };
  }

  it("on every field of every subgraph, reached directly (generated from each schema)", async () => {
    for (const { name, url, schema, entities } of subgraphs) {
      const { probes, differences, ran } = await proveNulls(url, schema, reachableTypes(schema, { entities, values: VALUES }));
      expect({ name, differences }).toEqual({ name, differences: [] });
      // The probes read real records: nearly every probed field ran (the rest sit under lists the data leaves empty).
      const coordinates = new Set(probes.map((p) => p.coordinate));
      // Every nullable argument of the schema has its probe (a Mutation field with one would need a write to probe).
      expect({ name, unprobed: nullableArguments(schema).filter((c) => !coordinates.has(c)) }).toEqual({ name, unprobed: [] });
      const notRun = [...coordinates].filter((c) => !ran.has(c));
      expect({ name, notRun: notRun.length > coordinates.size / 10 ? notRun : "under 10%" }).toEqual({ name, notRun: "under 10%" });
      expect(coordinates.size).toBeGreaterThan(10);
    }
  }, 600_000);

  it("on every root field, through the gateway", async () => {
    const schema = await introspect(system.gatewayUrl);
    const { probes, differences, ran } = await proveNulls(system.gatewayUrl, schema, new Map([["Query", (inner: string) => inner]]));
    expect(differences).toEqual([]);
    expect(probes.map((p) => p.coordinate)).toEqual(expect.arrayContaining(["Query.meetings(filter:)", "Query.processes(filter:)", "Query.interventions(filter:)", "Query.participationStats(filter:)", "Query.council(slug:)"]));
    expect(ran.size).toBe(new Set(probes.map((p) => p.coordinate)).size);
  }, 300_000);
});

describe("a string that is not text, or too long, is refused where it enters", () => {
  const refusal = (res: GraphQLResponse) => {
    const [error, ...more] = res.errors ?? [];
    return { code: error?.extensions?.code, field: error?.extensions?.field, more: more.length };
  };

  async function proveStrings(url: string, probes: ReturnType<typeof stringProbes>, kinds: Record<string, string>) {
    const wrong: unknown[] = [];
    for (const probe of probes) {
      for (const [kind, value] of Object.entries(kinds)) {
        const res = await gql(url, probe.query, probe.variables(value));
        const got = refusal(res);
        if (got.code !== "BAD_USER_INPUT" || got.field !== probe.field || got.more) wrong.push({ coordinate: probe.coordinate, field: probe.field, kind, got, errors: res.errors });
      }
    }
    return wrong;
  }

  it("in every string place of every argument of every subgraph (NUL, lone surrogates), at any depth", async () => {
    for (const { name, url, schema, entities } of subgraphs) {
      const reach = reachableTypes(schema, { entities, values: VALUES });
      const probes = stringProbes(schema, reach, { values: VALUES });
      expect(probes.length).toBeGreaterThan(20);
      // Every object type whose fields take arguments is reached (or is Mutation, probed at its root).
      const unreached = Object.values(schema.getTypeMap())
        .filter((t) => isObjectType(t) && !t.name.startsWith("__") && t !== schema.getMutationType() && !reach.has(t.name))
        .filter((t) => Object.values((t as GraphQLObjectType).getFields()).some((f) => f.args.length));
      expect({ name, unreached: unreached.map((t) => t.name) }).toEqual({ name, unreached: [] });
      const wrong = await proveStrings(url, probes, { nul: "a\u0000b", high: "x\ud800", low: "\udc00y" });
      expect({ name, wrong }).toEqual({ name, wrong: [] });
    }
  }, 600_000);

  it("beyond its ceiling, in every string place of every subgraph: 1,000 characters unless the input declares more", async () => {
    const ceilings: Record<string, number> = {};
    const unbounded: string[] = [];
    for (const { url, schema, entities } of subgraphs) {
      for (const probe of stringProbes(schema, reachableTypes(schema, { entities, values: VALUES }), { values: VALUES })) {
        const place = `${probe.coordinate.replace(/\(.*/, "")} ${probe.field}`;
        // Climb the tiers: a value one character over a ceiling is refused naming it, or the input declared more.
        for (const limit of [...new Set(Object.values(StringLimit))].sort((a, b) => a - b)) {
          const res = await gql(url, probe.query, probe.variables("x".repeat(limit + 1)));
          const boundary = res.errors?.find((e) => /the limit is \d+/.test(e.message));
          if (!boundary) continue;
          expect({ place, code: boundary.extensions?.code, field: boundary.extensions?.field }).toEqual({ place, code: "BAD_USER_INPUT", field: probe.field });
          expect(boundary.message).toContain(`has ${limit + 1} characters; the limit is ${limit}`);
          ceilings[place] = limit;
          break;
        }
        if (!ceilings[place]) unbounded.push(place);
      }
    }
    expect(unbounded).toEqual([]);
    const raised = Object.entries(ceilings).filter(([, limit]) => limit > 1_000);
    expect(raised.length).toBeGreaterThan(20);
    expect(Object.fromEntries(raised)).toMatchObject({
      "Mutation.draftMinutes input.body": 500_000,
      "Mutation.adoptResolution input.body": 500_000,
      "Mutation.amendMinutes input.reason": 20_000,
      "Mutation.contribute input.body": 20_000,
      "Mutation.createWebhookSubscription input.url": 2_000,
    });
  }, 600_000);

  it("through the gateway too, in every string place of every root field", async () => {
    const schema = await introspect(system.gatewayUrl);
    const probes = stringProbes(schema, new Map([["Query", (inner: string) => inner]]), { values: VALUES });
    expect(probes.length).toBeGreaterThan(50);
    expect(await proveStrings(system.gatewayUrl, probes, { nul: "\u0000" })).toEqual([]);
  }, 300_000);
});

describe("_entities takes only representations of this subgraph's entities", () => {
  it("refuses every other type, a non-object, a missing key and a key of the wrong type as client errors", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;
    for (const { name, url, schema, entities } of subgraphs) {
      const resolvable = new Set(entities.map((e) => e.type));
      const others = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !resolvable.has(t.name)).map((t) => t.name);
      expect(others).toEqual(expect.arrayContaining(["PageInfo", "Query"]));
      const cases = [
        ...others.map((type) => ({ __typename: type, id: "1" })),
        ...entities.flatMap(({ type, key }) => [{ __typename: type }, { __typename: type, [key]: { id: "1" } }, { __typename: type, [key]: true }]),
        "Council:1",
        [{ __typename: "Council", id: "1" }],
        { __typename: "NoSuchType", id: "1" },
      ];
      const wrong = [];
      for (const representation of cases) {
        const res = await gql(url, query, { r: [representation] });
        if (res.errors?.[0]?.extensions?.code !== "BAD_USER_INPUT" || res.errors[0].extensions.field !== "representations[0]") wrong.push({ representation, errors: res.errors });
      }
      expect({ name, wrong }).toEqual({ name, wrong: [] });
      // And every entity it does resolve still answers (the records exist or resolve to null, never an error).
      for (const { type, key } of entities) {
        const res = await gql(url, query, { r: [{ __typename: type, [key]: key === "id" ? "1" : VALUES.slug[0] }] });
        expect({ name, type, errors: res.errors }).toEqual({ name, type, errors: undefined });
      }
    }
  }, 300_000);
});
