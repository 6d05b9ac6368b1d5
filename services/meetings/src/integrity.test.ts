import { councils } from "@contagem/councils";
import { adminToken, refusalsOf, asSeen, codesOf, gql, requestsTo, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "./definition";
import { CouncilWorld, at } from "./meetings.fixtures";

/**
 * Issue 10, §2 and §3 on the meetings subgraph: ids of the councils subgraph's records are asked of it (unknown:
 * BAD_USER_INPUT naming the field), a council's records name only its own (FORBIDDEN; hidden minutes NOT_FOUND as
 * missing ones), vote counts fit the seats occupied, and approval approves only the minutes its item names. Every
 * case below was accepted before.
 */
let system: RunningSystem;
let a: CouncilWorld;
let b: CouncilWorld;
let admin: string;
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  a = await new CouncilWorld(system.gatewayUrl, "compur").setup();
  b = await new CouncilWorld(system.gatewayUrl, "cmsc").setup();
  admin = await adminToken();
});
afterAll(() => system.stop());

const M = {
  schedule: `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version agenda { kind minutes { id } } } } }`,
  update: `mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { id } } }`,
  convene: `mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { id status convenedBy { id } } } }`,
  attendance: `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id } } }`,
  deliberation: `mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id outcome } } }`,
  approve: `mutation($i: ApproveMinutesInput!) { approveMinutes(input: $i) { minutes { id status } } }`,
  adopt: `mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id version } } }`,
  revoke: `mutation($i: ChangeResolutionInput!) { revokeResolution(input: $i) { resolution { id } } }`,
};
const as = (token: string, query: string, input: Record<string, unknown>) => gql(system.gatewayUrl, query, { i: input }, { token });
let day = 40;
const meetingOf = (world: CouncilWorld, agenda: object[] = [{ kind: "INFORMATIVE", title: "Informes" }]) => ({
  councilId: world.councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: at(day++), agenda,
});
const scheduled = async (world: CouncilWorld) => (await world.call(M.schedule, { i: meetingOf(world) })).scheduleMeeting.meeting;
const deliberate = (world: CouncilWorld, meeting: { id: string; agenda: { id: string }[] }, extra: object = {}) =>
  as(world.secretary, M.deliberation, { meetingId: meeting.id, agendaItemId: meeting.agenda[0].id, text: "Aprovado", votesFor: 3, votesAgainst: 0, abstentions: 0, ...extra });

describe("ids of the councils subgraph's records", () => {
  it("are asked of it: an unknown territory, council, convener or member is BAD_USER_INPUT naming the field", async () => {
    expect(refusalsOf(await as(b.secretary, M.schedule, { ...meetingOf(b), territoryId: "999999" }))).toEqual([{ code: "BAD_USER_INPUT", field: "territoryId" }]);
    expect(refusalsOf(await as(admin, M.schedule, { ...meetingOf(b), councilId: "999999" }))).toEqual([{ code: "BAD_USER_INPUT", field: "councilId" }]);
    const { territory } = await b.call(`{ territory(code: "SEDE") { id } }`);
    expect(codesOf(await as(b.secretary, M.schedule, { ...meetingOf(b), territoryId: territory.id }))).toEqual([]);
    const meeting = await scheduled(b);
    expect(refusalsOf(await as(b.secretary, M.convene, { meetingId: meeting.id, expectedVersion: meeting.version, convenedByMandateId: "999999" }))).toEqual([
      { code: "BAD_USER_INPUT", field: "convenedByMandateId" },
    ]);
    const convened = await b.convenedMeeting();
    const entries = [{ mandateId: b.mandates[0], status: "PRESENT" }, { mandateId: "999999", status: "PRESENT" }];
    expect(refusalsOf(await as(b.secretary, M.attendance, { meetingId: convened.id, expectedVersion: convened.version, entries }))).toEqual([
      { code: "BAD_USER_INPUT", field: "entries[1].mandateId" },
    ]);
  });

  it("cost one request to the councils subgraph per write, whatever their number", async () => {
    const meeting = await b.heldMeeting();
    const votes = b.mandates.map((mandateId) => ({ mandateId, choice: "FOR" }));
    const asked = await requestsTo({ councils: system.subgraphs.councils.url }, async () => {
      const res = await gql(system.subgraphs.meetings.url, M.deliberation, {
        i: { meetingId: meeting.id, agendaItemId: meeting.agenda[0].id, text: "Aprovado por todos", votesFor: 3, votesAgainst: 0, abstentions: 0, votes },
      }, { token: b.secretary });
      expect(res.errors).toBeUndefined();
    });
    // The meeting's council and the three voters' mandates, in one `_entities` request.
    expect(asked).toEqual({ councils: 1 });
    // The council, the term in force on the meeting's date and every member listed; the council, territory and term.
    const convened = await b.convenedMeeting();
    const { territory } = await b.call(`{ territory(code: "SEDE") { id } }`);
    const writes = await requestsTo({ councils: system.subgraphs.councils.url }, async () => {
      const attendance = await gql(system.subgraphs.meetings.url, M.attendance, {
        i: { meetingId: convened.id, expectedVersion: convened.version, entries: b.mandates.map((mandateId) => ({ mandateId, status: "PRESENT" })) },
      }, { token: b.secretary });
      const scheduled = await gql(system.subgraphs.meetings.url, M.schedule, { i: { ...meetingOf(b), territoryId: territory.id } }, { token: b.secretary });
      expect([attendance.errors, scheduled.errors]).toEqual([undefined, undefined]);
    });
    expect(writes).toEqual({ councils: 2 });
  });
});

