import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { adminToken, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CouncilWorld } from "../../meetings/src/meetings.fixtures";
import { participation } from "./definition";
import { call, citizen, openVote, staffToken } from "./participation.fixtures";

/** Statement counts, summed over the subgraphs a request reaches, are the same for pages of 5 and 50. */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  const url = system.gatewayUrl;
  const staff = await staffToken();
  const { territories } = await call(url, `{ territories(first: 20) { edges { node { id } } } }`, {});
  const { councils: list } = await call(url, `{ councils(first: 50, filter: { kind: REGIONAL }) { edges { node { id } } } }`, {});
  const voter = await citizen(url, "batch-voter", { fullName: "Votante em Lote", email: "lote@example.org", birthDate: "1980-01-01", territoryId: territories.edges[0].node.id });
  const admin = await adminToken();
  // 52 processes, each with a council, a territory, a linked meeting (with a citizen present and a published comment),
  // options, a ballot and a published comment on an option.
  for (let i = 0; i < 52; i++) {
    const council = list.edges[i % list.edges.length].node.id;
    const territory = territories.edges[i % territories.edges.length].node.id;
    const { scheduleMeeting } = await call(url, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
      i: { councilId: council, type: "TERRITORIAL_PLENARY", modality: "IN_PERSON", place: "Escola", startsAt: new Date(Date.now() + (i + 1) * 86_400_000).toISOString() },
    }, admin);
    await call(url, `mutation($i: RecordPresenceInput!) { recordPresence(input: $i) { meeting { id } } }`, { i: { meetingId: scheduleMeeting.meeting.id } }, voter);
    const spoken = await call(url, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, { i: { meetingId: scheduleMeeting.meeting.id, body: `Fala na plenária ${i}` } }, voter);
    await call(url, `mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
      i: { contributionId: spoken.contribute.contribution.id, expectedVersion: spoken.contribute.contribution.version, status: "PUBLISHED" },
    }, staff);
    const vote = await openVote(url, 2, { councilId: council, territoryId: territory, meetingIds: [scheduleMeeting.meeting.id] });
    await call(url, `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, { i: { processId: vote.processId, proposalIds: [vote.optionIds[0]] } }, voter);
    const { contribute } = await call(url, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, { i: { proposalId: vote.optionIds[0], body: `Comentário ${i}` } }, voter);
    await call(url, `mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
      i: { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status: "PUBLISHED" },
    }, staff);
    if (i < 10) {
      await call(url, `mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id } } }`, {
        i: { councilId: council, territoryId: territory, processId: vote.processId, title: `Obra ${i}`, estimatedCost: 1000 * (i + 1), year: 2026, milestones: [{ title: "Licitação" }] },
      }, staff);
    }
  }
  // Held meetings of two regional councils, each deciding two works in a deliberation (works shaped as the others).
  for (const slug of ["conselho-regional-sede", "conselho-regional-eldorado"]) {
    const world = await new CouncilWorld(url, slug).setup();
    const budget = await openVote(url, 0, { kind: "REGIONAL_WORKS_BUDGET", councilId: world.councilId });
    for (let i = 0; i < 6; i++) {
      const meeting = await world.heldMeeting();
      const { recordDeliberation } = await world.call(`mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id } } }`, {
        i: { meetingId: meeting.id, agendaItemId: meeting.agenda[0].id, text: "Escolha das obras", votesFor: 3, votesAgainst: 0, abstentions: 0 },
      });
      for (const title of ["Praça", "Quadra"]) {
        await call(url, `mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id } } }`, {
          i: {
            councilId: world.councilId, territoryId: territories.edges[0].node.id, processId: budget.processId, deliberationId: recordDeliberation.deliberation.id,
            title: `${title} ${slug} ${i}`, estimatedCost: 5000, year: 2026, milestones: [{ title: "Licitação" }],
          },
        }, staff);
      }
    }
  }
}, 180_000);
afterAll(() => system.stop());

async function statements(query: string, n: number) {
  const subgraphs = Object.values(system.subgraphs);
  subgraphs.forEach((s) => s.sql.reset());
  const res = await gql(system.gatewayUrl, query, { n });
  expect(res.errors).toBeUndefined();
  return { total: subgraphs.reduce((sum, s) => sum + s.sql.count, 0), data: res.data };
}

describe("batching (participation)", () => {
  it.each([
    ["50 processes with their council, territory and proposal counts",
      `query($n: Int) { processes(first: $n) { edges { node { title proposalCount council { name acronym } territory { name } } } } }`],
    ["processes with phases, meetings, results, options, authors and comments",
      `query($n: Int) { processes(first: $n) { totalCount edges { node { phases { kind } currentPhase { kind } meetings { id type }
        results { ballots options { votes option { title } } } candidacies { displayName }
        proposals(first: 5) { totalCount edges { node { supporterCount author { displayName } territory { name } process { id }
          contributions(first: 3) { totalCount edges { node { body author { displayName } proposal { id } meeting { id } } } } } } } } } } }`],
    ["processes with their proposals and comments paged backward",
      `query($n: Int) { processes(first: $n) { pageInfo { hasPreviousPage hasNextPage } edges { node { title
        proposals(last: 5) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { supporterCount author { displayName }
          contributions(last: 3) { totalCount pageInfo { hasPreviousPage hasNextPage } edges { node { body author { displayName } } } } } } } } } } }`],
    ["councils with their processes and works paged backward",
      `query($n: Int) { councils(last: $n) { edges { node { processes(last: 3) { totalCount pageInfo { hasPreviousPage } edges { node { title } } }
        interventions(last: 3) { totalCount pageInfo { hasPreviousPage } edges { node { title } } } } } } }`],
    ["a search of proposals with their process, author and comments",
      `query($n: Int) { searchProposals(query: "compromisso", first: $n) { totalCount edges { node { rank excerpt proposal { title supporterCount
        author { displayName } process { title council { name } } contributions(first: 2) { totalCount edges { node { body } } } } } } } }`],
    ["works with council, territory, process and milestones",
      `query($n: Int) { interventions(first: $n) { edges { node { title council { name } territory { name } process { title } milestones { title } } } } }`],
    ["councils with their processes, works and participation figures",
      `query($n: Int) { councils(first: $n) { edges { node { processes(first: 3) { totalCount edges { node { title } } } interventions(first: 3) { totalCount edges { node { title } } }
        participation(groupBy: [KIND]) { kind participants suppressed } } } } }`],
    ["territories with their processes and figures",
      `query($n: Int) { territories(first: $n) { edges { node { processes(first: 2) { totalCount } interventions(first: 2) { totalCount } participation(groupBy: [CHANNEL]) { participants } } } } }`],
    ["held meetings with the works their deliberations decided",
      `query($n: Int) { meetings(first: $n, filter: { status: HELD }) { edges { node { deliberations { interventions(first: 2) { totalCount edges { node { title council { name } milestones { title } } } } } } } } }`],
  ])("%s cost the same for 5 and 50", async (_name, query) => {
    const five = await statements(query, 5);
    const fifty = await statements(query, 50);
    expect(fifty.total).toBe(five.total);
  });

  it("meetings with their citizens' comments and attendance cost the same for 5 and 50", async () => {
    const query = `query($n: Int) { meetings(first: $n) { edges { node { citizenAttendance contributions(first: 5) { totalCount edges { node { body author { displayName } } } } } } } }`;
    const five = await statements(query, 5);
    const fifty = await statements(query, 50);
    expect(fifty.data.meetings.edges).toHaveLength(50);
    // One citizen at each meeting: the same person, so the same rounded figure (0 or 5, see ParticipationFigure).
    const attendance = new Set(fifty.data.meetings.edges.map((e: any) => e.node.citizenAttendance));
    expect(attendance.size === 1 && [0, 5].includes([...attendance][0] as number)).toBe(true);
    expect(fifty.data.meetings.edges.every((e: any) => e.node.contributions.totalCount === 1)).toBe(true);
    expect(fifty.total).toBe(five.total);
  });
});
