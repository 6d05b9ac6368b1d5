import { adminToken, refusalsOf, gql, mintToken, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "./definition";

/**
 * Issue 10, §3 on the councils subgraph: a term's length under the council's rule (ADMIN may override it, with a
 * recorded and audited reason), the gazette publication of legal acts, and the territories of the other grids.
 */
let subgraph: RunningSubgraph;
let admin: string;
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  admin = await adminToken();
});
afterAll(() => subgraph.stop());

const as = (token: string, query: string, input: Record<string, unknown>) => gql(subgraph.url, query, { input }, { token });
const read = async (query: string, variables: Record<string, unknown> = {}) => (await gql(subgraph.url, query, variables, { token: admin })).data;

describe("a term's length", () => {
  const OPEN = `mutation($input: OpenTermInput!) { openTerm(input: $input) { term { id startsOn endsOn lengthOverrideReason } } }`;
  let councilId: string;
  let secretary: string;
  beforeAll(async () => {
    const { council } = await read(`{ council(slug: "comic") { id rules { termLengthYears } } }`);
    expect(council.rules.termLengthYears).toBe(2);
    councilId = council.id;
    secretary = await mintToken({ sub: "secretaria-comic", roles: ["SECRETARY"], councils: ["comic"] });
  });
  const term = (startsOn: string, endsOn: string, extra: object = {}) => ({ councilId, startsOn, endsOn, seats: [{ sector: "GOVERNMENT" }], ...extra });

  it("respects the council's rule: 2030-2039 under a 2-year rule is BAD_USER_INPUT on endsOn (was accepted)", async () => {
    const res = await as(secretary, OPEN, term("2030-01-01", "2039-12-31"));
    expect(refusalsOf(res)).toEqual([{ code: "BAD_USER_INPUT", field: "endsOn" }]);
    expect(res.errors![0].extensions).toMatchObject({ termLengthYears: 2, latestEndsOn: "2032-01-01" });
    const ok = await as(secretary, OPEN, term("2030-01-01", "2031-12-31"));
    expect(ok.data.openTerm.term).toMatchObject({ endsOn: "2031-12-31", lengthOverrideReason: null });
  });

  it("is overridden by ADMIN only, with a reason recorded on the term and audited", async () => {
    const override = { termLengthOverrideReason: "Mandato prorrogado pela Lei 9.999/2033" };
    expect(refusalsOf(await as(secretary, OPEN, term("2034-01-01", "2037-12-31", override)))).toEqual([{ code: "FORBIDDEN", field: undefined }]);
    expect(refusalsOf(await as(admin, OPEN, term("2034-01-01", "2037-12-31", { termLengthOverrideReason: " " })))).toEqual([
      { code: "BAD_USER_INPUT", field: "termLengthOverrideReason" },
    ]);
    const ok = await as(admin, OPEN, term("2034-01-01", "2037-12-31", override));
    expect(ok.data.openTerm.term).toMatchObject({ endsOn: "2037-12-31", lengthOverrideReason: override.termLengthOverrideReason });
    const trail = await read(`query($id: ID) { auditTrail(filter: { entityType: "Term", entityId: $id }) { edges { node { action actor afterHash } } } }`, {
      id: ok.data.openTerm.term.id,
    });
    expect(trail.auditTrail.edges).toHaveLength(1);
    expect(trail.auditTrail.edges[0].node).toMatchObject({ action: "term.open" });
  });
});

describe("a legal act's gazette publication", () => {
  const RECORD = `mutation($input: RecordLegalActPublicationInput!) { recordLegalActPublication(input: $input) { legalAct { citation gazetteEdition gazettePages gazetteDate version } } }`;
  const act = async () => (await read(`{ council(slug: "conselho-regional-sede") { legalBasis { id version } } }`)).council.legalBasis;

  it("is recorded by ADMIN: edition, pages and date", async () => {
    const { id, version } = await act();
    const res = await as(admin, RECORD, { legalActId: id, expectedVersion: version, gazetteEdition: 5102, gazettePages: "3-4", gazetteDate: "2021-07-13" });
    expect(res.data.recordLegalActPublication.legalAct).toEqual({
      citation: "Decreto 230/2021", gazetteEdition: 5102, gazettePages: "3-4", gazetteDate: "2021-07-13", version: version + 1,
    });
    expect(refusalsOf(await as(admin, RECORD, { legalActId: id, expectedVersion: version, gazetteEdition: 5103, gazetteDate: "2021-07-14" }))).toEqual([
      { code: "CONFLICT", field: undefined },
    ]);
  });

  it("names the bad field", async () => {
    const { id, version } = await act();
    const base = { legalActId: id, expectedVersion: version, gazetteEdition: 5102, gazetteDate: "2021-07-13" };
    const cases: [object, string][] = [
      [{ gazetteEdition: 0 }, "gazetteEdition"],
      [{ gazettePages: "16-14" }, "gazettePages"],
      [{ gazettePages: "catorze" }, "gazettePages"],
    ];
    for (const [change, field] of cases) expect(refusalsOf(await as(admin, RECORD, { ...base, ...change }))).toEqual([{ code: "BAD_USER_INPUT", field }]);
    expect(refusalsOf(await as(admin, RECORD, { ...base, legalActId: "999999" }))).toEqual([{ code: "NOT_FOUND", field: undefined }]);
  });
});

