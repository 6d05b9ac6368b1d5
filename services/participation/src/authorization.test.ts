import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import {
  actorToken,
  adminToken,
  freshUntilUsed,
  gql,
  hiddenAndUnknown,
  runMatrix,
  startSystem,
  uncoveredMutations,
  type Actor,
  type Councils,
  type MatrixRow,
  type RunningSystem,
} from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "./definition";
import { call, citizen, openVote, staffToken } from "./participation.fixtures";

/** The issue-3 matrix extended to every mutation of the participation subgraph. */
let system: RunningSystem;
let policy: Councils;
let regional: Councils;
let citizenOfMatrix: string;
let staff: string;

beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  const read = await gql(system.gatewayUrl, `{ a: council(slug: "compur") { id slug } b: council(slug: "cmsc") { id slug } r: council(slug: "conselho-regional-sede") { id slug } }`);
  policy = { a: read.data.a, b: read.data.b };
  regional = { a: read.data.r, b: read.data.b };
  citizenOfMatrix = (await actorToken("CITIZEN", policy))!;
  staff = await staffToken();
});
afterAll(() => system.stop());

type Outcomes = Record<Actor, "ok" | "FORBIDDEN" | "UNAUTHENTICATED">;
const CITIZEN_ONLY: Outcomes = { anonymous: "UNAUTHENTICATED", CITIZEN: "ok", SECRETARY_A: "FORBIDDEN", SECRETARY_B: "FORBIDDEN", STAFF: "FORBIDDEN", ADMIN: "FORBIDDEN" };
const STAFF_ONLY: Outcomes = { anonymous: "UNAUTHENTICATED", CITIZEN: "FORBIDDEN", SECRETARY_A: "FORBIDDEN", SECRETARY_B: "FORBIDDEN", STAFF: "ok", ADMIN: "ok" };
const REGIONAL_WORKS: Outcomes = { anonymous: "UNAUTHENTICATED", CITIZEN: "FORBIDDEN", SECRETARY_A: "ok", SECRETARY_B: "FORBIDDEN", STAFF: "ok", ADMIN: "ok" };
/** The citizen who wrote the proposal, STAFF and ADMIN; on another citizen's proposal, STAFF and ADMIN only. */
const AUTHOR_OR_STAFF: Outcomes = { ...STAFF_ONLY, CITIZEN: "ok" };

const row = (operation: string, document: string, expected: Outcomes, prepare: () => Promise<Record<string, unknown>>): MatrixRow => ({
  operation,
  document,
  expected,
  ...freshUntilUsed(async () => ({ i: await prepare() })),
});

let n = 0;
const meeting = async () =>
  (await call(system.gatewayUrl, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
    i: { councilId: policy.a.id, type: "PUBLIC_HEARING", modality: "IN_PERSON", place: "Câmara", startsAt: new Date(Date.now() + (n++ + 1) * 86_400_000).toISOString() },
  }, await adminToken())).scheduleMeeting.meeting.id;
const myVersion = async () => (await call(system.gatewayUrl, `{ me { personalData { version } } }`, {}, citizenOfMatrix)).me.personalData.version;
const candidacy = async (processId: string) =>
  (await call(system.gatewayUrl, `mutation($i: RecordCandidacyInput!) { recordCandidacy(input: $i) { candidacy { id } } }`, { i: { processId, displayName: `Candidata ${n++}` } }, staff)).recordCandidacy.candidacy.id;
const election = async () =>
  (await call(system.gatewayUrl, `mutation($i: CreateProcessInput!) { createProcess(input: $i) { process { id version } } }`, {
    i: { kind: "COUNCIL_ELECTION", title: "Eleição do conselho regional", description: "Eleição de conselheiros.", councilId: regional.a.id },
  }, staff)).createProcess.process;
const proposalBy = async (token: string) =>
  (await call(system.gatewayUrl, `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id version } } }`, {
    i: { processId: (await openVote(system.gatewayUrl, 0)).processId, title: "Proposta a retirar", body: "Texto da proposta" },
  }, token)).submitProposal.proposal;