describe("a council's records name only that council's records", () => {
  it("B's meeting is not convened by A's president (was accepted: CONVENED)", async () => {
    const meeting = await scheduled(b);
    const input = { meetingId: meeting.id, expectedVersion: meeting.version, convenedByMandateId: a.mandates[0] };
    expect(refusalsOf(await as(b.secretary, M.convene, input))).toEqual([{ code: "FORBIDDEN", field: "convenedByMandateId" }]);
    expect(refusalsOf(await as(admin, M.convene, input))).toEqual([{ code: "FORBIDDEN", field: "convenedByMandateId" }]);
    const own = await as(b.secretary, M.convene, { ...input, convenedByMandateId: b.mandates[0] });
    expect(own.data.conveneMeeting.meeting).toEqual({ id: meeting.id, status: "CONVENED", convenedBy: { id: b.mandates[0] } });
  });

  it("B's agenda does not name A's minutes: drafts answer as unknown ids (NOT_FOUND), published ones FORBIDDEN (was accepted)", async () => {
    const draft = await a.draft((await a.heldMeeting()).id, "Rascunho da ata de A");
    const published = await a.publishedMinutes("Ata publicada de A");
    const naming = (minutesId: string) => ({ ...meetingOf(b, [{ kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata", minutesId }]) });
    const hidden = await as(b.secretary, M.schedule, naming(draft.id));
    const unknown = await as(b.secretary, M.schedule, naming("987654"));
    expect(refusalsOf(hidden)).toEqual([{ code: "NOT_FOUND", field: "agenda[0].minutesId" }]);
    expect(asSeen(hidden, draft.id)).toEqual(asSeen(unknown, "987654"));
    expect(refusalsOf(await as(b.secretary, M.schedule, naming(published.id)))).toEqual([{ code: "FORBIDDEN", field: "agenda[0].minutesId" }]);
    // ADMIN sees A's draft: it is another council's record, FORBIDDEN.
    expect(refusalsOf(await as(admin, M.schedule, naming(draft.id)))).toEqual([{ code: "FORBIDDEN", field: "agenda[0].minutesId" }]);
    const meeting = await scheduled(b);
    expect(refusalsOf(await as(b.secretary, M.update, { meetingId: meeting.id, expectedVersion: meeting.version, agenda: naming(published.id).agenda }))).toEqual([
      { code: "FORBIDDEN", field: "agenda[0].minutesId" },
    ]);
    const own = await b.draft((await b.heldMeeting()).id, "Ata de B");
    const informative = await as(b.secretary, M.schedule, { ...meetingOf(b, [{ kind: "INFORMATIVE", title: "Informes", minutesId: own.id }]) });
    expect(refusalsOf(informative)).toEqual([{ code: "BAD_USER_INPUT", field: "agenda[0].minutesId" }]);
    const ok = await as(b.secretary, M.schedule, naming(own.id));
    expect(ok.data.scheduleMeeting.meeting.agenda).toEqual([{ kind: "APPROVAL_OF_MINUTES", minutes: { id: own.id } }]);
  });

  it("B's attendance lists B's members only", async () => {
    const convened = await b.convenedMeeting();
    const entries = [...b.mandates.map((mandateId) => ({ mandateId, status: "PRESENT" })), { mandateId: a.mandates[0], status: "PRESENT" }];
    expect(refusalsOf(await as(b.secretary, M.attendance, { meetingId: convened.id, expectedVersion: convened.version, entries }))).toEqual([
      { code: "FORBIDDEN", field: "entries[3].mandateId" },
    ]);
  });

  it("B's deliberation decides B's agenda item, with B's members' votes", async () => {
    const mine = await b.heldMeeting();
    const theirs = await a.heldMeeting();
    expect(refusalsOf(await deliberate(b, { id: mine.id, agenda: theirs.agenda }))).toEqual([{ code: "FORBIDDEN", field: "agendaItemId" }]);
    const votes = [{ mandateId: b.mandates[0], choice: "FOR" }, { mandateId: a.mandates[0], choice: "FOR" }];
    expect(refusalsOf(await deliberate(b, mine, { votesFor: 2, votes }))).toEqual([{ code: "FORBIDDEN", field: "votes[1].mandateId" }]);
  });

  it("B's resolutions are adopted by B's deliberations and change B's resolutions only", async () => {
    const theirs = await a.heldMeeting();
    const decided = (await deliberate(a, theirs)).data.recordDeliberation.deliberation;
    const mine = await b.heldMeeting();
    const text = { summary: "Dispõe sobre o calendário", body: "Art. 1º ..." };
    expect(refusalsOf(await as(b.secretary, M.adopt, { meetingId: mine.id, deliberationId: decided.id, ...text }))).toEqual([{ code: "FORBIDDEN", field: "deliberationId" }]);
    const resolution = (await as(a.secretary, M.adopt, { meetingId: theirs.id, deliberationId: decided.id, ...text })).data.adoptResolution.resolution;
    const revoke = { meetingId: mine.id, resolutionId: resolution.id, expectedVersion: resolution.version, ...text };
    expect(refusalsOf(await as(b.secretary, M.revoke, revoke))).toEqual([{ code: "FORBIDDEN", field: "resolutionId" }]);
  });
});

describe("deliberations and approvals", () => {
  it("refuse more votes than seats occupied: 7 for, 2 against, 1 abstention with 3 present (was APPROVED)", async () => {
    const meeting = await b.heldMeeting();
    const res = await deliberate(b, meeting, { votesFor: 7, votesAgainst: 2, abstentions: 1 });
    expect(refusalsOf(res)).toEqual([{ code: "BAD_USER_INPUT", field: "votesFor" }]);
    expect(res.errors![0].extensions!.seatsOccupied).toBe(3);
    expect(codesOf(await deliberate(b, meeting, { votesFor: 2, votesAgainst: 1, abstentions: 0 }))).toEqual([]);
  });

  it("refuse nominal votes that disagree with the counts, or from a member who did not sit", async () => {
    const convened = await b.convenedMeeting();
    const entries = b.mandates.map((mandateId, i) => ({ mandateId, status: i === 2 ? "ABSENT" : "PRESENT" }));
    await b.call(M.attendance, { i: { meetingId: convened.id, expectedVersion: convened.version, entries } });
    const meeting = { id: convened.id, agenda: convened.agenda };
    const vote = (i: number, choice = "FOR") => ({ mandateId: b.mandates[i], choice });
    expect(refusalsOf(await deliberate(b, meeting, { votesFor: 2, votes: [vote(0), vote(1, "AGAINST")] }))).toEqual([{ code: "BAD_USER_INPUT", field: "votes" }]);
    expect(refusalsOf(await deliberate(b, meeting, { votesFor: 2, votes: [vote(0), vote(2)] }))).toEqual([{ code: "BAD_USER_INPUT", field: "votes[1].mandateId" }]);
    expect(refusalsOf(await deliberate(b, meeting, { votesFor: 2, votes: [vote(0), vote(0)] }))).toEqual([{ code: "BAD_USER_INPUT", field: "votes[1].mandateId" }]);
    expect(codesOf(await deliberate(b, meeting, { votesFor: 2, votes: [vote(0), vote(1)] }))).toEqual([]);
  });

  it("approve only the minutes the approval item names (was accepted for any minutes)", async () => {
    const named = await b.draft((await b.heldMeeting()).id, "Ata nomeada");
    const other = await b.draft((await b.heldMeeting()).id, "Outra ata");
    const approving = await b.heldMeeting([{ kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata", minutesId: named.id }]);
    expect(codesOf(await as(b.secretary, M.approve, { minutesId: other.id, expectedVersion: other.version, meetingId: approving.id }))).toEqual(["CONFLICT"]);
    const ok = await as(b.secretary, M.approve, { minutesId: named.id, expectedVersion: named.version, meetingId: approving.id });
    expect(ok.data.approveMinutes.minutes).toEqual({ id: named.id, status: "APPROVED" });
    // At another council's meeting: FORBIDDEN, even to ADMIN.
    const theirs = await a.heldMeeting([{ kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata" }]);
    expect(refusalsOf(await as(admin, M.approve, { minutesId: other.id, expectedVersion: other.version, meetingId: theirs.id }))).toEqual([
      { code: "FORBIDDEN", field: "meetingId" },
    ]);
  });
});
