import { adminToken, codesOf, gql, mintToken, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "../definition";

let subgraph: RunningSubgraph;
let admin: string;
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  admin = await adminToken();
});
afterAll(() => subgraph.stop());

const CREATE = `mutation($input: CreateCouncilInput!) { createCouncil(input: $input) { council { id slug acronym name kind version territory { code } rules { ordinaryNoticeDays quorumRule } } } }`;
const UPDATE = `mutation($input: UpdateCouncilInput!) { updateCouncil(input: $input) { council { id name version rules { ordinaryNoticeDays quorumRule } } } }`;

const create = (input: Record<string, unknown>, token: string | null = admin) =>
  gql(subgraph.url, CREATE, { input }, { token: token ?? undefined });

describe("createCouncil / updateCouncil", () => {
  it("lets an ADMIN create a council with its rules; the slug comes from the acronym", async () => {
    const res = await create({
      acronym: "CME",
      name: "Conselho Municipal de Educação",
      kind: "POLICY",
      policyArea: "EDUCATION",
      rules: { ordinaryNoticeDays: 5, quorumRule: "ABSOLUTE_MAJORITY" },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createCouncil.council).toMatchObject({
      slug: "cme",
      acronym: "CME",
      kind: "POLICY",
      version: 1,
      territory: null,
      rules: { ordinaryNoticeDays: 5, quorumRule: "ABSOLUTE_MAJORITY" },
    });
    const read = await gql(subgraph.url, `{ council(slug: "cme") { name rules { ordinaryNoticeDays } } }`);
    expect(read.data.council).toEqual({ name: "Conselho Municipal de Educação", rules: { ordinaryNoticeDays: 5 } });
  });

  it("refuses anonymous callers with UNAUTHENTICATED and other roles with FORBIDDEN, writing nothing", async () => {
    const input = { name: "Conselho Municipal de Esportes", kind: "POLICY" };
    expect(codesOf(await create(input, null))).toEqual(["UNAUTHENTICATED"]);
    for (const roles of [["CITIZEN"], ["STAFF"], ["SECRETARY"]] as const) {
      const token = await mintToken({ roles: [...roles], councils: ["compur"] });
      expect(codesOf(await create(input, token))).toEqual(["FORBIDDEN"]);
    }
    const read = await gql(subgraph.url, `{ councils(filter: { search: "esportes" }) { totalCount } }`);
    expect(read.data.councils.totalCount).toBe(0);
  });

  it("names the offending field on bad input", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "x", kind: "POLICY" }, "name"],
      [{ name: "Conselho Bom", kind: "POLICY", slug: "Not A Slug" }, "slug"],
      [{ name: "Conselho Bom", kind: "POLICY", slug: "compur" }, "slug"],
      [{ name: "Conselho Bom", kind: "POLICY", policyArea: "health" }, "policyArea"],
      [{ name: "Conselho Bom", kind: "POLICY", rules: { termLengthYears: 40 } }, "rules.termLengthYears"],
      [{ name: "Conselho Bom", kind: "REGIONAL" }, "territoryId"],
      [{ name: "Conselho Bom", kind: "POLICY", territoryId: "987654" }, "territoryId"],
    ];
    for (const [input, field] of cases) {
      const res = await create(input);
      expect({ field, codes: codesOf(res) }).toEqual({ field, codes: ["BAD_USER_INPUT"] });
      expect(res.errors![0].extensions!.field).toBe(field);
    }
    const badEnum = await create({ name: "Conselho Bom", kind: "PARLIAMENT" });
    expect(codesOf(badEnum)).toEqual(["BAD_USER_INPUT"]);
  });

  it("updates with the version read, and refuses a stale version with CONFLICT", async () => {
    const created = await create({ name: "Conselho Municipal de Cultura", kind: "POLICY" });
    const { id, version } = created.data.createCouncil.council;
    const updated = await gql(subgraph.url, UPDATE, { input: { id, expectedVersion: version, rules: { ordinaryNoticeDays: 7 } } }, { token: admin });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateCouncil.council).toMatchObject({ version: version + 1, rules: { ordinaryNoticeDays: 7, quorumRule: null } });
    const stale = await gql(subgraph.url, UPDATE, { input: { id, expectedVersion: version, name: "Outro nome" } }, { token: admin });
    expect(codesOf(stale)).toEqual(["CONFLICT"]);
    const read = await gql(subgraph.url, `query($id: ID) { council(id: $id) { name version } }`, { id });
    expect(read.data.council).toEqual({ name: "Conselho Municipal de Cultura", version: version + 1 });
  });

  it("answers NOT_FOUND for an update of a council that does not exist", async () => {
    const res = await gql(subgraph.url, UPDATE, { input: { id: "424242", expectedVersion: 1, name: "Qualquer" } }, { token: admin });
    expect(codesOf(res)).toEqual(["NOT_FOUND"]);
  });
});
