import { councils } from "@contagem/councils";
import { DecidimStandin } from "@contagem/decidim-standin";
import { meetings } from "@contagem/meetings";
import { gql, introspect, rootQueries, startSystem, type RunningSystem } from "@contagem/testkit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { staffToken } from "../participation.fixtures";
import { readDecidimSnapshot } from "./client";
import { runDecidimSync } from "./sync";

/**
 * Issue 17 end to end, in one process: the client reads the stand-in Decidim (Decidim 0.28.4's API contract, a fixture
 * shaped like Decide Contagem), the sync applies it, and the federated graph answers it — a regional council's
 * assembly meetings, a process's proposals and results, each with its source; a proposal hidden in Decidim leaves the
 * graph on the next sync; a sync with nothing new changes nothing; and a crawl of every query path of the supergraph
 * finds none of the Decidim users' names or nicknames. (`packages/stack/src/decidim.e2e.test.ts` does it through `npm start`.)
 */
let system: RunningSystem;
const standin = new DecidimStandin();
let apiUrl = "";
beforeAll(async () => {
  ({ apiUrl } = await standin.start());
  // The crawl sends queries far larger than the public limits admit: limits off.
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"), { queryLimits: false });
}, 120_000);
afterAll(async () => {
  await system?.stop();
  await standin.stop();
});

const sync = () =>
  runDecidimSync(system.subgraphs.participation.orm.em.fork() as EntityManager, () => readDecidimSnapshot({ apiUrl, maxRequestsPerSecond: Infinity }), {
    auditSchema: system.subgraphs.participation.database.auditSchema,
  });

const SOURCE = "source { system url externalId importedAt } sources { url note }";
/**
 * Imported from the stand-in (its pages are named on the host the API was read from), and citing that page as its
 * source (`sources`, as every public record does).
 */
const isDecidim = (record: { source: { system: string; url: string; externalId: string; importedAt: string }; sources: { url: string; note: string | null }[] }) =>
  JSON.stringify(record.sources) === JSON.stringify([{ url: record.source.url, note: null }]) && isDecidimSource(record.source);
const isDecidimSource = (source: { system: string; url: string; externalId: string; importedAt: string }) =>
  source.system === "DECIDIM" && source.url.startsWith(`${new URL(apiUrl).origin}/`) && /^[A-Za-z]+\/\d+$/.test(source.externalId) && !Number.isNaN(Date.parse(source.importedAt));