let otherAuthor: Promise<string> | undefined;
/** An option of an OPEN process whose every phase has ended: ready for STAFF's decision. */
const decidable = async () => {
  const ended = { startsAt: new Date(Date.now() - 48 * 3_600_000).toISOString(), endsAt: new Date(Date.now() - 24 * 3_600_000).toISOString() };
  const { createProcess } = await call(system.gatewayUrl, `mutation($i: CreateProcessInput!) { createProcess(input: $i) { process { id } } }`, {
    i: { kind: "PRIORITIZATION_VOTE", title: "Votação encerrada", description: "Votação já apurada.", status: "OPEN", phases: [{ kind: "VOTING", title: "Votação", ...ended }] },
  }, staff);
  return (await call(system.gatewayUrl, `mutation($i: CreateProposalOptionInput!) { createProposalOption(input: $i) { proposal { id version } } }`, {
    i: { processId: createProcess.process.id, title: "Compromisso apurado", body: "Texto do compromisso" },
  }, staff)).createProposalOption.proposal;
};
const intervention = async () =>
  (await call(system.gatewayUrl, `mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id version } } }`, {
    i: { councilId: regional.a.id, title: "Pavimentação da rua", estimatedCost: 250000, year: 2026 },
  }, staff)).createIntervention.intervention;

const citizenRows: MatrixRow[] = [
  row("registerParticipant", `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`, CITIZEN_ONLY, async () => ({
    fullName: "Cidadã da Matriz", email: "matriz@example.org", birthDate: "1988-08-08",
  })),
  row("correctMyData", `mutation($i: CorrectMyDataInput!) { correctMyData(input: $i) { personalData { id } } }`, CITIZEN_ONLY, async () => ({
    expectedVersion: await myVersion(), neighborhood: `Bairro ${n++}`,
  })),
  row("submitProposal", `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id } } }`, CITIZEN_ONLY, async () => ({
    processId: (await openVote(system.gatewayUrl, 1)).processId, title: "Proposta da matriz", body: "Texto",
  })),
  row("supportProposal", `mutation($i: SupportProposalInput!) { supportProposal(input: $i) { proposal { id } } }`, CITIZEN_ONLY, async () => ({
    proposalId: (await openVote(system.gatewayUrl, 1)).optionIds[0],
  })),
  row("castBallot", `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, CITIZEN_ONLY, async () => {
    const vote = await openVote(system.gatewayUrl, 2);
    return { processId: vote.processId, proposalIds: [vote.optionIds[0]] };
  }),
  row("contribute", `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id } } }`, CITIZEN_ONLY, async () => ({
    meetingId: await meeting(), body: "Comentário da matriz",
  })),
  row("recordPresence", `mutation($i: RecordPresenceInput!) { recordPresence(input: $i) { meeting { id } } }`, CITIZEN_ONLY, async () => ({ meetingId: await meeting() })),
];

const staffRows: MatrixRow[] = [
  row("createProcess", `mutation($i: CreateProcessInput!) { createProcess(input: $i) { process { id } } }`, STAFF_ONLY, async () => ({
    kind: "PUBLIC_CONSULTATION", title: "Consulta da matriz", description: "Descrição",
  })),
  row("updateProcess", `mutation($i: UpdateProcessInput!) { updateProcess(input: $i) { process { id } } }`, STAFF_ONLY, async () => {
    const vote = await openVote(system.gatewayUrl, 1);
    return { id: vote.processId, expectedVersion: vote.version, status: "CLOSED" };
  }),
  row("createProposalOption", `mutation($i: CreateProposalOptionInput!) { createProposalOption(input: $i) { proposal { id } } }`, STAFF_ONLY, async () => ({
    processId: (await openVote(system.gatewayUrl, 0)).processId, title: "Opção da matriz", body: "Texto",
  })),
  row("moderateContribution", `mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, STAFF_ONLY, async () => {
    const { contribute } = await call(system.gatewayUrl, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, { i: { meetingId: await meeting(), body: "Para moderar" } }, citizenOfMatrix);
    return { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status: "PUBLISHED" };
  }),
  row("createIntervention", `mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id } } }`, STAFF_ONLY, async () => ({
    councilId: regional.a.id, title: "Reforma da praça", estimatedCost: 120000.5, year: 2026, location: { name: "Praça do bairro", point: { type: "Point", coordinates: [-45, -20] } },
  })),
  row("recordCandidacy", `mutation($i: RecordCandidacyInput!) { recordCandidacy(input: $i) { candidacy { id } } }`, STAFF_ONLY, async () => ({
    processId: (await election()).id, displayName: "Candidato da Matriz",
  })),
  row("recordElectionResults", `mutation($i: RecordElectionResultsInput!) { recordElectionResults(input: $i) { process { id } } }`, STAFF_ONLY, async () => {
    const process = await election();
    return { processId: process.id, expectedVersion: process.version, results: [{ candidacyId: await candidacy(process.id), votes: 42, elected: true }] };
  }),
  row("withdrawProposal (the matrix citizen's own proposal)", `mutation($i: WithdrawProposalInput!) { withdrawProposal(input: $i) { proposal { id } } }`, AUTHOR_OR_STAFF, async () => {
    const proposal = await proposalBy(citizenOfMatrix);
    return { proposalId: proposal.id, expectedVersion: proposal.version, reason: "Proposta duplicada" };
  }),
  row("withdrawProposal (another citizen's proposal)", `mutation($i: WithdrawProposalInput!) { withdrawProposal(input: $i) { proposal { id } } }`, STAFF_ONLY, async () => {
    otherAuthor ??= citizen(system.gatewayUrl, "autora-da-matriz", { fullName: "Autora da Matriz", email: "autora@example.org", birthDate: "1980-02-02" });
    const proposal = await proposalBy(await otherAuthor);
    return { proposalId: proposal.id, expectedVersion: proposal.version, reason: "Fora do escopo do processo" };
  }),
  row("decideProposal", `mutation($i: DecideProposalInput!) { decideProposal(input: $i) { proposal { id } } }`, STAFF_ONLY, async () => {
    const proposal = await decidable();
    return { proposalId: proposal.id, expectedVersion: proposal.version, decision: "SELECTED", reason: "Mais votado" };
  }),
];

