import { councils } from "@contagem/councils";
import { databaseIdOf } from "@contagem/schema";
import { codesOf, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "./definition";
import { CouncilWorld, at } from "./meetings.fixtures";

/** Every illegal step of the lifecycles is refused with a clear error, and the database guards the legal record. */
let system: RunningSystem;
let world: CouncilWorld;
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  world = await new CouncilWorld(system.gatewayUrl, "compur").setup();
});
afterAll(() => system.stop());

const attempt = (query: string, input: Record<string, unknown>) => gql(system.gatewayUrl, query, { i: input }, { token: world.secretary });
const M = {
  convene: `mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { id } } }`,
  cancel: `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { meeting { id version status statusReason } } }`,
  attendance: `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id } } }`,
  deliberation: `mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id } } }`,
  draft: `mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id version } } }`,
  revise: `mutation($i: ReviseMinutesDraftInput!) { reviseMinutesDraft(input: $i) { minutes { id version } } }`,
  publish: `mutation($i: PublishMinutesInput!) { publishMinutes(input: $i) { minutes { id } } }`,
  amend: `mutation($i: AmendMinutesInput!) { amendMinutes(input: $i) { minutes { id } } }`,
  approve: `mutation($i: ApproveMinutesInput!) { approveMinutes(input: $i) { minutes { id } } }`,
  schedule: `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version } } }`,
};

