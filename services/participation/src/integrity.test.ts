import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { adminToken, refusalsOf, gql, mintToken, requestsTo, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CouncilWorld } from "../../meetings/src/meetings.fixtures";
import { participation } from "./definition";
import { call, citizen, openVote, staffToken } from "./participation.fixtures";

/**
 * Issue 10, §2 on the participation subgraph: every id of another subgraph's record is asked of its owner before the
 * write's transaction (unknown: BAD_USER_INPUT naming the field, one request per peer), and a council's processes and
 * works name only that council's meetings, processes and deliberations (FORBIDDEN). Works are reachable from the
 * deliberation that decided them.
 */
let system: RunningSystem;
let staff: string;
let admin: string;
let sede: CouncilWorld;
let eldorado: CouncilWorld;
let territoryId: string;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  staff = await staffToken();
  admin = await adminToken();
  sede = await new CouncilWorld(system.gatewayUrl, "conselho-regional-sede").setup();
  eldorado = await new CouncilWorld(system.gatewayUrl, "conselho-regional-eldorado").setup();
  territoryId = (await call(system.gatewayUrl, `{ territory(code: "SEDE") { id } }`, {})).territory.id;
});
afterAll(() => system.stop());

const as = (token: string, query: string, input: Record<string, unknown>, url = system.gatewayUrl) => gql(url, query, { i: input }, { token });
const M = {
  createProcess: `mutation($i: CreateProcessInput!) { createProcess(input: $i) { process { id version territory { id } } } }`,
  updateProcess: `mutation($i: UpdateProcessInput!) { updateProcess(input: $i) { process { id } } }`,
  createIntervention: `mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id version deliberation { id } } } }`,
  updateIntervention: `mutation($i: UpdateInterventionInput!) { updateIntervention(input: $i) { intervention { id deliberation { id } } } }`,
  submitProposal: `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id } } }`,
  createProposalOption: `mutation($i: CreateProposalOptionInput!) { createProposalOption(input: $i) { proposal { id } } }`,
  registerParticipant: `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`,
  correctMyData: `mutation($i: CorrectMyDataInput!) { correctMyData(input: $i) { personalData { id } } }`,
  recordCandidacy: `mutation($i: RecordCandidacyInput!) { recordCandidacy(input: $i) { candidacy { id } } }`,
  contribute: `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id } } }`,
  recordPresence: `mutation($i: RecordPresenceInput!) { recordPresence(input: $i) { meeting { id } } }`,
};
const consultation = { kind: "PUBLIC_CONSULTATION", title: "Consulta pública", description: "Consulta sobre as praças." };
const works = (world: CouncilWorld, extra: object = {}) => ({ councilId: world.councilId, title: "Reforma da praça", estimatedCost: 1000, year: 2026, ...extra });
let day = 10;
const meetingOf = async (world: CouncilWorld) =>
  (await call(system.gatewayUrl, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
    i: { councilId: world.councilId, type: "TERRITORIAL_PLENARY", modality: "IN_PERSON", place: "Escola", startsAt: new Date(Date.now() + day++ * 86_400_000).toISOString() },
  }, admin)).scheduleMeeting.meeting.id as string;
let lastMeeting = "";
/** A deliberation of the world's council, APPROVED unless it had more votes against; its meeting in `lastMeeting`. */
async function deliberation(world: CouncilWorld, votesFor = 3, votesAgainst = 0) {
  const meeting = await world.heldMeeting();
  lastMeeting = meeting.id;
  return (await world.call(`mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id } } }`, {
    i: { meetingId: meeting.id, agendaItemId: meeting.agenda[0].id, text: "Escolha das obras da regional", votesFor, votesAgainst, abstentions: 0 },
  })).recordDeliberation.deliberation.id as string;
}

