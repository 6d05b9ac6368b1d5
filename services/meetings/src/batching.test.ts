import { councils } from "@contagem/councils";
import { adminToken, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "./definition";
import { CouncilWorld, at } from "./meetings.fixtures";

/**
 * An N+1 query pattern is a defect: the SQL statements a request causes, summed over the subgraphs it reaches,
 * are the same for a page of 5 and a page of 50.
 */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  const admin = await adminToken();
  // 32 synthetic councils sort first by name ("Comissão…" < "Conselho…"); the first 10 get a full history whose
  // latest held meeting touches every path (approval item, votes, amended resolutions, its own draft minutes), so
  // that a page of 5 exercises every loader a page of 50 does.
  const slugs: string[] = [];
  for (let i = 0; i < 32; i++) {
    const res = await gql(system.gatewayUrl, `mutation($i: CreateCouncilInput!) { createCouncil(input: $i) { council { slug } } }`, {
      i: { name: `Comissão Sintética ${String(i).padStart(2, "0")}`, kind: "COMMISSION" },
    }, { token: admin });
    slugs.push(res.data.createCouncil.council.slug);
  }
  for (const slug of slugs.slice(0, 10)) {
    const world = await new CouncilWorld(system.gatewayUrl, slug).setup(2);
    await world.publishedMinutes("Ata da reunião ordinária: o conselho deliberou sobre o orçamento.");
    const previous = await world.publishedMinutes("Ata: aprovadas as contas do exercício.");
    const held = await world.heldMeeting([
      { kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata anterior", minutesId: previous.id },
      { kind: "DELIBERATION", title: "Regimento" },
    ]);
    const { recordDeliberation } = await world.call(`mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id } } }`, {
      i: { meetingId: held.id, agendaItemId: held.agenda[1].id, text: "Aprovado o regimento", votesFor: 2, votesAgainst: 0, abstentions: 0,
        votes: world.mandates.map((m) => ({ mandateId: m, choice: "FOR" })) },
    });
    const { adoptResolution } = await world.call(`mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id version } } }`, {
      i: { meetingId: held.id, deliberationId: recordDeliberation.deliberation.id, summary: "Aprova o regimento interno", body: "Art. 1º ..." },
    });
    await world.call(`mutation($i: ChangeResolutionInput!) { amendResolution(input: $i) { resolution { id } } }`, {
      i: { resolutionId: adoptResolution.resolution.id, expectedVersion: adoptResolution.resolution.version, meetingId: held.id, summary: "Altera o regimento", body: "Art. 2º ..." },
    });
    await world.draft(held.id, "Ata em elaboração");
    for (const days of [15, 45]) {
      await world.call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
        i: { councilId: world.councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: at(days), agenda: [{ kind: "INFORMATIVE", title: "Informes" }] },
      });
    }
  }
}, 180_000);
afterAll(() => system.stop());

/** Statements run by every subgraph while the gateway answers `query`. */
async function statements(query: string, variables: Record<string, unknown>, token?: string) {
  const subgraphs = Object.values(system.subgraphs);
  subgraphs.forEach((s) => s.sql.reset());
  const res = await gql(system.gatewayUrl, query, variables, { token });
  expect(res.errors).toBeUndefined();
  if (process.env.DEBUG_SQL) console.log(subgraphs.map((s) => s.sql.statements.map((q) => q.slice(0, 140)).join("\n")).join("\n---\n"));
  return { total: subgraphs.reduce((sum, s) => sum + s.sql.count, 0), statements: subgraphs.flatMap((s) => s.sql.statements.map((q) => `${s.name}: ${q.slice(0, 200)}`)), data: res.data };
}

const COUNCILS_OVERVIEW = `query($n: Int) { councils(first: $n) { edges { node { slug
  nextMeeting { id sequenceLabel agenda { title } }
  minutes(first: 1) { edges { node { label currentVersion { sha256 } } } }
  meetings(first: 3) { totalCount edges { node { id status } } }
  resolutions(first: 3) { totalCount edges { node { label status amendedBy { id } } } } } } } }`;

const COUNCILS_BACKWARD = `query($n: Int, $oldest: String, $newestMinutes: String) { councils(first: $n) { edges { node { slug
  meetings(last: 2, before: $oldest) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { id status } } }
  minutes(first: 1, after: $newestMinutes) { pageInfo { hasPreviousPage hasNextPage } edges { node { label } } }
  resolutions(last: 2) { totalCount pageInfo { hasPreviousPage hasNextPage } edges { node { label } } } } } } }`;

const MEETINGS_DEEP = `query($n: Int) { meetings(first: $n, filter: { status: HELD }) { totalCount edges { node { id council { id }
  agenda { kind deliberations { votes { choice mandate { id } } } minutes { id } }
  attendance { status mandate { id } } quorum { achieved }
  deliberations { outcome agendaItem { id } meeting { id } }
  minutes { label versions { number } meeting { id } }
  resolutions { label amends { id } revokes { id } revokedBy { id } amendedBy { id } deliberation { id } meeting { id } } } } } }`;