describe("illegal transitions", () => {
  it("refuses attendance on a cancelled meeting, and convening it again", async () => {
    const meeting = await world.convenedMeeting();
    const cancelled = await attempt(M.cancel, { meetingId: meeting.id, expectedVersion: meeting.version, reason: "Falta de pauta" });
    expect(cancelled.data.cancelMeeting.meeting).toMatchObject({ status: "CANCELLED", statusReason: "Falta de pauta" });
    const version = cancelled.data.cancelMeeting.meeting.version;
    const res = await attempt(M.attendance, { meetingId: meeting.id, expectedVersion: version, entries: [{ mandateId: world.mandates[0], status: "PRESENT" }] });
    expect(codesOf(res)).toEqual(["CONFLICT"]);
    expect(res.errors![0].message).toMatch(/CANCELLED/);
    expect(codesOf(await attempt(M.convene, { meetingId: meeting.id, expectedVersion: version }))).toEqual(["CONFLICT"]);
  });

  it("refuses to convene without an agenda, or to record attendance before the meeting starts", async () => {
    const bare = await attempt(M.schedule, { councilId: world.councilId, type: "EXTRAORDINARY", modality: "ONLINE", onlineUrl: "https://meet.example/x", startsAt: at(30) });
    const { id, version } = bare.data.scheduleMeeting.meeting;
    expect(codesOf(await attempt(M.convene, { meetingId: id, expectedVersion: version }))).toEqual(["CONFLICT"]);
    const withAgenda = await attempt(M.schedule, { councilId: world.councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: at(30), agenda: [{ kind: "INFORMATIVE", title: "Informes" }] });
    const future = withAgenda.data.scheduleMeeting.meeting;
    const convened = await gql(system.gatewayUrl, M.convene.replace("{ id }", "{ id version }"), { i: { meetingId: future.id, expectedVersion: future.version } }, { token: world.secretary });
    const res = await attempt(M.attendance, { meetingId: future.id, expectedVersion: convened.data.conveneMeeting.meeting.version, entries: [{ mandateId: world.mandates[0], status: "PRESENT" }] });
    expect(codesOf(res)).toEqual(["CONFLICT"]);
  });

  it("names the bad field of a schedule", async () => {
    const base = { councilId: world.councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: at(5) };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, place: null }, "place"],
      [{ ...base, modality: "ONLINE", place: null }, "onlineUrl"],
      [{ ...base, modality: "HYBRID", onlineUrl: "ftp://x" }, "onlineUrl"],
      // Not a URL a calendar or a browser can use as written: new URL() would silently repair each of these.
      [{ ...base, modality: "HYBRID", onlineUrl: "https://meet.example/x\r\nSTATUS:CANCELLED" }, "onlineUrl"],
      [{ ...base, modality: "HYBRID", onlineUrl: "https://meet.example/sala de reunião" }, "onlineUrl"],
      [{ ...base, modality: "HYBRID", onlineUrl: "https://meet.example\\@evil.example/" }, "onlineUrl"],
      [{ ...base, modality: "HYBRID", onlineUrl: "https://secretaria:senha@meet.example/x" }, "onlineUrl"],
      [{ ...base, endsAt: at(4) }, "endsAt"],
      [{ ...base, councilId: "999999" }, "councilId"],
      [{ ...base, agenda: [{ kind: "INFORMATIVE", title: " " }] }, "agenda[0].title"],
    ];
    for (const [input, field] of cases) {
      const res = await attempt(M.schedule, input);
      expect({ field, codes: codesOf(res) }).toEqual({ field, codes: ["BAD_USER_INPUT"] });
      expect(res.errors![0].extensions!.field).toBe(field);
    }
  });

  it("refuses attendance of someone not in the council's term, and a substitute from another seat", async () => {
    const meeting = await world.convenedMeeting();
    const other = await attempt(M.attendance, { meetingId: meeting.id, expectedVersion: meeting.version, entries: [{ mandateId: "999999", status: "PRESENT" }] });
    expect(codesOf(other)).toEqual(["BAD_USER_INPUT"]);
    const wrongSeat = await attempt(M.attendance, {
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      entries: [{ mandateId: world.mandates[0], status: "SUBSTITUTED", substituteMandateId: world.mandates[1] }],
    });
    expect(codesOf(wrongSeat)).toEqual(["BAD_USER_INPUT"]);
    expect(wrongSeat.errors![0].extensions!.field).toBe("entries[0].substituteMandateId");
  });

  it("refuses to deliberate without quorum", async () => {
    const meeting = await world.convenedMeeting();
    await attempt(M.attendance, {
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      entries: world.mandates.map((m, i) => ({ mandateId: m, status: i === 0 ? "PRESENT" : "ABSENT" })),
    });
    const res = await attempt(M.deliberation, { meetingId: meeting.id, agendaItemId: meeting.agenda[0].id, text: "Aprovado", votesFor: 1, votesAgainst: 0, abstentions: 0 });
    expect(codesOf(res)).toEqual(["CONFLICT"]);
    expect(res.errors![0].message).toMatch(/quorum/i);
  });

  it("refuses to publish unapproved minutes, to revise published ones, and to amend a draft", async () => {
    const meeting = await world.heldMeeting();
    const draft = (await attempt(M.draft, { meetingId: meeting.id, body: "Texto" })).data.draftMinutes.minutes;
    expect(codesOf(await attempt(M.draft, { meetingId: meeting.id, body: "Outra" }))).toEqual(["CONFLICT"]);
    expect(codesOf(await attempt(M.publish, { minutesId: draft.id, expectedVersion: draft.version, gazetteEdition: 1, gazetteDate: "2026-01-01" }))).toEqual(["CONFLICT"]);
    expect(codesOf(await attempt(M.amend, { minutesId: draft.id, expectedVersion: draft.version, body: "x", reason: "erro" }))).toEqual(["CONFLICT"]);
    const earlier = await attempt(M.approve, { minutesId: draft.id, expectedVersion: draft.version, meetingId: meeting.id });
    expect(codesOf(earlier)).toEqual(["BAD_USER_INPUT"]);
    const approved = await world.approve(draft.id, draft.version);
    const published = await world.publish(draft.id, approved.version);
    const revise = await attempt(M.revise, { minutesId: draft.id, expectedVersion: published.version, body: "Mudança silenciosa" });
    expect(codesOf(revise)).toEqual(["RECORD_IMMUTABLE"]);
    const again = await attempt(M.publish, { minutesId: draft.id, expectedVersion: published.version, gazetteEdition: 2, gazetteDate: "2026-01-02" });
    expect(codesOf(again)).toEqual(["RECORD_IMMUTABLE"]);
  });

  it("has the database refuse any UPDATE or DELETE of a published version", async () => {
    const published = await world.publishedMinutes("Texto publicado, imutável.");
    const sql = (q: string) => system.subgraphs.meetings.orm.em.getConnection().execute(q);
    const table = `"${system.subgraphs.meetings.database.schema}".minutes_version`;
    const id = databaseIdOf(published.id); // SQL knows the database id, not the global one
    await expect(sql(`update ${table} set body = 'adulterado' where minutes_id = ${id} and published`)).rejects.toThrow(/immutable/);
    await expect(sql(`delete from ${table} where minutes_id = ${id}`)).rejects.toThrow(/immutable/);
    await expect(sql(`update ${table} set published = false where minutes_id = ${id}`)).rejects.toThrow(/immutable/);
    const read = await gql(system.gatewayUrl, `query($id: ID!) { minutes(id: $id) { versions { body } } }`, { id: published.id });
    expect(read.data.minutes.versions).toEqual([{ body: "Texto publicado, imutável." }]);
  });
});

