import { councils } from "@contagem/councils";
import { codesOf, gql, PAGE_VARIABLES, startSystem, walkBothWays, type PageVariables, type RunningSystem } from "@contagem/testkit";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "../definition";
import { Migration20261129130000_refold_decomposed_minutes } from "../migrations/Migration20261129130000_refold_decomposed_minutes";
import { foldWord } from "./fold";
import { CouncilWorld } from "../meetings.fixtures";

let system: RunningSystem;
let compur: CouncilWorld;
let cmsc: CouncilWorld;
const docs: Record<string, string> = {};
const DECOMPOSED = "Votação da requalificação das calçadas e da iluminação pública 🚶‍♀️🇧🇷.".normalize("NFD");

beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  compur = await new CouncilWorld(system.gatewayUrl, "compur").setup();
  cmsc = await new CouncilWorld(system.gatewayUrl, "cmsc").setup();
  const publish = async (world: CouncilWorld, key: string, body: string) => {
    docs[key] = (await world.publishedMinutes(body)).id;
  };
  await publish(compur, "reunioes", "As reuniões extraordinárias do conselho foram convocadas para discutir o Plano Diretor.");
  await publish(compur, "resolucao", "O conselho aprovou a Resolução sobre o zoneamento e as resoluções anteriores foram revogadas. Resolução publicada.");
  await publish(compur, "pracas", "Debate sobre a manutenção das praças e parques da Regional Eldorado.");
  await publish(cmsc, "saude", "Na reunião ordinária o Conselho de Saúde discutiu a atenção básica.");
  // Typed in decomposed form (NFD): "ç" as "c" + U+0327, "ã" as "a" + U+0303.
  await publish(cmsc, "decomposed", DECOMPOSED);
  // A draft mentioning the same words must never be found.
  const held = await compur.heldMeeting();
  await compur.draft(held.id, "Rascunho: reunião secreta sobre resolução sigilosa.");
});
afterAll(() => system.stop());

const search = async (query: string, extra = "") => {
  const res = await gql(system.gatewayUrl, `query($q: String!) { searchMinutes(query: $q${extra}) { totalCount edges { cursor node { rank excerpt minutes { id label status council { acronym } } } } } }`, { q: query });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.searchMinutes;
};
const ids = (result: any) => result.edges.map((e: any) => e.node.minutes.id).sort();

describe("searchMinutes", () => {
  it('finds plurals and singulars alike: "reunião" finds "reuniões"', async () => {
    const result = await search("reunião");
    expect(ids(result)).toEqual([docs.reunioes, docs.saude].sort());
    expect(result.edges.every((e: any) => e.node.minutes.status === "PUBLISHED")).toBe(true);
  });

  it('ignores accents: "resolucao" finds "resolução", "pracas" finds "praças"', async () => {
    expect(ids(await search("resolucao"))).toEqual([docs.resolucao]);
    expect(ids(await search("pracas"))).toEqual([docs.pracas]);
    expect(ids(await search("PRAÇA"))).toEqual([docs.pracas]);
  });

  it("highlights the matched words of the published text in the excerpt", async () => {
    const [hit] = (await search("resolucao")).edges;
    expect(hit.node.excerpt).toContain("**Resolução**");
    expect(hit.node.excerpt).toContain("**resoluções**");
    expect(hit.node.minutes.council.acronym).toBe("COMPUR");
  });

  it("finds minutes typed in decomposed form, highlights whole words, and keeps the published text byte for byte", async () => {
    const result = await gql(system.gatewayUrl, `{ searchMinutes(query: "calcadas iluminação") { edges { node { excerpt minutes { id currentVersion { body sha256 } } } } } }`);
    expect(result.errors).toBeUndefined();
    const [hit] = result.data.searchMinutes.edges;
    expect(hit.node.minutes.id).toBe(docs.decomposed);
    expect(hit.node.excerpt).toContain(`**${"calçadas".normalize("NFD")}**`);
    expect(hit.node.excerpt).toContain(`**${"iluminação".normalize("NFD")}**`);
    expect(hit.node.excerpt).not.toMatch(/\*\*\p{M}/u);
    expect(hit.node.minutes.currentVersion.body).toBe(DECOMPOSED);
    expect(hit.node.minutes.currentVersion.sha256).toBe(createHash("sha256").update(DECOMPOSED, "utf8").digest("hex"));
  });

  it("finds decomposed minutes indexed before words kept their accents, once the migration folds them again", async () => {
    const orm = system.subgraphs.meetings.orm;
    const s = `"${orm.config.get("schema")}"`;
    // The index as the old folding left it: "Votac" + U+0327 + "a" + U+0303 + "o" as three words.
    const stale = DECOMPOSED.replace(/[\p{L}\p{N}]+/gu, (word) => foldWord(word));
    await orm.em.getConnection().execute(`update ${s}.minutes set search_document = ?, search_vector = to_tsvector('portuguese', ?) where id = ?`, [stale, stale, Number(docs.decomposed)]);
    expect(ids(await search("calcadas"))).toEqual([]);
    await new Migration20261129130000_refold_decomposed_minutes(orm.em.getDriver(), orm.config).up();
    expect(ids(await search("calcadas"))).toEqual([docs.decomposed]);
  });

  it("ranks documents with more matches first", async () => {
    const result = await search("conselho resolução");
    expect(result.edges[0].node.minutes.id).toBe(docs.resolucao);
    const ranks = result.edges.map((e: any) => e.node.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("filters by council and pages with cursors", async () => {
    const cmscId = cmsc.councilId;
    expect(ids(await search("reunião", `, councilId: "${cmscId}"`))).toEqual([docs.saude]);
    const first = await gql(system.gatewayUrl, `{ searchMinutes(query: "conselho", first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { minutes { id } } } } }`);
    const page1 = first.data.searchMinutes;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(system.gatewayUrl, `query($a: String) { searchMinutes(query: "conselho", first: 5, after: $a) { edges { node { minutes { id } } } } }`, { a: page1.pageInfo.endCursor });
    const rest = second.data.searchMinutes.edges.map((e: any) => e.node.minutes.id);
    expect(rest).not.toContain(page1.edges[0].node.minutes.id);
    expect(rest.length + 1).toBe(page1.totalCount);
  });

  it.each(["conselho", "conselhu"])('pages "%s" whole forward and whole backward to the same hits (full text, then similar words)', async (query) => {
    const fetch = async (page: PageVariables) => {
      const res = await gql(system.gatewayUrl, `query($q: String!, ${PAGE_VARIABLES}) { searchMinutes(query: $q, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { minutes { id } } } } }`, { q: query, ...page });
      return res.errors ? null : res.data.searchMinutes;
    };
    const all = await fetch({ first: 100 });
    expect(all.edges.length).toBeGreaterThanOrEqual(3);
    expect(all.totalCount).toBe(all.edges.length);
    expect(await walkBothWays(fetch, all.totalCount)).toEqual([]);
    // `before` alone: the hits just before it, in rank order.
    const before = await fetch({ before: all.edges[2].cursor });
    expect(before.edges).toEqual(all.edges.slice(0, 2));
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it("never finds drafts, and tolerates a misspelt word", async () => {
    expect(ids(await search("sigilosa"))).toEqual([]);
    expect(ids(await search("zonemento"))).toEqual([docs.resolucao]);
  });

  it("refuses a query that is too short with BAD_USER_INPUT", async () => {
    const res = await gql(system.gatewayUrl, `{ searchMinutes(query: "a") { totalCount } }`);
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
  });
});
