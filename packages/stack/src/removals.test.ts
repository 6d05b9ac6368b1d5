import { gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { citizen } from "../../../services/participation/src/participation.fixtures";
import { DEFINITIONS, ROOT } from "./artifacts";
import { holdMeetings, type HeldMeetings } from "./record-life.fixtures";

/**
 * Tombstones, as a mirror (the Transparency Portal) uses them beside `updatedSince`: what the public graph showed and
 * no longer shows — an agenda rewritten, attendance recorded again, a published comment hidden — is listed by
 * `removedRecords` with its global id, type, time and reason, in the transaction of the change; what was never
 * public (a comment hidden before publication) is not.
 */
let system: RunningSystem;
let secretary: string;
let staff: string;
let held: HeldMeetings;

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}
interface Removed { recordId: string; recordType: string; removedAt: string; reason: string }
const removed = async (args = "") =>
  (await call(`{ removedRecords${args} { totalCount edges { node { recordId recordType removedAt reason } } } }`)).removedRecords as { totalCount: number; edges: { node: Removed }[] };

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway/supergraph.graphql"), "utf8"));
  secretary = await mintToken({ sub: "secretaria-compur-tombstones", roles: ["SECRETARY"], councils: ["compur"] });
  staff = await mintToken({ sub: "staff-tombstones", roles: ["STAFF"] });
  held = await holdMeetings(call, secretary, { published: "Ata publicada.", draft: "Rascunho." });
}, 180_000);
afterAll(() => system.stop());

describe("removedRecords", () => {
  it("lists the agenda items a rewrite replaced, and node(id:) answers null for them", async () => {
    const since = new Date().toISOString();
    const { council } = await call(`{ council(slug: "compur") { id } }`);
    const { scheduleMeeting } = await call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version agenda { id } } } }`, {
      i: { councilId: council.id, type: "ORDINARY", modality: "ONLINE", onlineUrl: "https://reunioes.example.org/compur", startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), agenda: [{ kind: "DELIBERATION", title: "Pauta antiga" }, { kind: "INFORMATIVE", title: "Informes" }] },
    }, secretary);
    const old = scheduleMeeting.meeting.agenda.map((item: { id: string }) => item.id);
    await call(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { id } } }`, {
      i: { meetingId: scheduleMeeting.meeting.id, expectedVersion: scheduleMeeting.meeting.version, agenda: [{ kind: "DELIBERATION", title: "Pauta nova" }] },
    }, secretary);
    const list = await removed(`(removedSince: "${since}", recordTypes: ["AgendaItem"])`);
    expect(list.edges.map((e) => e.node.recordId).sort()).toEqual([...old].sort());
    expect(list.edges.every((e) => e.node.reason === "DELETED" && e.node.recordType === "AgendaItem" && Date.parse(e.node.removedAt) >= Date.parse(since))).toBe(true);
    const { nodes } = await call(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: old });
    expect(nodes).toEqual([null, null]);
  });

  it("lists the attendance entries a second recording replaced", async () => {
    const { meeting } = await call(`query($id: ID!) { meeting(id: $id) { version attendance { id } } }`, { id: held.second.id });
    const before = meeting.attendance.map((entry: { id: string }) => entry.id);
    await call(`mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id } } }`, {
      i: { meetingId: held.second.id, expectedVersion: meeting.version, entries: [{ mandateId: held.mandates[0], status: "PRESENT" }, { mandateId: held.mandates[1], status: "JUSTIFIED", note: "Viagem" }] },
    }, secretary);
    const ids = (await removed(`(recordTypes: ["Attendance"])`)).edges.map((e) => e.node.recordId);
    expect(ids).toEqual(expect.arrayContaining(before));
  });

  it("lists a published comment hidden by moderation, not one hidden before it was ever published", async () => {
    const token = await citizen(system.gatewayUrl, "tombstone-subject", { fullName: "Pessoa de Teste", email: "lapide@exemplo.invalid", birthDate: "1990-05-01" });
    const comment = async () =>
      (await call(`mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, { i: { meetingId: held.first.id, body: "Comentário sobre a pauta." } }, token)).contribute.contribution;
    const moderate = async (c: { id: string; version: number }, status: string) =>
      (await call(`mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id version } } }`, {
        i: { contributionId: c.id, expectedVersion: c.version, status, ...(status === "HIDDEN" ? { reason: "Fora do tema" } : {}) },
      }, staff)).moderateContribution.contribution;
    const shown = await moderate(await comment(), "PUBLISHED");
    await moderate(shown, "HIDDEN");
    const neverShown = await comment();
    await moderate(neverShown, "HIDDEN");
    const list = (await removed(`(recordTypes: ["Contribution"])`)).edges.map((e) => e.node);
    expect(list).toEqual([expect.objectContaining({ recordId: shown.id, recordType: "Contribution", reason: "HIDDEN" })]);
    expect(JSON.stringify(list)).not.toContain("Comentário");
  });

  it("pages oldest first, filters by time, and refuses what is not a record type", async () => {
    const all = await removed();
    expect(all.totalCount).toBeGreaterThanOrEqual(4);
    const times = all.edges.map((e) => Date.parse(e.node.removedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const first = await call(`{ removedRecords(first: 1) { pageInfo { hasNextPage endCursor } edges { node { recordId } } } }`);
    const next = await call(`query($after: String) { removedRecords(first: 1, after: $after) { pageInfo { hasPreviousPage } edges { node { recordId } } } }`, { after: first.removedRecords.pageInfo.endCursor });
    expect(first.removedRecords.pageInfo.hasNextPage).toBe(true);
    expect(next.removedRecords.pageInfo.hasPreviousPage).toBe(true);
    expect(next.removedRecords.edges[0].node.recordId).toBe(all.edges[1].node.recordId);
    expect((await removed(`(removedSince: "${new Date(Date.now() + 86_400_000).toISOString()}")`)).totalCount).toBe(0);
    const bad = await gql(system.gatewayUrl, `{ removedRecords(recordTypes: ["PersonalData"]) { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("is append-only in the database itself", async () => {
    const em = system.subgraphs.councils.orm.em.fork();
    await expect(em.execute(`update "${system.subgraphs.councils.database.auditSchema}".removed_record set reason = 'HIDDEN'`)).rejects.toThrow(/append-only/);
  });
});
