import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { staffToken } from "../participation.fixtures";
import { OGP_TITLE, seedParticipation } from "../seed/seed";
import { contagemSnapshot, copy, HOST } from "./decidim.fixtures";
import { applyDecidimSnapshot } from "./import";
import type { DecidimSnapshot } from "./records";

/** Decide Contagem's records in the graph (issue 17): what a client reads through the gateway after each sync. */
let system: RunningSystem;
const TODAY = "2026-11-30";
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
});
afterAll(() => system.stop());

const em = () => system.subgraphs.participation.orm.em.fork() as EntityManager;
const apply = (snapshot: DecidimSnapshot) =>
  applyDecidimSnapshot(em(), snapshot, { auditSchema: system.subgraphs.participation.database.auditSchema, today: TODAY });

async function read(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  expect(res.errors).toBeUndefined();
  return res.data;
}

const IMPORTED = `{ processes(first: 50, filter: { kind: PRIORITIZATION_VOTE }) { edges { node { id title } } }
  proposals(first: 100) { edges { node { id databaseId title status updatedAt source { system externalId } } } } }`;

/** Every imported row's updatedAt, by its Decidim type and id. */
async function stamps(): Promise<Map<string, string>> {
  const schema = system.subgraphs.participation.database.schema;
  const rows = await em().execute<{ key: string; updated_at: Date }[]>(
    ["process", "proposal", "process_result", "assembly", "assembly_meeting"]
      .map((t) => `select origin_type || '/' || origin_external_id as key, updated_at from "${schema}".${t} where origin_system is not null`)
      .join(" union all "),
  );
  return new Map(rows.map((r) => [r.key, new Date(r.updated_at).toISOString()]));
}