const regionalRows: MatrixRow[] = [
  row("updateIntervention", `mutation($i: UpdateInterventionInput!) { updateIntervention(input: $i) { intervention { id } } }`, REGIONAL_WORKS, async () => {
    const works = await intervention();
    return { id: works.id, expectedVersion: works.version, progress: 40, status: "IN_PROGRESS", location: { address: { streetAddress: "Rua Dois, s/n", postalCode: "32000-000" } } };
  }),
];
const erasureRows = [row("eraseMe", `mutation($i: EraseMeInput!) { eraseMe(input: $i) { erasedAt } }`, CITIZEN_ONLY, async () => ({ confirm: "ERASE" }))];

describe("authorization matrix (participation)", () => {
  it("gives each actor exactly the expected outcome for every citizen and staff mutation", async () => {
    const { observed, expected } = await runMatrix(system.gatewayUrl, [...citizenRows, ...staffRows], policy);
    expect(observed).toEqual(expected);
  }, 120_000);

  it("lets the regional council's own secretary update its works, and no other secretary", async () => {
    const { observed, expected } = await runMatrix(system.gatewayUrl, regionalRows, regional);
    expect(observed).toEqual(expected);
  });

  it("lets a citizen erase only themself", async () => {
    const { observed, expected } = await runMatrix(system.gatewayUrl, erasureRows, policy);
    expect(observed).toEqual(expected);
  });

  it("has a row for every mutation of the subgraph", async () => {
    const operations = [...citizenRows, ...staffRows, ...regionalRows, ...erasureRows].map((r) => r.operation);
    expect(await uncoveredMutations(system.subgraphs.participation.url, operations)).toEqual([]);
  });

  it("answers moderation of unpublished contributions, to whoever may not see them, exactly as an unknown id", async () => {
    const author = await citizen(system.gatewayUrl, "autora-oculta", { fullName: "Autora Oculta", email: "oculta@example.org", birthDate: "1990-01-01" });
    const contribute = async () =>
      (await call(system.gatewayUrl, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, { i: { meetingId: await meeting(), body: "Comentário oculto" } }, author)).contribute.contribution;
    const pending = await contribute();
    const hidden = await contribute();
    await call(system.gatewayUrl, `mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
      i: { contributionId: hidden.id, expectedVersion: hidden.version, status: "HIDDEN", reason: "Fora do tema" },
    }, staff);
    // Only STAFF and ADMIN see them (and moderate); every other role is refused by its role, before any record is read.
    for (const id of [pending.id, hidden.id]) {
      for (const actor of ["anonymous", "CITIZEN", "SECRETARY_A", "SECRETARY_B"] as Actor[]) {
        const answers = await hiddenAndUnknown(system.gatewayUrl, "contributionId", { hidden: id, unknown: "987654" }, { token: await actorToken(actor, policy) });
        expect(Object.keys(answers)).toEqual(["moderateContribution"]);
        for (const [mutation, answer] of Object.entries(answers)) expect({ mutation, actor, ...answer.hidden }).toEqual({ mutation, actor, ...answer.unknown });
      }
    }
  });
});
