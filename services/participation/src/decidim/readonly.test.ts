import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { gql, startSystem, type RunningSystem } from "@contagem/testkit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { citizen, staffToken } from "../participation.fixtures";
import { contagemSnapshot } from "./decidim.fixtures";
import { applyDecidimSnapshot } from "./import";

/**
 * Imported records are read-only (issue 17): every mutation of this subgraph is either listed here as one that acts on a
 * process or a proposal, and then tried on an imported one and refused with RECORD_IMMUTABLE, or listed with why it
 * cannot reach one. A new mutation fails this test until it is listed.
 */
let system: RunningSystem;
let ids: { consultation: string; consultationVersion: number; vote: string; proposal: string; proposalVersion: number; project: string };
let staff: string;
let voter: string;

beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  await applyDecidimSnapshot(system.subgraphs.participation.orm.em.fork() as EntityManager, contagemSnapshot(), {
    auditSchema: system.subgraphs.participation.database.auditSchema, today: "2026-11-30",
  });
  staff = await staffToken();
  voter = await citizen(system.gatewayUrl, "readonly-voter", { fullName: "Votante Somente Leitura", email: "leitura@example.org", birthDate: "1980-01-01" });
  const { data } = await gql(system.gatewayUrl, `{ processes(first: 40) { edges { node { id version title } } } }`);
  const nodes = data.processes.edges.map((e: any) => e.node);
  const plano = nodes.find((n: any) => n.title === "Plano de Mobilidade");
  const ogp = nodes.find((n: any) => n.title === "Compromissos OGP 2022");
  const optionsOf = async (id: string) =>
    (await gql(system.gatewayUrl, `query($id: ID!) { process(id: $id) { proposals(first: 10) { edges { node { id version source { externalId } } } } } }`, { id }))
      .data.process.proposals.edges.map((e: any) => e.node);
  const proposal = (await optionsOf(plano.id)).find((n: any) => n.source.externalId === "Proposal/101");
  const project = (await optionsOf(ogp.id))[0];
  ids = {
    consultation: plano.id, consultationVersion: plano.version, vote: ogp.id, proposal: proposal.id, proposalVersion: proposal.version,
    project: project.id,
  };
});
afterAll(() => system.stop());

type Attempt = () => { token: string; input: Record<string, unknown>; inputType: string };

/** Mutations that act on a process or a proposal: each tried on an imported one, by a role that may otherwise make it. */
const ON_PROCESS_OR_PROPOSAL: Record<string, Attempt> = {
  updateProcess: () => ({ token: staff, inputType: "UpdateProcessInput", input: { id: ids.consultation, expectedVersion: ids.consultationVersion, title: "Plano alterado aqui" } }),
  recordCandidacy: () => ({ token: staff, inputType: "RecordCandidacyInput", input: { processId: ids.consultation, displayName: "Candidatura Qualquer" } }),
  recordElectionResults: () => ({ token: staff, inputType: "RecordElectionResultsInput", input: { processId: ids.consultation, expectedVersion: ids.consultationVersion, results: [] } }),
  submitProposal: () => ({ token: voter, inputType: "SubmitProposalInput", input: { processId: ids.consultation, title: "Proposta daqui", body: "Uma proposta escrita neste grafo." } }),
  createProposalOption: () => ({ token: staff, inputType: "CreateProposalOptionInput", input: { processId: ids.vote, title: "Opção daqui", body: "Uma opção escrita neste grafo." } }),
  supportProposal: () => ({ token: voter, inputType: "SupportProposalInput", input: { proposalId: ids.proposal } }),
  withdrawProposal: () => ({ token: staff, inputType: "WithdrawProposalInput", input: { proposalId: ids.proposal, expectedVersion: ids.proposalVersion, reason: "Retirada por aqui." } }),
  decideProposal: () => ({ token: staff, inputType: "DecideProposalInput", input: { proposalId: ids.proposal, expectedVersion: ids.proposalVersion, decision: "SELECTED" } }),
  castBallot: () => ({ token: voter, inputType: "CastBallotInput", input: { processId: ids.vote, proposalIds: [ids.project] } }),
  contribute: () => ({ token: voter, inputType: "ContributeInput", input: { proposalId: ids.proposal, body: "Um comentário sobre a proposta." } }),
};

/** Mutations that cannot reach an imported process or proposal, and why. */
const ELSEWHERE: Record<string, string> = {
  createProcess: "creates a process of this graph",
  moderateContribution: "moderates comments, and no comment can be made on an imported proposal (contribute is refused)",
  recordPresence: "a citizen's presence at a council meeting (meetings subgraph), not at a Decidim one",
  createIntervention: "works a council chose: its own record, which may cite a process without changing it",
  updateIntervention: "the same works record",
  registerParticipant: "a citizen's own data",
  correctMyData: "a citizen's own data",
  eraseMe: "a citizen's own data",
};

describe("imported records are read-only", () => {
  it("every mutation of the subgraph is listed", async () => {
    const { data } = await gql(system.subgraphs.participation.url, `{ __schema { mutationType { fields { name } } } }`);
    const names = data.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort();
    expect(names).toEqual([...Object.keys(ON_PROCESS_OR_PROPOSAL), ...Object.keys(ELSEWHERE)].sort());
  });

  it.each(Object.keys(ON_PROCESS_OR_PROPOSAL))("%s on an imported record is RECORD_IMMUTABLE, saying writes go to Decidim", async (name) => {
    const { token, input, inputType } = ON_PROCESS_OR_PROPOSAL[name]();
    const res = await gql(system.gatewayUrl, `mutation($i: ${inputType}!) { ${name}(input: $i) { __typename } }`, { i: input }, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe("RECORD_IMMUTABLE");
    expect(res.errors?.[0]?.message).toMatch(/imported from Decide Contagem \(Decidim, https:\/\/decidim\.contagem\.mg\.gov\.br\/processes\/.+\).*make the change on Decidim/);
  });

  it("left the imported records as Decidim has them", async () => {
    const { data } = await gql(system.gatewayUrl, `query($id: ID!) { proposal(id: $id) { title status version supporterCount contributions(first: 5) { totalCount } } }`, { id: ids.proposal });
    expect(data.proposal).toEqual({ title: "Proposta 101: ciclovia na Avenida João César de Oliveira", status: "PUBLISHED", version: ids.proposalVersion, supporterCount: 12, contributions: { totalCount: 0 } });
    const process = await gql(system.gatewayUrl, `query($id: ID!) { process(id: $id) { title version proposalCount } }`, { id: ids.consultation });
    expect(process.data.process).toEqual({ title: "Plano de Mobilidade", version: ids.consultationVersion, proposalCount: 4 });
  });
});