describe("territories of the other grids", () => {
  const CREATE = `mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { territory { id code name scheme version parent { code } } } }`;
  const UPDATE = `mutation($input: UpdateTerritoryInput!) { updateTerritory(input: $input) { territory { id name version parent { code } } } }`;
  const territory = async (code: string, scheme = "REGIONAL_ADMIN") => (await read(`query($c: String, $s: TerritoryScheme) { territory(code: $c, scheme: $s) { id version } }`, { c: code, s: scheme })).territory;

  it("are created by ADMIN in a compatible parent grid, never in the grids fixed by law", async () => {
    const sede = await territory("SEDE");
    const city = (await read(`{ territories(scheme: MUNICIPALITY) { edges { node { id } } } }`)).territories.edges[0].node;
    const micro = await as(admin, CREATE, { scheme: "ELECTORAL_MICROREGION", code: "MR_SEDE_01", name: "Microrregião Sede 1", parentId: sede.id });
    expect(micro.data.createTerritory.territory).toMatchObject({ scheme: "ELECTORAL_MICROREGION", code: "MR_SEDE_01", parent: { code: "SEDE" } });
    const microId = micro.data.createTerritory.territory.id;
    const bairro = await as(admin, CREATE, { scheme: "NEIGHBORHOOD", code: "BAIRRO_CENTRO", name: "Centro", parentId: microId, population: 4200, populationSource: "IBGE census 2022", areaKm2: 1.25 });
    expect(bairro.data.createTerritory.territory).toMatchObject({ scheme: "NEIGHBORHOOD", parent: { code: "MR_SEDE_01" } });
    // The deprecated British spelling is still accepted until its removal date, and answered in the current name.
    const old = await as(admin, CREATE, { scheme: "NEIGHBOURHOOD", code: "BAIRRO_ANTIGO", name: "Antigo", parentId: microId });
    expect(old.data.createTerritory.territory).toMatchObject({ scheme: "NEIGHBORHOOD", code: "BAIRRO_ANTIGO" });
    const cases: [Record<string, unknown>, string][] = [
      [{ scheme: "REGIONAL_ADMIN", code: "NOVA", name: "Nova Regional", parentId: city.id }, "scheme"],
      [{ scheme: "MUNICIPALITY", code: "OUTRA", name: "Outra Cidade" }, "scheme"],
      [{ scheme: "HEALTH_DISTRICT", code: "DS_1", name: "Distrito 1", parentId: sede.id }, "parentId"],
      [{ scheme: "ELECTORAL_MICROREGION", code: "MR_X", name: "Microrregião X", parentId: microId }, "parentId"],
      [{ scheme: "NEIGHBORHOOD", code: "BAIRRO_X", name: "Bairro X", parentId: "999999" }, "parentId"],
      [{ scheme: "ELECTORAL_MICROREGION", code: "MR_SEDE_01", name: "Repetida", parentId: sede.id }, "code"],
      [{ scheme: "NEIGHBORHOOD", code: "bairro minúsculo", name: "Bairro" }, "code"],
      [{ scheme: "NEIGHBORHOOD", code: "BAIRRO_Y", name: "Bairro Y", areaKm2: -1 }, "areaKm2"],
    ];
    for (const [input, field] of cases) expect({ input, refusal: refusalsOf(await as(admin, CREATE, input)) }).toEqual({ input, refusal: [{ code: "BAD_USER_INPUT", field }] });
    expect(refusalsOf(await as(admin, CREATE, { scheme: "HEALTH_DISTRICT", code: "DS_1", name: "Distrito Sanitário 1", parentId: city.id }))).toBeUndefined();
  });

  it("are updated by ADMIN, moving only to a compatible parent: no territory lies in itself or its own descendants", async () => {
    const eldorado = await territory("ELDORADO");
    const micro = (await as(admin, CREATE, { scheme: "ELECTORAL_MICROREGION", code: "MR_ELDORADO_01", name: "Microrregião Eldorado 1", parentId: eldorado.id })).data.createTerritory.territory;
    const bairro = (await as(admin, CREATE, { scheme: "NEIGHBORHOOD", code: "BAIRRO_ELDORADO", name: "Eldorado", parentId: micro.id })).data.createTerritory.territory;
    const update = (id: string, version: number, change: object) => as(admin, UPDATE, { id, expectedVersion: version, ...change });
    expect(refusalsOf(await update(micro.id, micro.version, { parentId: micro.id }))).toEqual([{ code: "BAD_USER_INPUT", field: "parentId" }]);
    expect(refusalsOf(await update(micro.id, micro.version, { parentId: bairro.id }))).toEqual([{ code: "BAD_USER_INPUT", field: "parentId" }]);
    expect(refusalsOf(await update(eldorado.id, eldorado.version, { name: "Outro Nome" }))).toEqual([{ code: "BAD_USER_INPUT", field: "id" }]);
    const moved = await update(bairro.id, bairro.version, { parentId: eldorado.id, name: "Eldorado Centro" });
    expect(moved.data.updateTerritory.territory).toMatchObject({ name: "Eldorado Centro", parent: { code: "ELDORADO" }, version: bairro.version + 1 });
    expect(refusalsOf(await update(bairro.id, bairro.version, { name: "Versão velha" }))).toEqual([{ code: "CONFLICT", field: undefined }]);
    const children = await read(`query($id: ID) { territory(id: $id) { children { code } } }`, { id: eldorado.id });
    expect(children.territory.children.map((c: { code: string }) => c.code).sort()).toEqual(["BAIRRO_ELDORADO", "MR_ELDORADO_01"]);
  });
});
