import { councils } from "@contagem/councils";
import { databaseIdOf, encodeCursor, intKey, MAX_SEARCH_DEPTH } from "@contagem/schema";
import { codesOf, gql, makePdf, PAGE_VARIABLES, startSystem, upload, walkBothWays, type PageVariables, type RunningSystem } from "@contagem/testkit";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "../definition";
import { CouncilWorld } from "../meetings.fixtures";

let system: RunningSystem;
let compur: CouncilWorld;
let cmsc: CouncilWorld;
const ids: Record<string, string> = {};
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const labels: Record<string, string> = {};

const ADOPT = `mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id version label } } }`;
const ATTACH = `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { document { id } } }`;

async function adopt(world: CouncilWorld, key: string, summary: string, body: string) {
  const meeting = await world.heldMeeting();
  const { adoptResolution } = await world.call(ADOPT, { i: { meetingId: meeting.id, summary, body } });
  ids[key] = adoptResolution.resolution.id;
  labels[key] = adoptResolution.resolution.label;
  return { ...adoptResolution.resolution, meetingId: meeting.id as string };
}

async function attachPdf(world: CouncilWorld, on: Record<string, string>, lines: string[], title: string) {
  const pdf = await makePdf(lines);
  expect((await upload(system.gatewayUrl, pdf, world.secretary)).body.searchable).toBe(true);
  const { attachDocument } = await world.call(ATTACH, { i: { ...on, sha256: sha256(pdf), kind: "RESOLUTION_TEXT", title, filename: "resolucao.pdf" } });
  return attachDocument.document.id as string;
}

beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  compur = await new CouncilWorld(system.gatewayUrl, "compur").setup();
  cmsc = await new CouncilWorld(system.gatewayUrl, "cmsc").setup();
  await adopt(compur, "pracas", "Dispõe sobre a manutenção das praças e parques da Regional Eldorado", "Art. 1º O conselho recomenda a reforma das praças.");
  const regimento = await adopt(compur, "regimento", "Aprova o regimento interno do conselho", "Art. 1º As reuniões ordinárias do conselho são mensais.");
  await adopt(cmsc, "saude", "Aprova o plano municipal de saúde", "Art. 1º Fica aprovado o plano, discutido em reunião extraordinária do conselho.");
  // The words are only in the PDF attached to it.
  await adopt(compur, "relatorio", "Aprova o relatório anual", "Art. 1º Fica aprovado o relatório.");
  ids.document = await attachPdf(compur, { resolutionId: ids.relatorio }, ["Anexo da resolução", "Regularização fundiária do bairro Nacional."], "Anexo");
  // An amendment: the amended resolution stays public record, AMENDED, and both are found.
  const { amendResolution } = await compur.call(`mutation($i: ChangeResolutionInput!) { amendResolution(input: $i) { resolution { id } } }`, {
    i: { resolutionId: regimento.id, expectedVersion: regimento.version, meetingId: regimento.meetingId, summary: "Altera o regimento interno", body: "Art. 1º As reuniões passam a ser quinzenais." },
  });
  ids.alteracao = amendResolution.resolution.id;
  // Words that resolutions never say, in minutes and in a meeting's document: searchResolutions finds neither.
  const held = await compur.heldMeeting();
  await compur.draft(held.id, "Rascunho: deliberação sigilosa sobre o zoneamento.");
  await attachPdf(compur, { meetingId: held.id }, ["Pauta da reunião", "Loteamento clandestino em apuração."], "Pauta");
}, 180_000);
afterAll(() => system.stop());

const HIT = "cursor node { rank excerpt resolution { id label status council { acronym } } document { id title } }";
async function search(query: string, extra = "") {
  const res = await gql(system.gatewayUrl, `query($q: String!) { searchResolutions(query: $q${extra}) { totalCount edges { ${HIT} } } }`, { q: query });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.searchResolutions;
}
const found = (result: any) => result.edges.map((e: any) => e.node.resolution.id).sort();
const of = (...keys: string[]) => keys.map((k) => ids[k]).sort();

