import { databaseIdOf } from "@contagem/schema";
import { record } from "@contagem/record";
import { adminToken, codesOf, gql, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "../definition";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
});
afterAll(() => subgraph.stop());

const query = (q: string, variables?: Record<string, unknown>) => gql(subgraph.url, q, variables);

describe("councils query", () => {
  it("lists the 35 bodies of the public record, the 8 regional ones tied to their region", async () => {
    const res = await query(`{ councils(first: 50) { totalCount edges { node { slug acronym name kind territory { code name } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.councils.totalCount).toBe(record.councils.length);
    const nodes = res.data.councils.edges.map((e: any) => e.node);
    const regional = nodes.filter((n: any) => n.kind === "REGIONAL");
    expect(regional).toHaveLength(8);
    expect(regional.every((n: any) => n.territory && n.name.endsWith(n.territory.name))).toBe(true);
    expect(nodes.find((n: any) => n.slug === "compur")).toMatchObject({ acronym: "COMPUR", territory: null });
  });

  it("pages with opaque cursors until the end, without overlap", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await query(
        `query($after: String) { councils(first: 5, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { slug } } } }`,
        { after },
      );
      const page = res.data.councils;
      expect(page.totalCount).toBe(record.councils.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e: any) => e.node.slug));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(record.councils.length / 5));
    expect(new Set(seen).size).toBe(record.councils.length);
  });

  it("filters by kind, accent-insensitive search and territory", async () => {
    const regional = await query(`{ councils(filter: { kind: REGIONAL }) { totalCount } }`);
    expect(regional.data.councils.totalCount).toBe(8);
    const search = await query(`{ councils(filter: { search: "PETROLANDIA" }) { edges { node { name } } } }`);
    expect(search.data.councils.edges.map((e: any) => e.node.name)).toEqual(["Conselho Regional Petrolândia"]);
    const words = await query(`{ councils(filter: { search: "saude contagem" }) { edges { node { acronym } } } }`);
    expect(words.data.councils.edges.map((e: any) => e.node.acronym)).toEqual(["CMSC"]);
    const territory = await query(`{ territory(code: "RIACHO") { id } }`);
    const byTerritory = await query(`query($t: ID) { councils(filter: { territoryId: $t }) { edges { node { name } } } }`, {
      t: territory.data.territory.id,
    });
    expect(byTerritory.data.councils.edges.map((e: any) => e.node.name)).toEqual(["Conselho Regional Riacho"]);
  });

  it("finds one council by slug or id, and null for one that does not exist", async () => {
    const bySlug = await query(`{ council(slug: "compur") { id name legalBasis { citation kind year } } }`);
    expect(bySlug.data.council).toMatchObject({
      name: "Conselho Municipal de Política Urbana",
      legalBasis: { citation: "Lei 4.179/2008", kind: "LAW", year: 2008 },
    });
    const byId = await query(`query($id: ID) { council(id: $id) { slug } }`, { id: bySlug.data.council.id });
    expect(byId.data.council.slug).toBe("compur");
    expect((await query(`{ council(slug: "nope") { id } }`)).data.council).toBeNull();
    expect((await query(`{ council(id: "999999") { id } }`)).data.council).toBeNull();
  });

  it("answers bad input with BAD_USER_INPUT naming the field, never INTERNAL_SERVER_ERROR", async () => {
    const cases: [string, string][] = [
      [`{ councils(first: 0) { totalCount } }`, "first"],
      [`{ councils(first: 101) { totalCount } }`, "first"],
      [`{ councils(after: "not-a-cursor") { totalCount } }`, "after"],
      [`{ council(id: "1", slug: "compur") { id } }`, "id"],
      [`{ council { id } }`, "id"],
      [`{ councils(filter: { territoryId: "abc" }) { totalCount } }`, "filter.territoryId"],
    ];
    for (const [q, field] of cases) {
      const res = await query(q);
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(res.errors![0].extensions!.field).toBe(field);
    }
    // A literal of the wrong type is a document that does not fit the schema.
    const invalid = await query(`{ councils(first: "x") { totalCount } }`);
    expect(codesOf(invalid)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("lists territories with their parent and councils", async () => {
    const res = await query(`{ territories(first: 20) { totalCount edges { node { code name parent { name scheme } councils { name } } } } }`);
    expect(res.data.territories.totalCount).toBe(8);
    const vargem = res.data.territories.edges.find((e: any) => e.node.code === "VARGEM_DAS_FLORES").node;
    expect(vargem).toEqual({
      code: "VARGEM_DAS_FLORES",
      name: "Vargem das Flores",
      parent: { name: "Contagem", scheme: "MUNICIPALITY" },
      councils: [{ name: "Conselho Regional Vargem das Flores" }],
    });
  });

  it("supports incremental sync with updatedSince", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await query(`query($t: DateTime) { councils(filter: { updatedSince: $t }) { totalCount } }`, { t: future });
    expect(none.data.councils.totalCount).toBe(0);
    const all = await query(`query($t: DateTime) { councils(filter: { updatedSince: $t }) { totalCount } }`, {
      t: "2000-01-01T00:00:00Z",
    });
    expect(all.data.councils.totalCount).toBe(record.councils.length);
  });
});

/**
 * Names sort as a Portuguese reader expects, the same on PostgreSQL and on the embedded database: accents and case
 * refine the order of equal letters and never send a name to the end (bytewise order put "Ágora" after "Zona").
 * Last in this file: the councils it adds would change the counts above.
 */
const collator = new Intl.Collator("pt-BR");
/** The order a reader expects: Portuguese, then the id for equal names. */
const portuguese = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || databaseIdOf(a.id) - databaseIdOf(b.id);

const NAMES = ["Ágora Cidadã", "agora jovem", "ÁGORA DAS MULHERES", "Assembleia Popular", "Zona Leste", "zeladoria", "Éden", "eco", "Órgão Gestor", "Orla", "Conselho Gêmeo", "Conselho Gêmeo"];

async function pages(first: number): Promise<{ id: string; name: string }[]> {
  const seen: { id: string; name: string }[] = [];
  let after: string | null = null;
  do {
    const res: any = await gql(subgraph.url, `query($first: Int, $after: String) { councils(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name } } } }`, { first, after });
    expect(res.errors).toBeUndefined();
    seen.push(...res.data.councils.edges.map((e: { node: { id: string; name: string } }) => e.node));
    after = res.data.councils.pageInfo.hasNextPage ? res.data.councils.pageInfo.endCursor : null;
  } while (after);
  return seen;
}

describe("names in Portuguese order", () => {
  beforeAll(async () => {
    const admin = await adminToken();
    for (const [i, name] of NAMES.entries()) {
      const res = await gql(subgraph.url, `mutation($i: CreateCouncilInput!) { createCouncil(input: $i) { council { id } } }`, {
        i: { name, slug: `ordem-${i}`, kind: "FORUM" },
      }, { token: admin });
      expect(res.errors).toBeUndefined();
    }
  });

  it("lists councils with accented and lower-case names among the others, and equal names by id", async () => {
    const all = await pages(100);
    expect(all.map((c) => c.name)).toEqual([...all].sort(portuguese).map((c) => c.name));
    const names = all.map((c) => c.name);
    expect(names.indexOf("agora jovem")).toBeLessThan(names.indexOf("Ágora Cidadã") + 3);
    expect(names.indexOf("ÁGORA DAS MULHERES")).toBeLessThan(names.indexOf("Assembleia Popular"));
    expect(names.indexOf("Assembleia Popular")).toBeLessThan(names.findIndex((n) => n.startsWith("Conselho")));
    expect(names.indexOf("Éden")).toBeLessThan(names.indexOf("Orla"));
    expect(names.at(-1)).toBe("Zona Leste");
  });

  it("pages through the same order with cursors, without a gap or a repeat, however small the pages", async () => {
    const all = await pages(100);
    for (const size of [1, 2, 5]) expect(await pages(size)).toEqual(all);
  });

  it("orders a territory's children, and the territories list, the same way", async () => {
    const s = `"${subgraph.database.schema}"`;
    const connection = subgraph.orm.em.getConnection();
    const [parent] = await connection.execute<{ id: number }[]>(
      `insert into ${s}.territory (scheme, code, name) values ('REGIONAL_ADMIN', 'ORDEM', 'Região de Ordem') returning id`,
    );
    for (const [i, name] of ["Água Branca", "Ipê", "Inconfidentes", "água funda", "Ábaco", "Zé Pereira"].entries()) {
      await connection.execute(`insert into ${s}.territory (scheme, code, name, parent_id) values ('NEIGHBOURHOOD', ?, ?, ?)`, [`ORDEM-${i}`, name, parent.id]);
    }
    const res: any = await gql(subgraph.url, `query($id: ID) { territory(id: $id) { children { name } } territories(first: 100) { edges { node { id name } } } }`, { id: String(parent.id) });
    expect(res.errors).toBeUndefined();
    expect(res.data.territory.children.map((c: { name: string }) => c.name)).toEqual(["Ábaco", "Água Branca", "água funda", "Inconfidentes", "Ipê", "Zé Pereira"]);
    const listed = res.data.territories.edges.map((e: { node: { id: string; name: string } }) => e.node);
    expect(listed).toEqual([...listed].sort(portuguese));
  });
});
