import { adminToken, gql, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "./definition";

/**
 * Names sort as a Portuguese reader expects, the same on PostgreSQL and on the embedded database: accents and case
 * refine the order of equal letters and never send a name to the end (bytewise order put "Ágora" after "Zona").
 */
let subgraph: RunningSubgraph;
let admin: string;
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  admin = await adminToken();
});
afterAll(() => subgraph.stop());

const collator = new Intl.Collator("pt-BR");
/** The order a reader expects: Portuguese, then the id for equal names. */
const portuguese = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || Number(a.id) - Number(b.id);

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
