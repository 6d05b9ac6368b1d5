import { adminToken, gql, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "./definition";

/** An N+1 query pattern is a defect: statement counts must not grow with the number of items returned. */
let subgraph: RunningSubgraph;
let ids: string[];
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  const admin = await adminToken();
  const run = async (query: string, input: Record<string, unknown>) => {
    const res = await gql(subgraph.url, query, { input }, { token: admin });
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const region = await gql(subgraph.url, `{ territory(code: "SEDE") { id } }`);
  const act = await gql(subgraph.url, `{ council(slug: "compur") { legalBasis { id } } }`);
  // 35 synthetic councils that reach every nested path (territory, legal basis, term, seat, mandate, person), and
  // sort before the seeded ones, so that pages of 5 and of 50 both exercise every loader.
  for (let i = 0; i < 35; i++) {
    const { createCouncil } = await run(
      `mutation($input: CreateCouncilInput!) { createCouncil(input: $input) { council { id } } }`,
      {
        name: `Comissão Sintética de Teste ${String(i).padStart(2, "0")}`,
        kind: "COMMISSION",
        territoryId: region.data.territory.id,
        legalBasisId: act.data.council.legalBasis.id,
      },
    );
    const { openTerm } = await run(
      `mutation($input: OpenTermInput!) { openTerm(input: $input) { term { seats { id } } } }`,
      { councilId: createCouncil.council.id, startsOn: "2020-01-01", endsOn: "2099-12-31", seats: [{ sector: "CIVIL_SOCIETY" }] },
    );
    await run(`mutation($input: AppointMandateInput!) { appointMandate(input: $input) { mandate { id } } }`, {
      seatId: openTerm.term.seats[0].id,
      personName: `Pessoa Sintética ${i}`,
      role: "FULL_MEMBER",
      startsOn: "2020-01-01",
    });
  }
  const all = await gql(subgraph.url, `{ councils(first: 100) { edges { node { id } } } }`);
  ids = all.data.councils.edges.map((e: any) => e.node.id);
});
afterAll(() => subgraph.stop());

const count = (query: string, variables?: Record<string, unknown>) =>
  subgraph.sql.during(async () => {
    const res = await gql(subgraph.url, query, variables);
    expect(res.errors).toBeUndefined();
  });

describe("batching", () => {
  it("resolves 50 Council representations with one SQL statement", async () => {
    expect(ids.length).toBeGreaterThanOrEqual(50);
    const representations = ids.slice(0, 50).map((id) => ({ __typename: "Council", id }));
    const statements = await count(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { id slug name } } }`,
      { r: representations },
    );
    expect(statements).toBe(1);
  });

  it("resolves representations by slug and by id together in one statement per key", async () => {
    const representations = [
      ...ids.slice(0, 10).map((id) => ({ __typename: "Council", id })),
      { __typename: "Council", slug: "compur" },
      { __typename: "Council", slug: "cmsc" },
    ];
    const statements = await count(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { id } } }`,
      { r: representations },
    );
    expect(statements).toBe(2);
  });

  it.each([
    ["councils with territory, legal basis, seat rules and terms", `councils(first: $n) { totalCount edges { node { territory { name parent { name } } legalBasis { citation } seatRules { sector } currentTerm { label } terms { totalCount edges { node { appointmentAct { citation } seats { organization { name } mandates { council { slug } person { displayName mandates { role } } } } } } } } } }`],
    ["territories with children and councils", `territories(first: $n, scheme: REGIONAL_ADMIN) { totalCount edges { node { parent { name } children { name } councils { slug } } } }`],
  ])("costs the same number of statements for 5 and 50 %s", async (_name, selection) => {
    const query = `query($n: Int) { ${selection} }`;
    const five = await count(query, { n: 5 });
    const fifty = await count(query, { n: 50 });
    expect(fifty).toBe(five);
  });

  it("resolves 50 Territory, Mandate and PublicPerson representations in one statement each", async () => {
    for (const typename of ["Territory", "Mandate", "PublicPerson"]) {
      const representations = Array.from({ length: 50 }, (_, i) => ({ __typename: typename, id: String(i + 1) }));
      const statements = await count(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`,
        { r: representations },
      );
      expect({ typename, statements }).toEqual({ typename, statements: 1 });
    }
  });
});
