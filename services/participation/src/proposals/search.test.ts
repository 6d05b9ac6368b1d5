import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { databaseIdOf, encodeCursor, intKey, MAX_SEARCH_DEPTH } from "@contagem/schema";
import { codesOf, gql, PAGE_VARIABLES, startSystem, walkBothWays, type PageVariables, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { call, citizen, openVote } from "../participation.fixtures";
import { ProposalEntity } from "./proposal.entity";

let system: RunningSystem;
let author: string;
let processId: string;
let otherProcessId: string;
const ids: Record<string, string> = {};
const AUTHOR = { fullName: "Zuleica Sentinela Quaresma", email: "zuleica.sentinela@example.org", birthDate: "1970-03-03" };

async function submit(key: string, process: string, title: string, body: string) {
  const { submitProposal } = await call(system.gatewayUrl, `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id version } } }`, {
    i: { processId: process, title, body },
  }, author);
  ids[key] = submitProposal.proposal.id;
  return submitProposal.proposal;
}

beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  author = await citizen(system.gatewayUrl, "autora-busca", AUTHOR);
  processId = (await openVote(system.gatewayUrl, 0)).processId;
  otherProcessId = (await openVote(system.gatewayUrl, 0)).processId;
  await submit("pracas", processId, "Iluminação das praças do bairro", "Trocar as luminárias das praças e reformar os bancos.");
  await submit("quadra", processId, "Reforma da quadra de esportes", "A quadra precisa de reforma e de iluminação nova.");
  await submit("avenida", processId, "Ciclovia na avenida principal", "Uma ciclovia segura para quem vai ao trabalho.");
  await submit("bairros", processId, "Ciclovia ligando os bairros", "Ligação entre os bairros vizinhos.");
  await submit("escola", otherProcessId, "Bicicletário e ciclovia na escola", "Vagas para bicicletas e iluminação na escola.");
  // Withdrawn by its author: out of the running, never found again.
  const withdrawn = await submit("retirada", processId, "Praça sigilosa retirada", "Proposta sobre praças que a autora retirou.");
  await call(system.gatewayUrl, `mutation($i: WithdrawProposalInput!) { withdrawProposal(input: $i) { proposal { id } } }`, {
    i: { proposalId: withdrawn.id, expectedVersion: withdrawn.version, reason: "Mudei de ideia" },
  }, author);
}, 180_000);
afterAll(() => system.stop());

const HIT = "cursor node { rank excerpt proposal { id title status author { displayName } process { id } } }";
async function search(query: string, extra = "") {
  const res = await gql(system.gatewayUrl, `query($q: String!) { searchProposals(query: $q${extra}) { totalCount edges { ${HIT} } } }`, { q: query });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.searchProposals;
}
const found = (result: any) => result.edges.map((e: any) => e.node.proposal.id).sort();
const of = (...keys: string[]) => keys.map((k) => ids[k]).sort();

describe("searchProposals", () => {
  it("ignores accents, case and plurals: 'praca' finds 'praças', 'ILUMINACAO' finds 'Iluminação'", async () => {
    expect(found(await search("praca"))).toEqual(of("pracas"));
    expect(found(await search("ILUMINACAO"))).toEqual(of("pracas", "quadra", "escola"));
    expect(found(await search("bancos reformados"))).toEqual(of("pracas"));
  });

  it("searches title and text, and highlights the words of the proposal in the excerpt", async () => {
    const [hit, ...rest] = (await search("luminárias")).edges;
    expect(rest).toEqual([]);
    expect(hit.node.proposal).toMatchObject({ id: ids.pracas, status: "PUBLISHED" });
    expect(hit.node.excerpt).toContain("**luminárias**");
    expect(hit.node.excerpt).toContain("Iluminação das praças");
  });

  it("never finds a withdrawn proposal", async () => {
    expect(found(await search("sigilosa"))).toEqual([]);
    expect(found(await search("retirou"))).toEqual([]);
    expect(found(await search("praças"))).not.toContain(ids.retirada);
  });

  it("never finds, nor shows, anything of the author (LGPD): name and e-mail are no search words, and no hit carries them", async () => {
    for (const q of ["Zuleica", "Sentinela Quaresma", "zuleica.sentinela@example.org"]) expect(found(await search(q))).toEqual([]);
    const all = JSON.stringify(await search("ciclovia or iluminação or praça"));
    expect(all).toContain(ids.pracas);
    for (const needle of ["Zuleica", "Sentinela", "Quaresma", "zuleica.sentinela"]) expect(all).not.toContain(needle);
  });

  it("tolerates a misspelt word when no word matches: similar words", async () => {
    const result = await search("ciclovya");
    expect(found(result)).toEqual(of("avenida", "bairros", "escola"));
    expect(result.totalCount).toBe(3);
  });

  it("filters by process", async () => {
    expect(found(await search("ciclovia", `, processId: "${processId}"`))).toEqual(of("avenida", "bairros"));
    expect(found(await search("ciclovia", `, processId: "${otherProcessId}"`))).toEqual(of("escola"));
  });

  it("follows every write of the text: a proposal whose title changes is found by its new words only", async () => {
    const em = system.subgraphs.participation.orm.em.fork();
    const proposal = await em.findOneOrFail(ProposalEntity, { id: databaseIdOf(ids.quadra) });
    proposal.title = "Reforma do ginásio poliesportivo";
    await em.flush();
    expect(found(await search("ginásio"))).toEqual(of("quadra"));
    expect(found(await search("quadra esportes"))).toEqual([]);
  });

  it.each(["ciclovia", "ciclovya"])('pages "%s" whole forward and whole backward to the same hits', async (query) => {
    const fetch = async (page: PageVariables) => {
      const res = await gql(system.gatewayUrl, `query($q: String!, ${PAGE_VARIABLES}) { searchProposals(query: $q, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { proposal { id } } } } }`, { q: query, ...page });
      return res.errors ? null : res.data.searchProposals;
    };
    const all = await fetch({ first: 100 });
    expect(all.edges.length).toBe(3);
    expect(all.totalCount).toBe(3);
    expect(await walkBothWays(fetch, all.totalCount)).toEqual([]);
    const ranks = (await search(query)).edges.map((e: any) => e.node.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("refuses bad input with BAD_USER_INPUT: a query too short or too long, a process that is no id, a cursor of another search", async () => {
    for (const q of ["a", "   ", "x".repeat(201)]) {
      expect(codesOf(await gql(system.gatewayUrl, `query($q: String!) { searchProposals(query: $q) { totalCount } }`, { q }))).toEqual(["BAD_USER_INPUT"]);
    }
    expect(codesOf(await gql(system.gatewayUrl, `{ searchProposals(query: "ciclovia", processId: "nope") { totalCount } }`))).toEqual(["BAD_USER_INPUT"]);
    const foreign = encodeCursor({ list: "minutes-search", keys: [intKey(1, MAX_SEARCH_DEPTH)] }, [1]);
    const deep = encodeCursor({ list: "proposal-search", keys: [intKey(1, 2 * MAX_SEARCH_DEPTH)] }, [MAX_SEARCH_DEPTH + 1]);
    for (const a of [foreign, deep]) {
      const res = await gql(system.gatewayUrl, `query($a: String) { searchProposals(query: "ciclovia", after: $a) { totalCount } }`, { a });
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    }
  });
});