describe("searchResolutions", () => {
  it("ignores accents, case and plurals: 'pracas' and 'PRAÇA' find 'praças', 'reunião' finds 'reuniões'", async () => {
    expect(found(await search("pracas"))).toEqual(of("pracas"));
    expect(found(await search("PRAÇA"))).toEqual(of("pracas"));
    expect(found(await search("reunião"))).toEqual(of("regimento", "alteracao", "saude"));
  });

  it("searches the ementa, the text and the number, and highlights the words in the excerpt", async () => {
    const [hit] = (await search("manutenção praça")).edges;
    expect(hit.node.resolution).toMatchObject({ id: ids.pracas, status: "IN_FORCE", council: { acronym: "COMPUR" } });
    expect(hit.node.excerpt).toContain("**manutenção**");
    expect(hit.node.excerpt).toContain("**praças**");
    expect(hit.node.document).toBeNull();
    const number = labels.saude.replace("Resolução ", "");
    expect(found(await search(number, `, councilId: "${cmsc.councilId}"`))).toEqual(of("saude"));
  });

  it("finds a resolution by the text of its attached PDF, naming the document and quoting it", async () => {
    const [hit, ...rest] = (await search("regularizacao fundiaria")).edges;
    expect(rest).toEqual([]);
    expect(hit.node.resolution.id).toBe(ids.relatorio);
    expect(hit.node.document).toEqual({ id: ids.document, title: "Anexo" });
    expect(hit.node.excerpt).toContain("**Regularização**");
  });

  it("finds amended resolutions too (public record), marked AMENDED, and one adopted a moment ago", async () => {
    const result = await search("regimento");
    expect(found(result)).toEqual(of("regimento", "alteracao"));
    expect(result.edges.find((e: any) => e.node.resolution.id === ids.regimento).node.resolution.status).toBe("AMENDED");
    await adopt(cmsc, "nova", "Institui a comissão de regimento", "Art. 1º Fica instituída a comissão.");
    expect(found(await search("regimento"))).toEqual(of("regimento", "alteracao", "nova"));
  });

  it("tolerates a misspelt word when no word matches: similar words", async () => {
    const result = await search("regimentu");
    expect(found(result)).toEqual(of("regimento", "alteracao", "nova"));
    expect(result.totalCount).toBe(3);
  });

  it("filters by council", async () => {
    expect(found(await search("conselho", `, councilId: "${compur.councilId}"`))).toEqual(of("pracas", "regimento"));
    expect(found(await search("conselho", `, councilId: "${cmsc.councilId}"`))).toEqual(of("saude"));
  });

  it("never finds what is not a resolution's public record: minutes, a meeting's documents, a withdrawn document", async () => {
    expect(found(await search("sigilosa"))).toEqual([]);
    expect(found(await search("loteamento clandestino"))).toEqual([]);
    // A resolution's documents are never withdrawn through the graph; were one, search would no longer reach it.
    const orm = system.subgraphs.meetings.orm;
    const s = `"${orm.config.get("schema")}"`;
    await orm.em.fork().execute(`update ${s}.document set withdrawn_at = now() where id = ?`, [databaseIdOf(ids.document)]);
    try {
      expect(found(await search("regularizacao fundiaria"))).toEqual([]);
    } finally {
      await orm.em.fork().execute(`update ${s}.document set withdrawn_at = null where id = ?`, [databaseIdOf(ids.document)]);
    }
  });

  it.each(["conselho", "regimentu"])('pages "%s" whole forward and whole backward to the same hits', async (query) => {
    const fetch = async (page: PageVariables) => {
      const res = await gql(system.gatewayUrl, `query($q: String!, ${PAGE_VARIABLES}) { searchResolutions(query: $q, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { resolution { id } } } } }`, { q: query, ...page });
      return res.errors ? null : res.data.searchResolutions;
    };
    const all = await fetch({ first: 100 });
    expect(all.edges.length).toBeGreaterThanOrEqual(3);
    expect(all.totalCount).toBe(all.edges.length);
    expect(await walkBothWays(fetch, all.totalCount)).toEqual([]);
    const ranks = (await search(query)).edges.map((e: any) => e.node.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("refuses bad input with BAD_USER_INPUT: a query too short or too long, a council that is no id, a cursor of another search", async () => {
    for (const q of ["a", "  b  ", "x".repeat(201)]) {
      expect(codesOf(await gql(system.gatewayUrl, `query($q: String!) { searchResolutions(query: $q) { totalCount } }`, { q }))).toEqual(["BAD_USER_INPUT"]);
    }
    expect(codesOf(await gql(system.gatewayUrl, `{ searchResolutions(query: "conselho", councilId: "nope") { totalCount } }`))).toEqual(["BAD_USER_INPUT"]);
    // A cursor of the minutes' search, and one deeper than the 10,000th hit.
    const foreign = encodeCursor({ list: "minutes-search", keys: [intKey(1, MAX_SEARCH_DEPTH)] }, [1]);
    const deep = encodeCursor({ list: "resolution-search", keys: [intKey(1, 2 * MAX_SEARCH_DEPTH)] }, [MAX_SEARCH_DEPTH + 1]);
    for (const a of [foreign, deep]) {
      const res = await gql(system.gatewayUrl, `query($a: String) { searchResolutions(query: "conselho", after: $a) { totalCount } }`, { a });
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    }
  });
});