it("imports the stand-in: a council's assembly meetings and a process's proposals and results, each with its Decidim source", async () => {
  const first = await sync();
  expect(first.error ?? null).toBeNull();

  const council = await gql(system.gatewayUrl, `{ council(slug: "conselho-regional-nacional") { decidimAssembly { slug url ${SOURCE} meetings(first: 50) { totalCount edges { node { title startsAt agenda { title } closingReport attendeesCount ${SOURCE} } } } } } }`);
  expect(council.errors).toBeUndefined();
  const assembly = (council.data as any).council.decidimAssembly;
  expect(assembly).toMatchObject({ slug: "regional-nacional", url: "https://decidim.contagem.mg.gov.br/assemblies/regional-nacional" });
  expect(isDecidimSource(assembly.source)).toBe(true);
  const assemblyMeetings = assembly.meetings.edges.map((e: any) => e.node);
  expect(assemblyMeetings.length).toBeGreaterThan(0);
  expect(assemblyMeetings.every(isDecidim)).toBe(true);
  expect(assemblyMeetings.some((m: any) => m.closingReport && m.attendeesCount > 0 && m.agenda.length > 0)).toBe(true);

  const processes = await gql(system.gatewayUrl, `{ processes(first: 100) { edges { node { id title ${SOURCE} proposals(first: 100) { totalCount edges { node { databaseId title status officialAnswer authorsCount ${SOURCE} } } } processResults(first: 50) { totalCount edges { node { title progress ${SOURCE} } } } } } } }`);
  expect(processes.errors).toBeUndefined();
  const imported = (processes.data as any).processes.edges.map((e: any) => e.node).filter((p: any) => p.source.system === "DECIDIM");
  expect(imported.length).toBeGreaterThan(1);
  // A process the public record also states (same slug, or for the 2022 OGP vote the record's name) was taken over:
  // it keeps the record's title and sources; those matched by slug cite the same page on the real Decide Contagem.
  const adopted = imported.filter((p: any) => !isDecidim(p));
  expect(adopted.map((p: any) => p.title).sort()).toEqual([
    "Consulta Pública do Fundo Municipal de Incentivo à Cultura (FMIC) 2025", "IV Conferência Municipal de Cultura",
    "Priorização dos compromissos do Plano de Ação OGP Local 2022-2024", "Programa de Melhoria de Vilas, Favelas e Periferias",
  ]);
  for (const p of adopted) {
    expect(isDecidimSource(p.source)).toBe(true);
    expect(p.sources.length).toBeGreaterThan(0);
    const page = new URL(p.source.url).pathname;
    const citesPage = p.sources.some((s: any) => new URL(s.url).host === "decidim.contagem.mg.gov.br" && new URL(s.url).pathname.startsWith(page));
    expect([p.title, citesPage]).toEqual([p.title, !p.title.startsWith("Priorização")]);
  }
  // The OGP vote's five commitments are the record's options, taken over: five, not ten.
  expect(adopted.find((p: any) => p.title.startsWith("Priorização")).proposals.totalCount).toBe(5);
  // One process each: none of the record's processes is listed twice.
  const titles = (processes.data as any).processes.edges.map((e: any) => e.node.title);
  expect(new Set(titles).size).toBe(titles.length);
  // The FMIC consultation: its proposals take several of Decidim's pages (50 each).
  const withProposals = [...imported].sort((a: any, b: any) => b.proposals.totalCount - a.proposals.totalCount)[0];
  expect(withProposals.proposals.totalCount).toBeGreaterThan(50);
  const proposals = withProposals.proposals.edges.map((e: any) => e.node);
  expect(proposals.every((p: any) => isDecidim(p) && p.authorsCount >= 0)).toBe(true);
  // Every state Decidim shows; what authors withdrew is not imported.
  expect(new Set(proposals.map((p: any) => p.status))).toEqual(new Set(["PUBLISHED", "SELECTED", "NOT_SELECTED"]));
  expect(first.skipped.withdrawnProposals).toBeGreaterThan(0);
  const withResults = imported.find((p: any) => p.processResults.totalCount > 0)!;
  expect(withResults.processResults.edges.every((e: any) => isDecidim(e.node))).toBe(true);

  // A proposal hidden by Decidim's moderators, and one its author withdraws, are gone from the graph after the next
  // sync, on every path.
  const [victim, withdrawn] = proposals.filter((p: any) => p.status === "PUBLISHED");
  standin.store.hide("proposal", Number(victim.source.externalId.split("/")[1]));
  standin.store.withdraw("proposal", Number(withdrawn.source.externalId.split("/")[1]));
  const second = await sync();
  expect(second.error ?? null).toBeNull();
  expect(second.counts.proposals.removed).toBe(2);
  expect((await gql(system.gatewayUrl, `query($id: ID!) { proposal(id: $id) { id } }`, { id: String(withdrawn.databaseId) })).data).toEqual({ proposal: null });
  const after = await gql(system.gatewayUrl, `query($id: ID!, $title: String!) { proposal(id: $id) { id } searchProposals(query: $title, first: 5) { edges { node { proposal { databaseId } } } } processes(first: 100) { edges { node { id proposals(first: 1) { totalCount } } } } }`, {
    id: String(victim.databaseId),
    title: `"${victim.title}"`,
  });
  expect(after.errors).toBeUndefined();
  expect((after.data as any).proposal).toBeNull();
  expect((after.data as any).searchProposals.edges.map((e: any) => e.node.proposal.databaseId)).not.toContain(victim.databaseId);
  expect((after.data as any).processes.edges.find((e: any) => e.node.id === withProposals.id).node.proposals.totalCount).toBe(withProposals.proposals.totalCount - 2);

  // Nothing new in Decidim: the third sync writes nothing.
  const third = await sync();
  for (const counts of Object.values(third.counts)) expect(counts).toMatchObject({ created: 0, updated: 0, removed: 0 });
}, 300_000);

it("leaves no Decidim user's name or nickname on any query path of the supergraph, anonymous or STAFF", async () => {
  const users = standin.store.data.users;
  expect(users.length).toBeGreaterThan(10);
  const needles = users.flatMap((u) => [u.name, u.nickname]).filter((n): n is string => Boolean(n));
  const requests = rootQueries(await introspect(system.gatewayUrl), { depth: 4, values: { id: ["1", "2", "3"], slug: ["conselho-regional-nacional", "regional-nacional"], query: ["Fictícia"], purpose: ["Auditoria de teste de privacidade"] } });
  const staff = await staffToken();
  let answered = 0;
  const leaks: string[] = [];
  for (const token of [undefined, staff]) {
    for (const request of requests) {
      const res = await fetch(system.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: request.query }),
      });
      const body = await res.text();
      if (body.includes('"DECIDIM"')) answered++;
      for (const needle of needles) if (body.includes(needle)) leaks.push(`${request.path}${token ? " (STAFF)" : ""}: ${needle}`);
    }
  }
  // The crawl read imported records (the probe reaches them), and none of their authors.
  expect(answered).toBeGreaterThan(4);
  expect(leaks).toEqual([]);
}, 300_000);