describe("Decidim import", () => {
  it("imports processes, proposals, projects, results, assemblies and their meetings with their sources", async () => {
    const run = await apply(contagemSnapshot());
    expect(run.counts.proposals).toEqual({ created: 4, updated: 0, unchanged: 0, removed: 0 });
    // A proposal of an assembly and a meeting of a process have no place here, and one its author withdrew leaves
    // the graph: counted, not imported.
    expect(run.skipped).toEqual({ proposals: 1, meetings: 1, withdrawnProposals: 1 });

    const data = await read(`{ processes(first: 10, filter: { updatedSince: "2026-01-01T00:00:00Z" }) { edges { node { title kind status description maxChoices source { system url externalId importedAt }
      phases { position kind title startsAt endsAt }
      results { ballots options { votes option { title status budgetAmount supporterCount source { externalId } } } }
      processResults(first: 10) { totalCount edges { node { title progress statusName startDate parent { title } source { system url } } } }
      proposals(first: 10) { totalCount edges { node { title status supporterCount officialAnswer authorsCount organizationAuthor author { displayName } source { system externalId } } } } } } } }`);
    const nodes = data.processes.edges.map((e: any) => e.node);
    const ogp = nodes.find((n: any) => n.title === "Compromissos OGP 2022");
    expect(ogp).toMatchObject({
      kind: "PRIORITIZATION_VOTE", status: "CLOSED", maxChoices: null,
      description: "Governo Aberto\n\nVotação dos compromissos do plano de ação de governo aberto.",
      source: { system: "DECIDIM", url: "https://decidim.contagem.mg.gov.br/processes/ogp-2022", externalId: "ParticipatoryProcess/7" },
    });
    expect(ogp.phases.map((p: any) => [p.kind, p.title])).toEqual([["INFORMATION", "Apresentação"], ["VOTING", "Votação dos compromissos"], ["RESULTS", "Resultados"]]);
    // Civil dates in Contagem's time: the voting step ran from 2022-05-16 to the end of 2022-06-15.
    expect(ogp.phases[1]).toMatchObject({ startsAt: "2022-05-16T03:00:00.000Z", endsAt: "2022-06-16T03:00:00.000Z" });
    expect(ogp.results).toEqual({
      ballots: 0,
      options: [
        { votes: 530, option: { title: "Dados abertos de obras", status: "SELECTED", budgetAmount: 100000, supporterCount: null, source: { externalId: "Project/201" } } },
        { votes: 410, option: { title: "Ouvidoria itinerante", status: "SELECTED", budgetAmount: 200000, supporterCount: null, source: { externalId: "Project/202" } } },
        { votes: 122, option: { title: "Orçamento participativo digital", status: "NOT_SELECTED", budgetAmount: 300000, supporterCount: null, source: { externalId: "Project/203" } } },
      ],
    });
    expect(ogp.processResults.edges.map((e: any) => e.node)).toEqual([
      { title: "Portal de dados abertos", progress: 60, statusName: "Em execução", startDate: "2022-08-01", parent: null, source: { system: "DECIDIM", url: "https://decidim.contagem.mg.gov.br/processes/ogp-2022/f/42/results/301" } },
      { title: "Catálogo de obras", progress: 100, statusName: "Concluído", startDate: null, parent: { title: "Portal de dados abertos" }, source: { system: "DECIDIM", url: "https://decidim.contagem.mg.gov.br/processes/ogp-2022/f/42/results/302" } },
    ]);

    const plano = nodes.find((n: any) => n.title === "Plano de Mobilidade");
    expect(plano).toMatchObject({ kind: "PUBLIC_CONSULTATION", status: "OPEN", results: null });
    const byId = Object.fromEntries(plano.proposals.edges.map((e: any) => [e.node.source.externalId, e.node]));
    // 105 was withdrawn by its author on Decidim: not imported.
    expect(Object.keys(byId).sort()).toEqual(["Proposal/101", "Proposal/102", "Proposal/103", "Proposal/104"]);
    expect(byId["Proposal/101"]).toMatchObject({ status: "PUBLISHED", supporterCount: 12, officialAnswer: null, authorsCount: 1, organizationAuthor: null, author: null });
    expect(byId["Proposal/102"]).toMatchObject({ status: "PUBLISHED", officialAnswer: "Em análise pela Secretaria de Mobilidade." });
    expect(byId["Proposal/103"]).toMatchObject({ status: "SELECTED", authorsCount: 2, organizationAuthor: "Associação Pedala Contagem" });
    expect(byId["Proposal/104"]).toMatchObject({ status: "NOT_SELECTED", supporterCount: null });

    // A native process says so too.
    const native = nodes.filter((n: any) => n.source.system === "CONTAGEM");
    expect(native.length).toBeGreaterThan(0);
    expect(native.every((n: any) => n.source.url === null && n.source.externalId === null && n.source.importedAt === null)).toBe(true);
  });

  it("shows a regional council's Decidim assembly and its meetings on the council, through the gateway", async () => {
    const data = await read(`{ council(slug: "conselho-regional-nacional") { name decidimAssembly { slug name facts subtitle description url source { system externalId }
      meetings(first: 10) { totalCount edges { node { title startsAt endsAt address agenda { title description } closed closingReport attendeesCount
        contributionsCount attendingOrganizations assembly { slug } source { system url externalId } } } } } } }`);
    const assembly = data.council.decidimAssembly;
    // The space the public record seeded keeps the record's name and facts, and gains what Decidim says.
    expect(assembly).toMatchObject({ slug: "regional-nacional", name: "Conselho Regional Nacional", subtitle: "Conselho Regional", source: { system: "DECIDIM", externalId: "Assembly/3" } });
    expect(assembly.facts).toContain("regimento interno");
    expect(assembly.meetings.totalCount).toBe(2);
    expect(assembly.meetings.edges[0].node).toEqual({
      title: "Reunião ordinária de março", startsAt: "2026-03-10T22:00:00.000Z", endsAt: "2026-03-11T00:00:00.000Z",
      address: "Rua Quintino Bocaiúva, Nacional, Contagem", agenda: [{ title: "Leitura da ata", description: "" }, { title: "Obras da regional", description: "Prioridades de 2026." }],
      closed: true, closingReport: "Aprovadas as prioridades de obras.", attendeesCount: 23, contributionsCount: 5,
      attendingOrganizations: "Associação de Moradores do Nacional", assembly: { slug: "regional-nacional" },
      source: { system: "DECIDIM", url: "https://decidim.contagem.mg.gov.br/assemblies/regional-nacional/f/61/meetings/501", externalId: "Meeting/501" },
    });
    // A space Decidim has that the record did not seed is created, named as Decidim names it.
    const sede = await read(`{ council(slug: "conselho-regional-sede") { decidimAssembly { name facts source { system } meetings(first: 5) { totalCount } } } }`);
    expect(sede.council.decidimAssembly).toEqual({ name: "Conselho Regional Sede", facts: "", source: { system: "DECIDIM" }, meetings: { totalCount: 0 } });
    // A council with no space on Decidim has none.
    const other = await read(`{ council(slug: "conselho-regional-riacho") { decidimAssembly { slug } } }`);
    expect(other.council.decidimAssembly).toBeNull();
    // Both ways: each assembly names the council whose space it is, the record's or by the same rule.
    const { assemblies } = await read(`{ assemblies(first: 20) { edges { node { slug council { slug decidimAssembly { slug } } } } } }`);
    const councils = Object.fromEntries(assemblies.edges.map((e: any) => [e.node.slug, e.node.council]));
    expect(councils).toEqual({
      "regional-nacional": { slug: "conselho-regional-nacional", decidimAssembly: { slug: "regional-nacional" } },
      "regional-sede": { slug: "conselho-regional-sede", decidimAssembly: { slug: "regional-sede" } },
      "regional-eldorado": { slug: "conselho-regional-eldorado", decidimAssembly: { slug: "regional-eldorado" } },
    });
  });

  it("lists only Decide Contagem's records, or only the graph's own, with the lists' `source` filter", async () => {
    const list = (field: string, source: string) => `${field}_${source}: ${field}(first: 100, filter: { source: ${source} }) { totalCount edges { node { source { system } } } }`;
    const data = await read(`{ ${list("processes", "DECIDIM")} ${list("processes", "CONTAGEM")} ${list("proposals", "DECIDIM")} ${list("proposals", "CONTAGEM")}
      processes(first: 1) { totalCount } proposals(first: 1) { totalCount } }`);
    expect([data.processes_DECIDIM.totalCount, data.proposals_DECIDIM.totalCount]).toEqual([2, 7]);
    for (const field of ["processes", "proposals"]) {
      for (const source of ["DECIDIM", "CONTAGEM"]) {
        const found = data[`${field}_${source}`];
        expect(found.totalCount).toBeGreaterThan(0);
        expect(new Set(found.edges.map((e: any) => e.node.source.system))).toEqual(new Set([source]));
      }
      expect(data[`${field}_DECIDIM`].totalCount + data[`${field}_CONTAGEM`].totalCount).toBe(data[field].totalCount);
    }
  });

  it("applying the same snapshot again changes nothing", async () => {
    const before = await stamps();
    const run = await apply(contagemSnapshot());
    for (const counts of Object.values(run.counts)) expect(counts).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(await stamps()).toEqual(before);
  });

  it("a re-import with changes moves only the changed rows' updatedAt, and what Decidim hid leaves the graph", async () => {
    const before = await stamps();
    const next = copy(contagemSnapshot());
    next.proposals = next.proposals.filter((p) => p.externalId !== "101"); // hidden by moderation on Decidim
    next.proposals.find((p) => p.externalId === "102")!.state = "accepted";
    next.meetings.find((m) => m.externalId === "502")!.closed = true;
    next.results.find((r) => r.externalId === "301")!.progress = 80;
    const hidden = (await read(IMPORTED)).proposals.edges.find((e: any) => e.node.source.externalId === "Proposal/101").node;
    const run = await apply(next);
    expect(run.counts.proposals).toEqual({ created: 0, updated: 1, unchanged: 2, removed: 1 });
    expect(run.counts.meetings).toEqual({ created: 0, updated: 1, unchanged: 1, removed: 0 });
    const after = await stamps();
    const moved = [...after].filter(([key, at]) => before.get(key) !== at).map(([key]) => key).sort();
    expect(moved).toEqual(["Meeting/502", "Proposal/102", "Result/301"]);
    expect(after.has("Proposal/101")).toBe(false);

    expect((await read(`query($id: ID!) { proposal(id: $id) { id } }`, { id: hidden.id })).proposal).toBeNull();
    expect((await read(`{ searchProposals(query: "Proposta 101 ciclovia", first: 50) { edges { node { proposal { source { externalId } } } } } }`))
      .searchProposals.edges.map((e: any) => e.node.proposal.source.externalId)).not.toContain("Proposal/101");
    const schema = system.subgraphs.participation.database.auditSchema;
    // A mirror polling `updatedSince` learns of it from its tombstone.
    const tombs = await em().execute(`select reason from "${schema}".removed_record where entity_type = 'Proposal' and entity_id = ?`, [Number(hidden.databaseId)]);
    expect(tombs).toEqual([{ reason: "DELETED" }]);
  });

  it("finds imported proposals by full-text search, as native ones", async () => {
    const data = await read(`{ searchProposals(query: "ciclovia", first: 20) { totalCount edges { node { proposal { status source { system externalId } } } } } }`);
    const found = data.searchProposals.edges.map((e: any) => e.node.proposal.source.externalId).sort();
    // Withdrawn ones are never offered by search.
    expect(found).toEqual(["Proposal/102", "Proposal/103", "Proposal/104"]);
  });

  it("a snapshot that cannot be applied changes nothing (one transaction)", async () => {
    const before = await stamps();
    const bad = copy(contagemSnapshot());
    bad.proposals[0].title = "Mudado";
    bad.projects[0].budgetAmount = -1; // refused by the table's check: the whole sync rolls back
    await expect(apply(bad)).rejects.toThrow();
    expect(await stamps()).toEqual(before);
  });

  it("records each run, with one audit entry, for STAFF and ADMIN only", async () => {
    const query = `{ decidimSyncRuns(first: 10) { totalCount edges { node { runNumber startedAt finishedAt apiUrl decidimVersion skipped error counts { kind created updated unchanged removed } } } } }`;
    const anonymous = await gql(system.gatewayUrl, query);
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    // A citizen, and a council's secretary, may not read them either.
    for (const token of [await mintToken({ sub: "citizen-1", roles: ["CITIZEN"] }), await mintToken({ sub: "secretary-1", roles: ["SECRETARY"], councils: ["1"] })]) {
      const denied = await gql(system.gatewayUrl, query, {}, { token });
      expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(denied.data?.decidimSyncRuns ?? null).toBeNull();
    }
    const data = await read(query, {}, await staffToken());
    // Three applied; the one that could not be applied left no trace but its error (the job records that, sync.test.ts).
    expect(data.decidimSyncRuns.totalCount).toBe(3);
    const latest = data.decidimSyncRuns.edges[0].node;
    expect(latest).toMatchObject({ apiUrl: "https://decidim.contagem.mg.gov.br/api", decidimVersion: "0.27.6", skipped: 3, error: null });
    expect(latest.counts.find((c: any) => c.kind === "proposals")).toEqual({ kind: "proposals", created: 0, updated: 1, unchanged: 2, removed: 1 });
    const schema = system.subgraphs.participation.database.auditSchema;
    const entries = await em().execute<{ n: number }[]>(`select count(*)::int as n from "${schema}".audit_entry where action = 'decidim.sync' and actor_sub = 'system:decidim-sync'`);
    expect(entries[0].n).toBe(3);
  });

  it("a process Decidim no longer lists leaves the graph even when a council's works cite it (the works stay, without it)", async () => {
    await apply(contagemSnapshot());
    const staff = await staffToken();
    const { processes } = await read(`{ processes(first: 50) { edges { node { id title source { system externalId } } } } }`);
    const cited = processes.edges.map((e: any) => e.node).find((p: any) => p.source.system === "DECIDIM");
    const { council } = await read(`{ council(slug: "conselho-regional-nacional") { id } }`);
    const created = await read(
      `mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id } } }`,
      { i: { councilId: council.id, processId: cited.id, title: "Obra que cita um processo do Decide Contagem", estimatedCost: 1000, year: 2026 } },
      staff,
    );
    const gone = copy(contagemSnapshot());
    gone.processes = gone.processes.filter((p) => `ParticipatoryProcess/${p.externalId}` !== cited.source.externalId);
    const run = await apply(gone);
    expect(run.counts.processes.removed).toBe(1);
    const after = await read(`query($id: ID!) { process(id: $id) { id } }`, { id: cited.id });
    expect(after.process).toBeNull();
    const works = await read(`query($id: ID!) { intervention(id: $id) { id process { id } } }`, { id: created.createIntervention.intervention.id });
    expect(works.intervention).toEqual({ id: created.createIntervention.intervention.id, process: null });
  });
  it("a process of the public record that Decide Contagem holds is one process: taken over while listed, the record's again when not", async () => {
    const RECORD = "IV Conferência Municipal de Cultura";
    const query = `{ processes(first: 50) { edges { node { id databaseId title kind status description source { system url externalId } sources { url }
      phases { kind title } proposals(first: 5) { totalCount } } } } }`;
    const named = async () => (await read(query)).processes.edges.map((e: any) => e.node).filter((p: any) => p.title.startsWith("IV Conferência Municipal de Cultura"));
    const [before] = await named();
    expect(before).toMatchObject({ title: RECORD, kind: "CONFERENCE", source: { system: "CONTAGEM" }, proposals: { totalCount: 0 } });

    const held = copy(contagemSnapshot());
    const conference = { type: "ParticipatoryProcess" as const, externalId: "11" };
    held.processes.push({
      externalId: "11", slug: "conferencia-municipal-cultura", url: `${HOST}/processes/conferencia-municipal-cultura`, title: "IV Conferência Municipal de Cultura de Contagem",
      subtitle: null, description: "Etapa digital da conferência.", startDate: "2025-04-01", endDate: "2025-05-31", publishedAt: "2025-03-20T09:00:00-03:00",
      steps: [{ externalId: "111", title: "Envio de propostas", description: "", position: 0, startDate: "2025-04-01", endDate: "2025-05-31", active: false }],
    });
    held.proposals.push({ ...held.proposals[0], externalId: "121", space: conference, componentExternalId: "112", url: `${HOST}/processes/conferencia-municipal-cultura/f/112/proposals/121` });
    const run = await apply(held);
    expect(run.counts.processes.removed).toBe(0);
    const taken = await named();
    expect(taken).toHaveLength(1);
    // The same process (id), the record's name, kind and sources; Decidim's status, description, phases and proposals.
    expect(taken[0]).toEqual({
      ...before, status: "CLOSED", description: "Etapa digital da conferência.", phases: [{ kind: "PROPOSALS", title: "Envio de propostas" }], proposals: { totalCount: 1 },
      source: { system: "DECIDIM", url: `${HOST}/processes/conferencia-municipal-cultura`, externalId: "ParticipatoryProcess/11" },
    });

    // Had the sync come before the seed (a new database), the seed takes the sync's row rather than add a second one.
    const schema = system.subgraphs.participation.database.schema;
    await em().execute(`update "${schema}".process set record_key = null, record_hash = null, title = 'IV Conferência Municipal de Cultura de Contagem' where id = ?`, [Number(before.databaseId)]);
    const seeded = await seedParticipation(em(), { askPeer: () => Promise.reject(new Error("asked councils")) });
    expect(seeded.processes).toBe(0);
    expect(await named()).toEqual(taken);

    // Gone from Decidim: the record's process as the record states it, without Decidim's proposals.
    await apply(contagemSnapshot());
    expect(await named()).toEqual([before]);
  });

  it("leaves out a meeting whose start Decidim states unreadably (the client reads it as null), and applies the rest", async () => {
    const bad = copy(contagemSnapshot());
    const [undated] = bad.meetings.filter((m) => !m.withdrawn && m.space.type === "Assembly");
    undated.startTime = null;
    const run = await apply(bad);
    expect(run.error).toBeNull();
    expect(run.skipped.undatedMeetings).toBe(1);
    const ids = await em().execute<{ id: string }[]>(
      `select origin_external_id as id from "${system.subgraphs.participation.database.schema}".assembly_meeting`,
    );
    expect(ids.map((row) => row.id)).not.toContain(undated.externalId);
    expect((await apply(contagemSnapshot())).error).toBeNull();
  });
  it("two Decidim processes that both match one record process (slug and title): the slug's takes it over, the other is its own", async () => {
    const query = `{ processes(first: 20) { edges { node { id title source { system externalId } } } } }`;
    const named = async () => (await read(query)).processes.edges.map((e: any) => e.node).filter((p: any) => /Conferência Municipal de Cultura/.test(p.title));
    const [before] = await named();
    const twice = copy(contagemSnapshot());
    const conference = (externalId: string, slug: string, title: string) => ({
      externalId, slug, url: `${HOST}/processes/${slug}`, title, subtitle: null, description: "Etapa digital.", startDate: "2025-04-01", endDate: "2025-05-31",
      publishedAt: "2025-03-20T09:00:00-03:00", steps: [],
    });
    // By title first in the snapshot, by slug second: the slug still wins.
    twice.processes.push(conference("21", "conferencia-cultura-copia", "IV  Conferência Municipal de Cultura"), conference("22", "conferencia-municipal-cultura", "Conferência de Cultura"));
    await apply(twice);
    const after = await named();
    expect(after.find((p: any) => p.id === before.id)).toMatchObject({ title: "IV Conferência Municipal de Cultura", source: { system: "DECIDIM", externalId: "ParticipatoryProcess/22" } });
    expect(after.filter((p: any) => p.id !== before.id).map((p: any) => p.source.externalId)).toEqual(["ParticipatoryProcess/21"]);
    await apply(contagemSnapshot());
    expect(await named()).toEqual([before]);
  });

  it("the record's 2022 OGP vote, held on Decide Contagem under the record's name, is one process with one set of options", async () => {
    const query = `{ processes(first: 20) { edges { node { id title kind status description maxChoices source { system } sources { url }
      phases { kind title } proposals(first: 5) { totalCount edges { node { id title status officialAnswer source { system externalId } sources { url } } } } } } } }`;
    const ogpTitles = [OGP_TITLE, "1º Plano de Governo Aberto de Contagem"];
    const votes = async () => (await read(query)).processes.edges.map((e: any) => e.node).filter((p: any) => ogpTitles.includes(p.title));
    const [before] = await votes();
    expect(before).toMatchObject({ title: OGP_TITLE, source: { system: "CONTAGEM" }, maxChoices: 3, proposals: { totalCount: 5 } });
    const options = before.proposals.edges.map((e: any) => e.node);

    const held = copy(contagemSnapshot());
    const space = { type: "ParticipatoryProcess" as const, externalId: "13" };
    held.processes.push({
      externalId: "13", slug: "plano-governo-aberto-2022", url: `${HOST}/processes/plano-governo-aberto-2022`, title: "1º  Plano de Governo Aberto de Contagem",
      subtitle: null, description: "Escolha de três dos cinco compromissos.", startDate: "2022-10-17", endDate: "2022-12-15", publishedAt: "2022-10-10T09:00:00-03:00",
      steps: [{ externalId: "131", title: "Votação dos compromissos", description: "", position: 0, startDate: "2022-10-17", endDate: "2022-12-15", active: false }],
    });
    options.forEach((option: any, i: number) => held.proposals.push({
      ...held.proposals[0], externalId: String(141 + i), space, componentExternalId: "132", url: `${HOST}/processes/plano-governo-aberto-2022/f/132/proposals/${141 + i}`,
      title: option.title, body: `Compromisso ${i + 1}.`, state: "accepted", answer: "Incluído no plano de ação.", answeredAt: "2022-12-15T12:00:00-03:00", organizationAuthor: "Decide Contagem",
    }));
    await apply(held);
    const [taken, ...others] = await votes();
    expect(others).toEqual([]);
    // The same process and the same five options (ids), the record's name, kind, rules and sources; Decidim's answers.
    expect(taken).toMatchObject({ id: before.id, title: OGP_TITLE, kind: before.kind, maxChoices: 3, sources: before.sources, source: { system: "DECIDIM" }, status: "CLOSED", proposals: { totalCount: 5 } });
    expect(taken.proposals.edges.map((e: any) => [e.node.id, e.node.title, e.node.status, e.node.officialAnswer, e.node.source.system, e.node.sources]))
      .toEqual(options.map((o: any) => [o.id, o.title, "SELECTED", "Incluído no plano de ação.", "DECIDIM", o.sources]));

    // Gone from Decidim: the record's vote again, with the record's five options.
    await apply(contagemSnapshot());
    const [back, ...more] = await votes();
    expect(more).toEqual([]);
    expect({ ...back, proposals: back.proposals.totalCount }).toEqual({ ...before, proposals: 5 });
    expect(back.proposals.edges.map((e: any) => [e.node.title, e.node.status, e.node.source.system])).toEqual(options.map((o: any) => [o.title, "PUBLISHED", "CONTAGEM"]));
  });
});

