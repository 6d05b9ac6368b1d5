import { decodeGlobalId, globalId, NODE_TYPES } from "@contagem/schema";
import { adminToken, codesOf, gql, introspect, makePdf, mintToken, refusalsOf, rootQueries, selection, startSystem, upload, type RunningSystem } from "@contagem/testkit";
import { getNamedType, isLeafType, type GraphQLInterfaceType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";
import { seedDemoInto } from "./seed-demo";
import type { EntityManager } from "@mikro-orm/postgresql";
import { contagemSnapshot } from "../../../services/participation/src/decidim/decidim.fixtures";
import { applyDecidimSnapshot } from "../../../services/participation/src/decidim/import";

/**
 * Relay's global object identification through the gateway (issue 12, §2), generated from the schema: every type
 * implementing Node is found in the graph, fetched again by `node(id:)` with the same fields; ids of the wrong type
 * or malformed are BAD_USER_INPUT naming the argument; unknown ones are null; plain ids are still accepted.
 */
let system: RunningSystem;
let schema: GraphQLSchema;
/** One record of each Node type as the graph answered it (anonymously), by type. */
const found = new Map<string, Record<string, unknown>>();
/** Every Node id the crawl met, by type. */
const ids = new Map<string, Set<string>>();

const collect = (value: unknown): void => {
  if (Array.isArray(value)) return value.forEach(collect);
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  const type = record.__typename as string | undefined;
  if (type && Object.hasOwn(NODE_TYPES, type) && typeof record.id === "string") {
    if (!ids.has(type)) ids.set(type, new Set());
    ids.get(type)!.add(record.id);
    const leaves = Object.keys(record).length;
    // The record seen with the most fields (a stub seen first is only `{ __typename id }`).
    if (!found.has(type) || Object.keys(found.get(type)!).length < leaves) found.set(type, record);
  }
  Object.values(record).forEach(collect);
};

const nodeTypes = () => schema.getPossibleTypes(schema.getType("Node") as GraphQLInterfaceType) as GraphQLObjectType[];
/** The leaf fields (without required arguments) of a type that a record answered, and their values. */
const leavesOf = (type: GraphQLObjectType, record: Record<string, unknown>) =>
  Object.fromEntries(
    Object.values(type.getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => a.type.toString().endsWith("!")) && f.name in record)
      .map((f) => [f.name, record[f.name]]),
  );

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"), { queryLimits: false });
  const orms = { councils: system.subgraphs.councils.orm, meetings: system.subgraphs.meetings.orm, participation: system.subgraphs.participation.orm };
  await seedDemoInto(orms, { years: 2, councils: 3, seed: 7, participants: 200 });
  // Decide Contagem's records (its results and assemblies' meetings are Nodes only imported records have).
  await applyDecidimSnapshot(orms.participation.em.fork() as EntityManager, contagemSnapshot(), { auditSchema: system.subgraphs.participation.database.auditSchema });
  // No seed records a council election: STAFF records a candidacy, as the city would.
  const staff = await mintToken({ sub: "staff-relay", roles: ["STAFF"] });
  const process = await gql(system.gatewayUrl, `mutation($input: CreateProcessInput!) { createProcess(input: $input) { process { id } } }`, {
    input: { kind: "COUNCIL_ELECTION", title: "Eleição de teste dos conselhos regionais", description: "Processo de teste." },
  }, { token: staff });
  const candidacy = await gql(system.gatewayUrl, `mutation($input: RecordCandidacyInput!) { recordCandidacy(input: $input) { candidacy { id } } }`, {
    input: { processId: process.data.createProcess.process.id, displayName: "Candidatura de Teste" },
  }, { token: staff });
  expect(candidacy.errors).toBeUndefined();
  // Nor a document: the agenda of a meeting, uploaded and attached by an ADMIN.
  const admin = await adminToken();
  const { body: pdf } = await upload(system.gatewayUrl, await makePdf(["Pauta da reunião"]), admin);
  const meeting = await gql(system.gatewayUrl, `{ meetings(first: 1) { edges { node { id } } } }`);
  const attached = await gql(system.gatewayUrl, `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { document { id } } }`, {
    i: { meetingId: meeting.data.meetings.edges[0].node.id, sha256: pdf.sha256, kind: "AGENDA", title: "Pauta", filename: "pauta.pdf" },
  }, { token: admin });
  expect(attached.errors).toBeUndefined();
  // Nor a council's legal composition: one line of it, as an ADMIN would have it recorded.
  await orms.councils.em.fork().execute(`insert into "${system.subgraphs.councils.database.schema}".seat_rule (council_id, sector, segment, titulares, suplentes) values (20, 'GOVERNMENT', 'Secretaria de teste', 2, 2)`);
  schema = await introspect(system.gatewayUrl);
  const options = { skip: ["node", "nodes", "_entities", "_service"], values: { id: ["1"] } };
  for (const request of rootQueries(schema, { ...options, depth: 3 })) collect((await gql(system.gatewayUrl, request.query)).data);
  // Then from each record met, its neighbours, until no new type turns up (a seat's person lies deep below `councils`).
  for (const visited = new Set<string>(); found.size > visited.size; ) {
    for (const type of [...found.keys()]) {
      if (visited.has(type)) continue;
      visited.add(type);
      const inner = selection(schema.getType(type)!, options, 3, ["Query"]);
      const some = [...ids.get(type)!].slice(0, 50);
      collect((await gql(system.gatewayUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${type} ${inner} } }`, { ids: some })).data);
    }
  }
}, 300_000);
afterAll(() => system.stop());

describe("global object identification", () => {
  it("makes every public record type a Node, and only those (the shared table is the schema's)", () => {
    expect(nodeTypes().map((t) => t.name).sort()).toEqual(Object.keys(NODE_TYPES).sort());
    for (const type of nodeTypes()) expect({ type: type.name, databaseId: String(type.getFields().databaseId?.type) }).toEqual({ type: type.name, databaseId: "Int!" });
  });

  it("fetches one record of every Node type by node(id:), with the fields the graph gave it elsewhere", async () => {
    expect([...found.keys()].sort()).toEqual(Object.keys(NODE_TYPES).sort());
    for (const type of nodeTypes()) {
      const record = found.get(type.name)!;
      const expected = leavesOf(type, record);
      const query = `query($id: ID!) { node(id: $id) { __typename id ... on ${type.name} { ${Object.keys(expected).join(" ")} } } }`;
      const res = await gql(system.gatewayUrl, query, { id: record.id });
      expect({ type: type.name, errors: res.errors, node: res.data?.node }).toEqual({ type: type.name, errors: undefined, node: { __typename: type.name, id: record.id, ...expected } });
      // The id names the type and the integer the record had: `databaseId`.
      expect(decodeGlobalId(record.id as string)).toEqual({ type: type.name, id: String(record.databaseId) });
    }
  }, 120_000);

  it("answers the README's example", async () => {
    const res = await gql(system.gatewayUrl, `{
      node(id: "Q291bmNpbDoyMA==") { __typename id ... on Council { databaseId acronym name } }
      nodes(ids: ["Q291bmNpbDoyMA==", "TWVldGluZzo5OTk5OQ=="]) { __typename id }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      node: { __typename: "Council", id: "Q291bmNpbDoyMA==", databaseId: 20, acronym: "COMPUR", name: "Conselho Municipal de Política Urbana" },
      nodes: [{ __typename: "Council", id: "Q291bmNpbDoyMA==" }, null],
    });
  });

  it("carries the same global id across subgraphs: a meeting's council is the council", async () => {
    const res = await gql(system.gatewayUrl, `{ meetings(first: 1) { edges { node { council { id databaseId } } } } }`);
    const { id, databaseId } = res.data.meetings.edges[0].node.council;
    expect(id).toBe(globalId("Council", databaseId));
    const council = await gql(system.gatewayUrl, `query($id: ID) { council(id: $id) { id } }`, { id: String(databaseId) });
    expect(council.data.council.id).toBe(id);
  });

  it("answers nodes(ids:) in order, null for unknown records, with no query per id", async () => {
    const sample = nodeTypes().map((t) => found.get(t.name)!.id as string);
    const unknown = globalId("Meeting", 987654321);
    const res = await gql(system.gatewayUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [...sample, unknown] });
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes).toEqual([...nodeTypes().map((t, i) => ({ __typename: t.name, id: sample[i] })), null]);

    const statements = async (idList: string[]) => {
      const counters = Object.values(system.subgraphs).map((s) => s.sql);
      counters.forEach((c) => c.reset());
      const answer = await gql(system.gatewayUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Council { acronym } ... on Meeting { sequenceLabel } ... on Proposal { title } } }`, { ids: idList });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.nodes.every((n: unknown) => n !== null)).toBe(true);
      return counters.reduce((sum, c) => sum + c.count, 0);
    };
    const pick = (type: string, n: number) => [...ids.get(type)!].slice(0, n);
    expect(ids.get("Council")!.size).toBeGreaterThanOrEqual(30);
    expect(ids.get("Meeting")!.size).toBeGreaterThanOrEqual(30);
    expect(ids.get("Proposal")!.size).toBeGreaterThanOrEqual(30);
    const few = await statements([...pick("Council", 3), ...pick("Meeting", 3), ...pick("Proposal", 3)]);
    const many = await statements([...pick("Council", 30), ...pick("Meeting", 30), ...pick("Proposal", 30)]);
    expect({ few, many }).toEqual({ few, many: few });
  });

  it("answers null for an unknown or hidden record, BAD_USER_INPUT for a malformed id", async () => {
    const res = await gql(system.gatewayUrl, `query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, {
      a: globalId("Council", 987654321),
      b: globalId("Resolution", 987654321),
    });
    expect(res).toMatchObject({ data: { a: null, b: null } });
    expect(res.errors).toBeUndefined();
    // A contribution awaiting moderation or hidden is null to the public, and found by STAFF (who moderate).
    const [row] = await system.subgraphs.participation.orm.em
      .fork()
      .execute<{ id: number }[]>(`select id from "${system.subgraphs.participation.database.schema}".contribution where status <> 'PUBLISHED' limit 1`);
    const hidden = globalId("Contribution", row.id);
    const query = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await gql(system.gatewayUrl, query, { id: hidden })).data).toEqual({ node: null });
    const staff = await mintToken({ sub: "staff-relay", roles: ["STAFF"] });
    expect((await gql(system.gatewayUrl, query, { id: hidden }, { token: staff })).data).toEqual({ node: { id: hidden } });
    const tooMany = await gql(system.gatewayUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, (_, i) => globalId("Council", i + 1)) });
    expect(refusalsOf(tooMany)).toEqual([{ code: "BAD_USER_INPUT", field: "ids" }]);
    for (const bad of ["20", "not-an-id", Buffer.from("Council:abc").toString("base64"), Buffer.from("Participant:1").toString("base64"), "Q291bmNpbDoyMA"]) {
      const answer = await gql(system.gatewayUrl, `query($id: ID!) { node(id: $id) { id } }`, { id: bad });
      expect({ bad, data: answer.data, refusals: refusalsOf(answer) }).toEqual({ bad, data: { node: null }, refusals: [{ code: "BAD_USER_INPUT", field: "id" }] });
    }
  });

  it("takes a global id of its type, or a plain id, in every root field that takes a record's id; another type's id is BAD_USER_INPUT", async () => {
    const byId = Object.values(schema.getQueryType()!.getFields()).filter(
      (f) => f.args.some((a) => a.name === "id") && Object.hasOwn(NODE_TYPES, getNamedType(f.type).name),
    );
    expect(byId.map((f) => f.name).sort()).toEqual(expect.arrayContaining(["council", "intervention", "meeting", "minutes", "process", "proposal", "resolution", "territory"]));
    for (const field of byId) {
      const type = getNamedType(field.type).name;
      const record = found.get(type)!;
      const query = `query($id: ID!) { ${field.name}(id: $id) { id } }`;
      const global = await gql(system.gatewayUrl, query, { id: record.id });
      const plain = await gql(system.gatewayUrl, query, { id: String(record.databaseId) });
      expect({ field: field.name, global: global.data, plain: plain.data }).toEqual({ field: field.name, global: { [field.name]: { id: record.id } }, plain: { [field.name]: { id: record.id } } });
      const other = found.get(type === "Meeting" ? "Council" : "Meeting")!.id;
      const wrong = await gql(system.gatewayUrl, query, { id: other });
      expect({ field: field.name, refusals: refusalsOf(wrong) }).toEqual({ field: field.name, refusals: [{ code: "BAD_USER_INPUT", field: "id" }] });
    }
  });

  it("takes global ids in filters and inputs, naming the field when one is of the wrong type", async () => {
    const compur = globalId("Council", 20);
    const byGlobal = await gql(system.gatewayUrl, `query($c: ID) { meetings(first: 50, filter: { councilId: $c }) { totalCount } }`, { c: compur });
    const byPlain = await gql(system.gatewayUrl, `query($c: ID) { meetings(first: 50, filter: { councilId: $c }) { totalCount } }`, { c: "20" });
    expect(byGlobal.data.meetings.totalCount).toBe(byPlain.data.meetings.totalCount);
    const meeting = found.get("Meeting")!.id;
    const filter = await gql(system.gatewayUrl, `query($c: ID) { meetings(first: 5, filter: { councilId: $c }) { totalCount } }`, { c: meeting });
    expect(refusalsOf(filter)).toEqual([{ code: "BAD_USER_INPUT", field: "filter.councilId" }]);
    const admin = await adminToken();
    const write = await gql(system.gatewayUrl, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } } }`, {
      input: { councilId: meeting, type: "ORDINARY", modality: "IN_PERSON", startsAt: "2031-01-01T10:00:00-03:00", place: "Casa dos Conselhos" },
    }, { token: admin });
    expect(refusalsOf(write)).toEqual([{ code: "BAD_USER_INPUT", field: "councilId" }]);
    expect(codesOf(write)).not.toContain("INTERNAL_SERVER_ERROR");
  });
});