describe("numbering", () => {
  it("gives concurrent drafts of one council and year consecutive numbers without gaps or duplicates", async () => {
    const held = [];
    for (let i = 0; i < 8; i++) held.push(await world.heldMeeting());
    const drafts = await Promise.all(held.map((m) => world.draft(m.id, `Ata da reunião ${m.id}`)));
    expect(new Set(drafts.map((d) => d.number)).size).toBe(8);
    for (const year of new Set(drafts.map((d) => d.year))) {
      const all = await gql(
        system.gatewayUrl,
        `query($id: ID, $y: Int) { council(id: $id) { minutes(first: 100, filter: { year: $y }) { edges { node { number } } } } }`,
        { id: world.councilId, y: year },
        { token: world.secretary },
      );
      const numbers = all.data.council.minutes.edges.map((e: any) => e.node.number).sort((a: number, b: number) => a - b);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    }
  });
});

describe("a held meeting's recording and closing report", () => {
  const REPORT = `mutation($i: RecordMeetingReportInput!) { recordMeetingReport(input: $i) { meeting { id version recordingUrl closingReport } } }`;
  it("are published once the meeting is held, replaced, removed with null, and refused before or when malformed", async () => {
    const convened = await world.convenedMeeting();
    const early = await attempt(REPORT, { meetingId: convened.id, expectedVersion: convened.version, recordingUrl: "https://video.example.org/1" });
    expect(codesOf(early)).toEqual(["CONFLICT"]);
    const held = await world.heldMeeting();
    const first = await attempt(REPORT, { meetingId: held.id, expectedVersion: held.version, recordingUrl: "https://video.example.org/reuniao", closingReport: "## Encerramento\n\nAprovado o calendário." });
    expect(first.data.recordMeetingReport.meeting).toMatchObject({ recordingUrl: "https://video.example.org/reuniao", closingReport: "## Encerramento\n\nAprovado o calendário." });
    const { version } = first.data.recordMeetingReport.meeting;
    expect(codesOf(await attempt(REPORT, { meetingId: held.id, expectedVersion: version, recordingUrl: "javascript:alert(1)" }))).toEqual(["BAD_USER_INPUT"]);
    for (const recordingUrl of ["https://video.example.org/1\r\nX-EVIL:1", "https://video.example.org/a b", "https://user:pass@video.example.org/1", `https://video.example.org/${"v".repeat(2000)}`]) {
      const bad = await attempt(REPORT, { meetingId: held.id, expectedVersion: version, recordingUrl });
      // Beyond 2,000 characters the subgraph's boundary answers first, naming the field by its path (`input.recordingUrl`).
      expect({ recordingUrl, codes: codesOf(bad), field: bad.errors?.[0].extensions?.field }).toEqual({ recordingUrl, codes: ["BAD_USER_INPUT"], field: expect.stringMatching(/^(input\.)?recordingUrl$/) });
    }
    // The documented ceiling is 2,000 characters: a long signed streaming URL of 1,500 is a recording's URL.
    const long = `https://video.example.org/${"v".repeat(1474)}`;
    const longSaved = await attempt(REPORT, { meetingId: held.id, expectedVersion: version, recordingUrl: long });
    expect(longSaved.data.recordMeetingReport.meeting.recordingUrl).toBe(long);
    const reverted = await attempt(REPORT, { meetingId: held.id, expectedVersion: version + 1, recordingUrl: "https://video.example.org/reuniao" });
    expect(reverted.data.recordMeetingReport.meeting.version).toBe(version + 2);
    expect(codesOf(await attempt(REPORT, { meetingId: held.id, expectedVersion: version + 2 }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await attempt(REPORT, { meetingId: held.id, expectedVersion: version - 1, closingReport: "Outro texto." }))).toEqual(["CONFLICT"]);
    const removed = await attempt(REPORT, { meetingId: held.id, expectedVersion: version + 2, recordingUrl: null });
    expect(removed.data.recordMeetingReport.meeting).toMatchObject({ recordingUrl: null, closingReport: "## Encerramento\n\nAprovado o calendário.", version: version + 3 });
    const read = await gql(system.gatewayUrl, `query($id: ID!) { meeting(id: $id) { recordingUrl closingReport } }`, { id: held.id });
    expect(read.data.meeting).toEqual({ recordingUrl: null, closingReport: "## Encerramento\n\nAprovado o calendário." });
  });
});
