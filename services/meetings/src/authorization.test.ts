import { councils } from "@contagem/councils";
import {
  actorToken,
  ACTORS,
  freshUntilUsed,
  gql,
  hiddenAndUnknown,
  runMatrix,
  startSystem,
  type Actor,
  type Councils,
  type MatrixRow,
  type Outcome,
  type RunningSystem,
  uncoveredMutations,
  makePdf,
  upload,
} from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "./definition";
import { CouncilWorld, at, date } from "./meetings.fixtures";


/** The issue-3 matrix extended to every mutation of the meetings subgraph, and the draft-visibility rule on every path. */
let system: RunningSystem;
let a: CouncilWorld;
let target: Councils;

beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  a = await new CouncilWorld(system.gatewayUrl, "compur").setup();
  const read = await gql(system.gatewayUrl, `{ a: council(slug: "compur") { id slug } b: council(slug: "cmsc") { id slug } }`);
  target = read.data;
});
afterAll(() => system.stop());

const WRITERS: Record<Actor, Outcome> = {
  anonymous: "UNAUTHENTICATED",
  CITIZEN: "FORBIDDEN",
  SECRETARY_A: "ok",
  SECRETARY_B: "FORBIDDEN",
  STAFF: "FORBIDDEN",
  ADMIN: "ok",
};
/** Unpublished minutes do not exist for another council's secretary: NOT_FOUND, as an unknown id, not FORBIDDEN. */
const ON_HIDDEN: Record<Actor, Outcome> = { ...WRITERS, SECRETARY_B: "NOT_FOUND" };
let n = 0;
const scheduled = async () =>
  (await a.call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version } } }`, {
    i: { councilId: a.councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: at(40 + n++), agenda: [{ kind: "INFORMATIVE", title: "Informes" }] },
  })).scheduleMeeting.meeting;
const resolution = async () => {
  const meeting = await a.heldMeeting();
  return (await a.call(`mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id version } } }`, {
    i: { meetingId: meeting.id, summary: "Dispõe sobre o calendário", body: "Art. 1º ..." },
  })).adoptResolution.resolution;
};

/** A real PDF uploaded by the council's secretary: its hash, to attach. */
const uploaded = async () => (await upload(system.gatewayUrl, await makePdf([`Anexo ${n++}`]), a.secretary)).body.sha256 as string;
const draftVersionId = async () => {
  const d = await a.draft((await a.heldMeeting()).id, "Ata");
  return (await a.call(`query($id: ID!) { minutes(id: $id) { currentVersion { id } } }`, { id: d.id })).minutes.currentVersion.id as string;
};

const row = (operation: string, document: string, prepare: () => Promise<Record<string, unknown>>, expected = WRITERS): MatrixRow => ({
  operation,
  document,
  expected,
  ...freshUntilUsed(async () => ({ i: await prepare() })),
});

const rows: MatrixRow[] = [
  row("scheduleMeeting", `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, async () => ({
    councilId: a.councilId, type: "EXTRAORDINARY", modality: "HYBRID", onlineUrl: "https://meet.example/c", startsAt: at(60 + n++),
    location: { name: "Casa dos Conselhos", address: { streetAddress: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado" } },
  })),
  row("updateMeeting", `mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { id } } }`, async () => {
    const m = await scheduled();
    return { meetingId: m.id, expectedVersion: m.version, place: "Câmara Municipal", location: { name: "Câmara Municipal", point: { type: "Point", coordinates: [-45, -20] } } };
  }),
  row("conveneMeeting", `mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { id } } }`, async () => {
    const m = await scheduled();
    return { meetingId: m.id, expectedVersion: m.version };
  }),
  row("cancelMeeting", `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { meeting { id } } }`, async () => {
    const m = await scheduled();
    return { meetingId: m.id, expectedVersion: m.version, reason: "Sem quórum previsto", postpone: true };
  }),
  row("recordAttendance", `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id } } }`, async () => {
    const m = await a.convenedMeeting();
    return { meetingId: m.id, expectedVersion: m.version, entries: a.mandates.map((id) => ({ mandateId: id, status: "PRESENT" })) };
  }),
  row("recordMeetingReport", `mutation($i: RecordMeetingReportInput!) { recordMeetingReport(input: $i) { meeting { id } } }`, async () => {
    const m = await a.heldMeeting();
    return { meetingId: m.id, expectedVersion: m.version, recordingUrl: "https://video.example.org/reuniao", closingReport: "Relatório de encerramento." };
  }),
  row("recordDeliberation", `mutation($i: RecordDeliberationInput!) { recordDeliberation(input: $i) { deliberation { id } } }`, async () => {
    const m = await a.heldMeeting();
    return { meetingId: m.id, agendaItemId: m.agenda[0].id, text: "Aprovado o calendário", votesFor: 3, votesAgainst: 0, abstentions: 0 };
  }),
  row("draftMinutes", `mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id } } }`, async () => ({
    meetingId: (await a.heldMeeting()).id, body: "Ata",
  })),
  row("reviseMinutesDraft", `mutation($i: ReviseMinutesDraftInput!) { reviseMinutesDraft(input: $i) { minutes { id } } }`, async () => {
    const d = await a.draft((await a.heldMeeting()).id, "Ata");
    return { minutesId: d.id, expectedVersion: d.version, body: "Ata revista" };
  }, ON_HIDDEN),
  row("approveMinutes", `mutation($i: ApproveMinutesInput!) { approveMinutes(input: $i) { minutes { id } } }`, async () => {
    const d = await a.draft((await a.heldMeeting()).id, "Ata");
    const approving = await a.heldMeeting([{ kind: "APPROVAL_OF_MINUTES", title: "Ata anterior", minutesId: d.id }]);
    return { minutesId: d.id, expectedVersion: d.version, meetingId: approving.id };
  }, ON_HIDDEN),
  row("publishMinutes", `mutation($i: PublishMinutesInput!) { publishMinutes(input: $i) { minutes { id } } }`, async () => {
    const d = await a.draft((await a.heldMeeting()).id, "Ata");
    const approved = await a.approve(d.id, d.version);
    return { minutesId: d.id, expectedVersion: approved.version, gazetteEdition: 6100, gazetteDate: date(0) };
  }, ON_HIDDEN),
  row("amendMinutes", `mutation($i: AmendMinutesInput!) { amendMinutes(input: $i) { minutes { id } } }`, async () => {
    const p = await a.publishedMinutes("Ata publicada");
    return { minutesId: p.id, expectedVersion: p.version, body: "Ata corrigida", reason: "Erro material" };
  }),
  row("adoptResolution", `mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id } } }`, async () => ({
    meetingId: (await a.heldMeeting()).id, summary: "Aprova o regimento", body: "Art. 1º ...",
  })),
  row("amendResolution", `mutation($i: ChangeResolutionInput!) { amendResolution(input: $i) { resolution { id } } }`, async () => {
    const r = await resolution();
    return { resolutionId: r.id, expectedVersion: r.version, meetingId: (await a.heldMeeting()).id, summary: "Altera o regimento", body: "Art. 2º ..." };
  }),
  row("revokeResolution", `mutation($i: ChangeResolutionInput!) { revokeResolution(input: $i) { resolution { id } } }`, async () => {
    const r = await resolution();
    return { resolutionId: r.id, expectedVersion: r.version, meetingId: (await a.heldMeeting()).id, summary: "Revoga o regimento", body: "Art. 1º Revoga-se ..." };
  }),
  row("attachDocument", `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { document { id } } }`, async () => ({
    meetingId: (await scheduled()).id, sha256: await uploaded(), kind: "AGENDA", title: "Pauta", filename: "pauta.pdf",
  })),
  row("withdrawDocument", `mutation($i: WithdrawDocumentInput!) { withdrawDocument(input: $i) { document { id } } }`, async () => {
    const { attachDocument } = await a.call(`mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { document { id } } }`, {
      i: { minutesVersionId: await draftVersionId(), sha256: await uploaded(), kind: "ANNEX", title: "Minuta", filename: "minuta.pdf" },
    });
    return { documentId: attachDocument.document.id };
  }, ON_HIDDEN),
];

