import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { councilSlugOf, englishWordsIn, record } from "@contagem/record";
import { codesOf, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { seedParticipation } from "./seed";

/**
 * Decide Contagem in the default seed against the file it comes from (issue 11): every expectation is computed from
 * `contagem-sources.json`, so a change that drops part of the public record fails here.
 */
const PROCESSES = `{ processes(first: 100) { totalCount edges { node { title kind status description sourceUrl council { id slug }
  phases { kind title startsAt endsAt } results { ballots options { votes option { title author { displayName } } } } sources { url } } } } }`;

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
});
afterAll(() => system.stop());

describe("default participation seed", () => {
  it(`accounts for the file's ${record.decideContagem.length} Decide Contagem items: the platform and its other uses, assemblies, processes`, async () => {
    expect(record.decideContagem).toHaveLength(11);
    const res = await gql(system.gatewayUrl, `{ decideContagem { name software url launchedOn facts otherUses sources { url } }
      assemblies(first: 10) { totalCount edges { node { slug name url facts council { slug } sources { url } } } } ${PROCESSES.slice(1, -1)} }`);
    expect(res.errors).toBeUndefined();
    const byItem = (kind: string) => record.decideContagem.filter((i) => i.item === kind);
    const [platform] = byItem("platform");
    expect(res.data.decideContagem).toMatchObject({ name: platform.name, software: platform.software, url: `https://${platform.host}`, launchedOn: platform.launched, facts: platform.facts });
    expect(res.data.decideContagem.otherUses).toEqual(byItem("otherUses").flatMap((i) => i.facts));
    expect(res.data.decideContagem.sources.map((s: any) => s.url)).toEqual(expect.arrayContaining([...platform.sources, ...byItem("otherUses")[0].sources]));
    expect(res.data.assemblies.totalCount).toBe(byItem("assembly").length);
    for (const fact of byItem("assembly")) {
      const node = res.data.assemblies.edges.map((e: any) => e.node).find((n: any) => n.slug === fact.slug);
      expect(node).toMatchObject({ name: fact.name, url: `https://decidim.contagem.mg.gov.br/assemblies/${fact.slug}`, facts: fact.facts!.join("\n") });
      expect(node.council).toEqual({ slug: councilSlugOf(fact.name!) });
      expect(node.sources.map((s: any) => s.url)).toEqual(fact.sources);
    }
    const processes = res.data.processes.edges.map((e: any) => e.node);
    expect(res.data.processes.totalCount).toBe(byItem("process").length);
    for (const fact of byItem("process")) {
      const node = processes.find((p: any) => p.title === fact.name) ?? processes.find((p: any) => p.kind === "PRIORITIZATION_VOTE");
      expect(node.sources.map((s: any) => s.url)).toEqual(fact.sources);
      for (const line of fact.facts ?? []) expect(node.description).toContain(line);
      expect(node.results).toBeNull();
    }
    // Every text shown in Portuguese: the platform's facts and other uses, the assemblies', the processes'.
    const texts = [
      ...res.data.decideContagem.facts, ...res.data.decideContagem.otherUses, res.data.decideContagem.name,
      ...res.data.assemblies.edges.flatMap((e: any) => [e.node.name, e.node.facts]),
      ...processes.flatMap((p: any) => [p.title, p.description, ...p.phases.map((ph: any) => ph.title)]),
    ];
    expect(texts.filter((text: string) => englishWordsIn(text).length)).toEqual([]);
    expect(processes.find((p: any) => p.title === "IV Conferência Municipal de Cultura").description).toMatch(/Resultado: não encontrado nas fontes públicas\.$/);
    // A result line only where the record words one: none is said "not found" that the record is silent about.
    for (const fact of byItem("process")) {
      const node = processes.find((p: any) => p.title === fact.name);
      if (node && fact.result === undefined) expect(node.description).not.toContain("Resultado");
    }
    const urban = processes.find((p: any) => p.title.startsWith("IV Conferência Municipal de Política Urbana"));
    expect(urban).toMatchObject({ kind: "CONFERENCE", status: "NOT_STATED", council: { slug: "compur" } });
    expect(urban.phases).toEqual([{ kind: "INFORMATION", title: "Abertura on-line da conferência", startsAt: "2021-08-31T03:00:00.000Z", endsAt: null }]);
  });

  it("holds the 2022 OGP Local prioritisation vote: five commitments, pick three, no counts (results null, not 0)", async () => {
    const res = await gql(system.gatewayUrl, `{ processes(filter: { kind: PRIORITIZATION_VOTE }) { totalCount edges { node { title description status maxChoices
      minimumParticipantAge minimumAge phases { kind startsAt endsAt } results { ballots }
      proposals(first: 10) { edges { node { title supporterCount supportCount } } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.processes.totalCount).toBe(1);
    const vote = res.data.processes.edges[0].node;
    // No age and no supports stated: null (the deprecated fields keep their old non-null answers until removed).
    expect(vote).toMatchObject({ status: "CLOSED", maxChoices: 3, minimumParticipantAge: null, minimumAge: 16, results: null });
    for (const { node } of vote.proposals.edges) expect(node).toMatchObject({ supporterCount: null, supportCount: 0 });
    expect(vote.phases).toEqual([{ kind: "VOTING", startsAt: "2022-10-17T03:00:00.000Z", endsAt: null }]);
    // The options as the record's sources word them, and a description with no English left in it.
    const item = record.decideContagem.find((i) => i.item === "process" && Array.isArray(i.options))!;
    expect(vote.proposals.edges.map((e: any) => e.node.title)).toEqual(item.options);
    expect(vote.proposals.edges[3].node.title).toBe("Aplicativo dos serviços prestados por instituições do Terceiro Setor em parceria com o município");
    expect(vote.description).toContain("Plano de Ação 2022-2024 (enviado em 15/12/2022)");
    expect(vote.description).not.toMatch(/\bsubmitted\b/);
    expect(vote.description).not.toContain("maio de 2022"); // when Contagem joined OGP: no source states it
  });

  it("states no age for any process of the record, and forgets the default age and zero supports an earlier seed gave them", async () => {
    const em = system.subgraphs.participation.orm.em.fork();
    const schema = `"${em.config.get("schema")}"`;
    // As the seed before this change left them: the product's default age, and 0 supports on the vote's options.
    await em.execute(`update ${schema}.process set minimum_age = 16 where record_key is not null`);
    await em.execute(`update ${schema}.proposal set support_count = 0 where author_id is null`);
    await seedParticipation(em, { askPeer: () => Promise.reject(new Error("asked councils")) });
    const res = await gql(system.gatewayUrl, `{ processes(first: 100) { edges { node { title minimumParticipantAge sources { url }
      proposals(first: 10) { edges { node { supporterCount } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const fromRecord = res.data.processes.edges.map((e: any) => e.node).filter((p: any) => p.sources.length > 0);
    expect(fromRecord).toHaveLength(record.decideContagem.filter((i) => i.item === "process").length);
    for (const process of fromRecord) {
      expect(process.minimumParticipantAge).toBeNull();
      for (const { node } of process.proposals.edges) expect(node.supporterCount).toBeNull();
    }
  });

  it("keeps the record's processes read-only: staff cannot reopen them, add options or candidacies (RECORD_IMMUTABLE)", async () => {
    const staff = await mintToken({ sub: "staff-record", roles: ["STAFF"] });
    const res = await gql(system.gatewayUrl, `{ processes(first: 100) { edges { node { id kind version sources { url } } } } }`);
    const fromRecord = res.data.processes.edges.map((e: any) => e.node).filter((p: any) => p.sources.length > 0);
    const vote = fromRecord.find((p: any) => p.kind === "PRIORITIZATION_VOTE");
    const reopen = await gql(system.gatewayUrl, `mutation($i: UpdateProcessInput!) { updateProcess(input: $i) { process { status } } }`, {
      i: { id: vote.id, expectedVersion: vote.version, status: "OPEN" },
    }, { token: staff });
    expect(codesOf(reopen)).toEqual(["RECORD_IMMUTABLE"]);
    const option = await gql(system.gatewayUrl, `mutation($i: CreateProposalOptionInput!) { createProposalOption(input: $i) { proposal { id } } }`, {
      i: { processId: vote.id, title: "Sexta opção", body: "Uma opção que o registro não tem." },
    }, { token: staff });
    expect(codesOf(option)).toEqual(["RECORD_IMMUTABLE"]);
    const election = fromRecord.find((p: any) => p.kind === "COUNCIL_ELECTION");
    expect(election).toBeDefined();
    {
      const candidacy = await gql(system.gatewayUrl, `mutation($i: RecordCandidacyInput!) { recordCandidacy(input: $i) { candidacy { id } } }`, {
        i: { processId: election.id, displayName: "Candidatura Inventada" },
      }, { token: staff });
      expect(codesOf(candidacy)).toEqual(["RECORD_IMMUTABLE"]);
    }
    // Its options cannot be decided or withdrawn, nor commented on (the record says all five went into the plan).
    const options = await gql(system.gatewayUrl, `query($id: ID!) { node(id: $id) { ... on ParticipatoryProcess { proposals(first: 5) { edges { node { id version } } } } } }`, { id: vote.id });
    const [first] = options.data.node.proposals.edges.map((e: any) => e.node);
    const admin = await mintToken({ sub: "admin-record", roles: ["ADMIN"] });
    const decided = await gql(system.gatewayUrl, `mutation($i: DecideProposalInput!) { decideProposal(input: $i) { proposal { status } } }`, {
      i: { proposalId: first.id, expectedVersion: first.version, decision: "SELECTED" },
    }, { token: admin });
    expect(codesOf(decided)).toEqual(["RECORD_IMMUTABLE"]);
    const withdrawn = await gql(system.gatewayUrl, `mutation($i: WithdrawProposalInput!) { withdrawProposal(input: $i) { proposal { status } } }`, {
      i: { proposalId: first.id, expectedVersion: first.version, reason: "Retirada de teste" },
    }, { token: staff });
    expect(codesOf(withdrawn)).toEqual(["RECORD_IMMUTABLE"]);
    const after = await gql(system.gatewayUrl, `query($id: ID!) { node(id: $id) { ... on ParticipatoryProcess { status proposalCount currentPhase { title }
      proposals(first: 5) { edges { node { status } } } } } }`, { id: vote.id });
    // CLOSED: no phase is running, though the record gives its voting phase no end.
    expect(after.data.node).toMatchObject({ status: "CLOSED", proposalCount: 5, currentPhase: null });
    expect(after.data.node.proposals.edges.map((e: any) => e.node.status)).toEqual(Array(5).fill("PUBLISHED"));
  });

  it("is idempotent: a second run writes nothing and does not ask the councils subgraph", async () => {
    const context = { askPeer: () => Promise.reject(new Error("asked councils")) };
    expect(await seedParticipation(system.subgraphs.participation.orm.em.fork(), context)).toEqual({ processes: 0, assemblies: 0 });
  });
});