describe("batching across subgraphs", () => {
  it("50 councils with their next meeting and latest published minutes cost what 5 cost", async () => {
    const five = await statements(COUNCILS_OVERVIEW, { n: 5 });
    const fifty = await statements(COUNCILS_OVERVIEW, { n: 50 });
    expect(five.data.councils.edges[0].node.nextMeeting).not.toBeNull();
    expect(five.data.councils.edges[0].node.minutes.edges).toHaveLength(1);
    expect(fifty.data.councils.edges).toHaveLength(50);
    expect(fifty.total).toBe(five.total);
  });

  it("nested pages backward (last/before), with both pageInfo flags, cost for 50 councils what they cost for 5", async () => {
    // Cursors of the first council's lists: its oldest meeting and its newest minutes, used on every council.
    const { data } = await statements(`{ councils(first: 1) { edges { node { meetings(last: 1) { pageInfo { startCursor } }
      minutes(first: 1) { pageInfo { endCursor } } } } } }`, {});
    const { meetings, minutes } = data.councils.edges[0].node;
    const variables = { oldest: meetings.pageInfo.startCursor, newestMinutes: minutes.pageInfo.endCursor };
    const five = await statements(COUNCILS_BACKWARD, { ...variables, n: 5 });
    const fifty = await statements(COUNCILS_BACKWARD, { ...variables, n: 50 });
    const first = five.data.councils.edges[0].node;
    // Its two meetings just newer than the oldest, in the list's order (newest first); the oldest follows them.
    expect(first.meetings.edges).toHaveLength(2);
    expect(first.meetings.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(first.minutes.pageInfo).toMatchObject({ hasPreviousPage: true });
    expect(first.resolutions.pageInfo).toMatchObject({ hasNextPage: false });
    expect(fifty.data.councils.edges).toHaveLength(50);
    expect(fifty.total).toBe(five.total);
  });

  it("a deep page of meetings costs the same for 5 and 50 meetings", async () => {
    const admin = await adminToken(); // sees the draft minutes too, so every path is taken
    let five = await statements(MEETINGS_DEEP, { n: 5 }, admin);
    let fifty = await statements(MEETINGS_DEEP, { n: 50 }, admin);
    if (five.total !== fifty.total) {
      // Seen once in a loaded CI run (14 statements for 5, 13 for 50), never reproduced: say which statements differed,
      // then measure once more (a token's requests are never cached). An N+1 grows with the page every time.
      console.warn(`deep page: ${five.total} statements for 5, ${fifty.total} for 50:\n${five.statements.join("\n")}\n---\n${fifty.statements.join("\n")}`);
      five = await statements(MEETINGS_DEEP, { n: 5 }, admin);
      fifty = await statements(MEETINGS_DEEP, { n: 50 }, admin);
    }
    const first = five.data.meetings.edges[0].node;
    expect(first.deliberations[0].outcome).toBe("APPROVED");
    expect(first.minutes.versions).toHaveLength(1);
    expect(first.agenda[0].minutes).not.toBeNull();
    expect(fifty.data.meetings.edges).toHaveLength(50);
    expect(fifty.total).toBe(five.total);
  });

  it("each member's record (attendance counts and rate, attendance entries, nominal votes) costs for 50 councils what it costs for 5", async () => {
    const query = `query($n: Int) { councils(first: $n) { edges { node { slug currentTerm { seats { mandates {
      person { displayName } attendanceRecord { recorded present absent justified substituted satInFor rate }
      attendance(first: 2) { totalCount edges { node { status meeting { sequenceLabel startsAt } } } }
      votes(first: 2) { totalCount edges { node { choice deliberation { text outcome } } } } } } } } } } }`;
    const five = await statements(query, { n: 5 });
    const fifty = await statements(query, { n: 50 });
    const mandate = five.data.councils.edges[0].node.currentTerm.seats[0].mandates[0];
    const record = mandate.attendanceRecord;
    expect(record.recorded).toBeGreaterThan(0);
    expect(record.recorded).toBe(mandate.attendance.totalCount);
    expect(record.present + record.absent + record.justified + record.substituted).toBe(record.recorded);
    expect(record.rate).toBeCloseTo(record.present / record.recorded, 3);
    expect(mandate.attendance.edges[0].node.meeting.sequenceLabel).toMatch(/Reunião/);
    expect(mandate.votes.edges[0].node).toEqual({ choice: "FOR", deliberation: { text: "Aprovado o regimento", outcome: "APPROVED" } });
    expect(fifty.data.councils.edges).toHaveLength(50);
    expect(fifty.total).toBe(five.total);
  });

  it("search costs the same for 5 and 50 hits", async () => {
    const query = `query($n: Int) { searchMinutes(query: "ata", first: $n) { totalCount edges { node { excerpt minutes { label council { id } meeting { id } } } } } }`;
    const five = await statements(query, { n: 5 });
    const fifty = await statements(query, { n: 50 });
    expect(five.data.searchMinutes.totalCount).toBeGreaterThan(5);
    expect(fifty.total).toBe(five.total);
  });

  it("resolution search costs the same for 5 and 20 hits, documents and excerpts included", async () => {
    const query = `query($n: Int) { searchResolutions(query: "regimento", first: $n) { totalCount edges { node { rank excerpt document { id } resolution { label status council { id } meeting { id } } } } } }`;
    const five = await statements(query, { n: 5 });
    const twenty = await statements(query, { n: 20 });
    expect(twenty.data.searchResolutions.totalCount).toBe(20);
    expect(twenty.data.searchResolutions.edges).toHaveLength(20);
    expect(twenty.total).toBe(five.total);
  });
});