describe("ids of other subgraphs' records", () => {
  it("STAFF createProcess(territoryId: 999999) is BAD_USER_INPUT (was stored, then read as { id } or null by selection)", async () => {
    const res = await as(staff, M.createProcess, { ...consultation, territoryId: "999999" });
    expect(refusalsOf(res)).toEqual([{ code: "BAD_USER_INPUT", field: "territoryId" }]);
    const ok = await as(staff, M.createProcess, { ...consultation, territoryId });
    expect(ok.data.createProcess.process.territory).toEqual({ id: territoryId });
  });

  it("STAFF createIntervention(processId: 999999) is BAD_USER_INPUT (was INTERNAL_SERVER_ERROR)", async () => {
    expect(refusalsOf(await as(staff, M.createIntervention, works(sede, { processId: "999999" })))).toEqual([{ code: "BAD_USER_INPUT", field: "processId" }]);
  });

  it("are checked on every write that takes one, naming the field", async () => {
    const vote = await openVote(system.gatewayUrl, 1);
    const works1 = (await as(staff, M.createIntervention, works(sede))).data.createIntervention.intervention;
    const election = (await as(staff, M.createProcess, { ...consultation, kind: "COUNCIL_ELECTION" })).data.createProcess.process;
    const voter = await citizen(system.gatewayUrl, "integridade-1", { fullName: "Cidadã Integridade", email: "integridade@example.org", birthDate: "1990-01-01" });
    const newcomer = await mintToken({ sub: "integridade-2", roles: ["CITIZEN"] });
    const meeting = await meetingOf(sede);
    const unknown = "999999";
    const cases: [string, string, Record<string, unknown>, string][] = [
      [staff, M.createProcess, { ...consultation, councilId: unknown }, "councilId"],
      [staff, M.createProcess, { ...consultation, meetingIds: [meeting, unknown] }, "meetingIds[1]"],
      [staff, M.updateProcess, { id: vote.processId, expectedVersion: vote.version, meetingIds: [unknown] }, "meetingIds[0]"],
      [staff, M.createIntervention, works(sede, { councilId: unknown }), "councilId"],
      [staff, M.createIntervention, works(sede, { territoryId: unknown }), "territoryId"],
      [staff, M.createIntervention, works(sede, { deliberationId: unknown }), "deliberationId"],
      [staff, M.updateIntervention, { id: works1.id, expectedVersion: works1.version, deliberationId: unknown }, "deliberationId"],
      [voter, M.submitProposal, { processId: vote.processId, title: "Proposta", body: "Texto da proposta", territoryId: unknown }, "territoryId"],
      [staff, M.createProposalOption, { processId: vote.processId, title: "Opção", body: "Texto da opção", territoryId: unknown }, "territoryId"],
      [newcomer, M.registerParticipant, { fullName: "Recém Chegada", email: "nova@example.org", birthDate: "1990-01-01", territoryId: unknown }, "territoryId"],
      [voter, M.correctMyData, { expectedVersion: 1, territoryId: unknown }, "territoryId"],
      [staff, M.recordCandidacy, { processId: election.id, displayName: "Candidata", territoryId: unknown }, "territoryId"],
      [voter, M.contribute, { meetingId: unknown, body: "Comentário" }, "meetingId"],
      [voter, M.recordPresence, { meetingId: unknown }, "meetingId"],
    ];
    const observed = [];
    for (const [token, query, input, field] of cases) observed.push({ query: query.slice(9, 40), field, refusal: refusalsOf(await as(token, query, input)) });
    expect(observed).toEqual(cases.map(([, query, , field]) => ({ query: query.slice(9, 40), field, refusal: [{ code: "BAD_USER_INPUT", field }] })));
  });

  it("cost one request per peer per write, whatever their number", async () => {
    const meetingIds: string[] = [];
    for (let i = 0; i < 5; i++) meetingIds.push(await meetingOf(sede));
    const { councils: councilsUrl, meetings: meetingsUrl, participation: here } = system.subgraphs;
    const asked = await requestsTo({ councils: councilsUrl.url, meetings: meetingsUrl.url }, async () => {
      const res = await as(staff, M.createProcess, { ...consultation, councilId: sede.councilId, territoryId, meetingIds }, here.url);
      expect(res.errors).toBeUndefined();
    });
    expect(asked).toEqual({ councils: 1, meetings: 1 });
  });
});

describe("a council's processes and works name only that council's records", () => {
  it("B's works are not linked to A's deliberation, by STAFF or by B's secretary (was accepted)", async () => {
    const ofSede = await deliberation(sede);
    expect(refusalsOf(await as(staff, M.createIntervention, works(eldorado, { deliberationId: ofSede })))).toEqual([{ code: "FORBIDDEN", field: "deliberationId" }]);
    const mine = (await as(staff, M.createIntervention, works(eldorado))).data.createIntervention.intervention;
    const link = (deliberationId: string) => as(eldorado.secretary, M.updateIntervention, { id: mine.id, expectedVersion: mine.version, deliberationId });
    expect(refusalsOf(await link(ofSede))).toEqual([{ code: "FORBIDDEN", field: "deliberationId" }]);
    expect(refusalsOf(await link(await deliberation(eldorado, 0, 3)))).toEqual([{ code: "CONFLICT", field: undefined }]);
    const ofEldorado = await deliberation(eldorado);
    expect((await link(ofEldorado)).data.updateIntervention.intervention.deliberation).toEqual({ id: ofEldorado });
  });

  it("works are reachable from the deliberation that decided them", async () => {
    const decided = await deliberation(sede);
    const titles = ["Praça do Centro", "Quadra do Bairro"];
    for (const title of titles) await as(staff, M.createIntervention, works(sede, { deliberationId: decided, title }));
    const read = await call(system.gatewayUrl, `query($m: ID!) { meeting(id: $m) { deliberations { id interventions(first: 10) { totalCount edges { node { title council { id } } } } } } }`, {
      m: lastMeeting,
    });
    const [mine] = read.meeting.deliberations;
    expect(mine.id).toBe(decided);
    expect(mine.interventions.totalCount).toBe(2);
    expect(mine.interventions.edges.map((e: any) => e.node.title).sort()).toEqual(titles);
    expect(mine.interventions.edges.every((e: any) => e.node.council.id === sede.councilId)).toBe(true);
  });

  it("a council's process links only its meetings, and works only their council's processes", async () => {
    const other = await meetingOf(eldorado);
    const res = await as(staff, M.createProcess, { ...consultation, councilId: sede.councilId, meetingIds: [await meetingOf(sede), other] });
    expect(refusalsOf(res)).toEqual([{ code: "FORBIDDEN", field: "meetingIds[1]" }]);
    const process = (await as(staff, M.createProcess, { ...consultation, councilId: sede.councilId })).data.createProcess.process;
    expect(refusalsOf(await as(staff, M.updateProcess, { id: process.id, expectedVersion: process.version, meetingIds: [other] }))).toEqual([
      { code: "FORBIDDEN", field: "meetingIds[0]" },
    ]);
    expect(refusalsOf(await as(staff, M.createIntervention, works(eldorado, { processId: process.id })))).toEqual([{ code: "FORBIDDEN", field: "processId" }]);
    // A process of no council may link any council's meetings.
    expect(refusalsOf(await as(staff, M.createProcess, { ...consultation, meetingIds: [other] }))).toBeUndefined();
  });
});