describe("authorization matrix (meetings)", () => {
  it("gives each actor exactly the expected outcome for every mutation", async () => {
    const { observed, expected } = await runMatrix(system.gatewayUrl, rows, target);
    expect(observed).toEqual(expected);
  }, 120_000);

  it("has a row for every mutation of the subgraph", async () => {
    expect(await uncoveredMutations(system.subgraphs.meetings.url, rows.map((row) => row.operation))).toEqual([]);
  });
});

describe("unpublished minutes", () => {
  it("are visible only to the council's secretaries, STAFF and ADMIN, on every path, drafted or approved", async () => {
    const meeting = await a.heldMeeting();
    const draft = await a.draft(meeting.id, "Rascunho confidencial da ata");
    const approvedMeeting = await a.heldMeeting();
    const toApprove = await a.draft(approvedMeeting.id, "Ata aprovada, ainda não publicada");
    await a.approve(toApprove.id, toApprove.version);
    const readers: Record<Actor, boolean> = { anonymous: false, CITIZEN: false, SECRETARY_A: true, SECRETARY_B: false, STAFF: true, ADMIN: true };
    for (const [hidden, of] of [[draft, meeting], [toApprove, approvedMeeting]]) {
      const seen: Record<string, Record<Actor, boolean>> = {};
      const paths: Record<string, [string, string, (data: any) => boolean]> = {
        "minutes(id)": [system.gatewayUrl, `query($id: ID!) { minutes(id: $id) { id } }`, (d) => d.minutes !== null],
        "Meeting.minutes": [system.gatewayUrl, `query($m: ID!) { meeting(id: $m) { minutes { id } } }`, (d) => d.meeting.minutes !== null],
        "Council.minutes": [system.gatewayUrl, `query($c: ID) { council(id: $c) { minutes(first: 100) { edges { node { id } } } } }`, (d) => d.council.minutes.edges.some((e: any) => e.node.id === hidden.id)],
        "_entities (meetings subgraph)": [system.subgraphs.meetings.url, `query($id: ID!) { _entities(representations: [{ __typename: "Minutes", id: $id }]) { ... on Minutes { id } } }`, (d) => d._entities[0] !== null],
      };
      for (const [path, [url, query, visibleIn]] of Object.entries(paths)) {
        seen[path] = {} as Record<Actor, boolean>;
        for (const actor of ACTORS) {
          const res = await gql(url, query, { id: hidden.id, m: of.id, c: a.councilId }, { token: await actorToken(actor, target) });
          expect(res.errors).toBeUndefined();
          seen[path][actor] = visibleIn(res.data);
        }
      }
      expect(seen).toEqual(Object.fromEntries(Object.keys(paths).map((p) => [p, readers])));
    }
  });

  it("answer every write on them, to whoever may not see them, exactly as an unknown id", async () => {
    const mutations = ["amendMinutes", "approveMinutes", "publishMinutes", "reviseMinutesDraft"];
    const draft = await a.draft((await a.heldMeeting()).id, "Rascunho");
    const approved = await a.draft((await a.heldMeeting()).id, "Ata a publicar");
    await a.approve(approved.id, approved.version);
    const published = await a.publishedMinutes("Ata publicada");
    const hiddenCodes: Record<string, string[]> = {};
    for (const [state, id] of Object.entries({ DRAFT: draft.id, APPROVED: approved.id })) {
      for (const actor of ["anonymous", "CITIZEN", "SECRETARY_B"] as Actor[]) {
        const answers = await hiddenAndUnknown(system.gatewayUrl, "minutesId", { hidden: id, unknown: "987654" }, { token: await actorToken(actor, target) });
        expect(Object.keys(answers).sort()).toEqual(mutations);
        for (const [mutation, { hidden, unknown }] of Object.entries(answers)) {
          expect({ mutation, state, actor, ...hidden }).toEqual({ mutation, state, actor, ...unknown });
          (hiddenCodes[actor] ??= []).push(...hidden.errors.map((e) => String(e.extensions.code)));
        }
      }
    }
    // Another council's secretary was answered NOT_FOUND; roles that never write minutes, as before, by their role.
    expect(Object.fromEntries(Object.entries(hiddenCodes).map(([actor, codes]) => [actor, [...new Set(codes)]]))).toEqual({
      anonymous: ["UNAUTHENTICATED"],
      CITIZEN: ["FORBIDDEN"],
      SECRETARY_B: ["NOT_FOUND"],
    });
    // Published minutes are public: that secretary sees them, and may not change them.
    const onPublished = await hiddenAndUnknown(system.gatewayUrl, "minutesId", { hidden: published.id, unknown: "987654" }, { token: await actorToken("SECRETARY_B", target) });
    expect(Object.values(onPublished).map((answer) => answer.hidden.errors[0].extensions.code)).toEqual(mutations.map(() => "FORBIDDEN"));
  });
});
