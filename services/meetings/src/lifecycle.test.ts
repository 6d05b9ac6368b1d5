import { councils } from "@contagem/councils";
import { civilDate } from "@contagem/schema";
import { adminToken, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "./definition";

/** One meeting's whole life as a secretary, through the gateway, then read anonymously. */
let system: RunningSystem;
let secretary: string;
let admin: string;
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  secretary = await mintToken({ sub: "secretaria-compur", roles: ["SECRETARY"], councils: ["compur"] });
  admin = await adminToken();
});
afterAll(() => system.stop());

const day = 86_400_000;
const NOW = Date.now();
const at = (offsetDays: number) => new Date(NOW + offsetDays * day).toISOString();
const date = (offsetDays: number) => civilDate(new Date(NOW + offsetDays * day));
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}

const BODY_DRAFT_1 = "# Ata da 1ª Reunião Ordinária\n\nRascunho inicial.";
const BODY_DRAFT_2 = "# Ata da 1ª Reunião Ordinária do COMPUR\n\nAos vinte dias, em reunião ordinária, o Conselho aprovou as resoluções sobre as praças da Sede.";
const BODY_AMENDED = `${BODY_DRAFT_2}\n\nCorreção: onde se lê "Sede", leia-se "Regional Sede".`;

describe("a meeting's life", () => {
  it("goes from scheduling to amended minutes, and the public reads exactly what was published", async () => {
    // The council's composition and rules (ADMIN and the councils subgraph).
    const { council } = await call(`{ council(slug: "compur") { id version } }`);
    await call(`mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id } } }`, {
      i: { id: council.id, expectedVersion: council.version, rules: { ordinaryNoticeDays: 7, quorumRule: "ABSOLUTE_MAJORITY" } },
    }, admin);
    const { openTerm } = await call(`mutation($i: OpenTermInput!) { openTerm(input: $i) { term { id seats { id } } } }`, {
      i: { councilId: council.id, startsOn: date(-400), endsOn: date(300), seats: [{ sector: "GOVERNMENT" }, { sector: "CIVIL_SOCIETY" }, { sector: "CIVIL_SOCIETY" }] },
    }, secretary);
    const seats = openTerm.term.seats.map((s: { id: string }) => s.id);
    const appoint = async (seatId: string, personName: string, role: string) =>
      (await call(`mutation($i: AppointMandateInput!) { appointMandate(input: $i) { mandate { id } } }`, {
        i: { seatId, personName, role, startsOn: date(-400) },
      }, secretary)).appointMandate.mandate.id as string;
    const president = await appoint(seats[0], "Ana Paula Ferreira", "FULL_MEMBER");
    const titular2 = await appoint(seats[1], "Bruno Carvalho", "FULL_MEMBER");
    const suplente2 = await appoint(seats[1], "Carla Dias", "ALTERNATE");
    const titular3 = await appoint(seats[2], "Diego Souza", "FULL_MEMBER");

    // Schedule with an agenda, convene with notice, record attendance with a substitution.
    const schedule = async (startsAt: string, agenda: object[]) =>
      (await call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version sequenceLabel status agenda { id kind } } } }`, {
        i: { councilId: council.id, type: "ORDINARY", modality: "HYBRID", startsAt, place: "Centro Administrativo", onlineUrl: "https://meet.contagem.mg.gov.br/compur", agenda },
      }, secretary)).scheduleMeeting.meeting;
    const first = await schedule(at(-20), [
      { kind: "INFORMATIVE", title: "Informes da presidência" },
      { kind: "DELIBERATION", title: "Requalificação das praças da Sede" },
    ]);
    expect(first).toMatchObject({ status: "SCHEDULED", sequenceLabel: expect.stringMatching(/^1ª Reunião Ordinária de \d{4}$/) });
    const convened = (await call(`mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { id version status convocation { requiredNoticeHours givenNoticeHours noticeRespected } } } }`, {
      i: { meetingId: first.id, expectedVersion: first.version, convenedAt: at(-30), convenedByMandateId: president },
    }, secretary)).conveneMeeting.meeting;
    expect(convened.status).toBe("CONVENED");
    expect(convened.convocation).toEqual({ requiredNoticeHours: 168, givenNoticeHours: 240, noticeRespected: true });

    const held = (await call(`mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id version status quorum { rule seats required present achieved } } } }`, {
      i: {
        meetingId: first.id,
        expectedVersion: convened.version,
        entries: [
          { mandateId: president, status: "PRESENT" },
          { mandateId: titular2, status: "SUBSTITUTED", substituteMandateId: suplente2 },
          { mandateId: titular3, status: "JUSTIFIED", note: "viagem a serviço" },
        ],
      },
    }, secretary)).recordAttendance.meeting;
    expect(held).toMatchObject({ status: "HELD", quorum: { rule: "ABSOLUTE_MAJORITY", seats: 3, required: 2, present: 2, achieved: true } });

    const { recordDeliberation } = await call(`mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id outcome votesFor } } }`, {
      i: { meetingId: first.id, agendaItemId: first.agenda[1].id, text: "Aprovada a requalificação das praças.", votesFor: 2, votesAgainst: 0, abstentions: 0,
        votes: [{ mandateId: president, choice: "FOR" }, { mandateId: suplente2, choice: "FOR" }] },
    }, secretary);
    expect(recordDeliberation.deliberation).toMatchObject({ outcome: "APPROVED", votesFor: 2 });

    // Minutes: draft, revise, approve at the next meeting, publish, amend.
    const drafted = (await call(`mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id version status label } } }`, {
      i: { meetingId: first.id, body: BODY_DRAFT_1 },
    }, secretary)).draftMinutes.minutes;
    expect(drafted.status).toBe("DRAFT");
    expect(drafted.label).toMatch(/^Ata 001\/\d{4}$/);
    const revised = (await call(`mutation($i: ReviseMinutesDraftInput!) { reviseMinutesDraft(input: $i) { minutes { id version } } }`, {
      i: { minutesId: drafted.id, expectedVersion: drafted.version, body: BODY_DRAFT_2, changeNote: "texto completo" },
    }, secretary)).reviseMinutesDraft.minutes;

    const second = await schedule(at(-5), [{ kind: "APPROVAL_OF_MINUTES", title: "Aprovação da ata anterior", minutesId: drafted.id }]);
    const secondConvened = (await call(`mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { version } } }`, {
      i: { meetingId: second.id, expectedVersion: second.version, convenedAt: at(-15) },
    }, secretary)).conveneMeeting.meeting;
    await call(`mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id } } }`, {
      i: { meetingId: second.id, expectedVersion: secondConvened.version, entries: [{ mandateId: president, status: "PRESENT" }, { mandateId: titular2, status: "PRESENT" }] },
    }, secretary);
    const approved = (await call(`mutation($i: ApproveMinutesInput!) { approveMinutes(input: $i) { minutes { id version status approvedAtMeeting { id } } } }`, {
      i: { minutesId: drafted.id, expectedVersion: revised.version, meetingId: second.id },
    }, secretary)).approveMinutes.minutes;
    expect(approved).toMatchObject({ status: "APPROVED", approvedAtMeeting: { id: second.id } });
    const published = (await call(`mutation($i: PublishMinutesInput!) { publishMinutes(input: $i) { minutes { id version status gazette { edition pages date } } } }`, {
      i: { minutesId: drafted.id, expectedVersion: approved.version, gazetteEdition: 6050, gazettePages: "12-14", gazetteDate: date(-2) },
    }, secretary)).publishMinutes.minutes;
    expect(published).toMatchObject({ status: "PUBLISHED", gazette: { edition: 6050, pages: "12-14" } });
    await call(`mutation($i: AmendMinutesInput!) { amendMinutes(input: $i) { minutes { id } } }`, {
      i: { minutesId: drafted.id, expectedVersion: published.version, body: BODY_AMENDED, reason: "Correção do nome da regional" },
    }, secretary);

    // Anonymous readers see the published versions, byte for byte, and nothing of the drafts.
    const publicView = await call(`query($id: ID!) { minutes(id: $id) { status label versions { number body sha256 published changeNote authorRole }
        currentVersion { number } meeting { sequenceLabel attendance { status mandate { person { displayName } } substitute { person { displayName } } } }
        council { acronym } } }`, { id: drafted.id });
    const versions = publicView.minutes.versions;
    expect(versions.map((v: any) => v.number)).toEqual([2, 3]);
    expect(versions[0]).toEqual({ number: 2, body: BODY_DRAFT_2, sha256: sha256(BODY_DRAFT_2), published: true, changeNote: "texto completo", authorRole: "SECRETARY" });
    expect(versions[1]).toEqual({ number: 3, body: BODY_AMENDED, sha256: sha256(BODY_AMENDED), published: true, changeNote: "Correção do nome da regional", authorRole: "SECRETARY" });
    expect(JSON.stringify(publicView)).not.toContain("Rascunho inicial");
    expect(publicView.minutes.currentVersion.number).toBe(3);
    expect(publicView.minutes.council.acronym).toBe("COMPUR");
    // Attendance resolves people across subgraphs (meetings → councils).
    expect(publicView.minutes.meeting.attendance).toEqual(expect.arrayContaining([
      { status: "SUBSTITUTED", mandate: { person: { displayName: "Bruno Carvalho" } }, substitute: { person: { displayName: "Carla Dias" } } },
    ]));

    // The council's secretary still reads the whole history, drafts included.
    const history = await call(`query($id: ID!) { minutes(id: $id) { versions { number published } } }`, { id: drafted.id }, secretary);
    expect(history.minutes.versions).toEqual([
      { number: 1, published: false },
      { number: 2, published: true },
      { number: 3, published: true },
    ]);

    // The council shows its meetings and latest minutes.
    const overview = await call(`{ council(slug: "compur") { meetings(first: 5, filter: { recordedFrom: SECRETARIAT }) { totalCount edges { node { sequenceLabel status } } } minutes(first: 1) { edges { node { label status } } } } }`);
    expect(overview.council.meetings.totalCount).toBe(2);
    expect(overview.council.minutes.edges[0].node.status).toBe("PUBLISHED");
  });
});
