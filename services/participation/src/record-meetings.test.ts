import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { adminToken, codesOf, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "./definition";
import { call, citizen } from "./participation.fixtures";

/**
 * Meetings of the public record (recorded from a public listing) through the gateway: participation reads their
 * provenance (`@requires`) and states no citizen count it could not have counted, and refuses presence at them;
 * a meeting the secretariat keeps here answers its (rounded) count.
 */
let system: RunningSystem;
let voter: string;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  const { territories } = await call(system.gatewayUrl, `{ territories(first: 1) { edges { node { id } } } }`, {});
  voter = await citizen(system.gatewayUrl, "record-voter", {
    fullName: "Cidadã do Registro",
    email: "registro@example.org",
    birthDate: "1985-05-05",
    territoryId: territories.edges[0].node.id,
  } as never);
});
afterAll(() => system?.stop());

const LISTED = `{ meetings(first: 100, filter: { recordedFrom: PUBLIC_LISTING }) { totalCount edges { node { id recordedFrom status citizenAttendance } } } }`;

it("answers null, not 0, for the citizens at every meeting recorded from a public listing", async () => {
  const { meetings: listed } = await call(system.gatewayUrl, LISTED, {});
  expect(listed.totalCount).toBeGreaterThanOrEqual(27);
  for (const { node } of listed.edges) {
    expect(node).toMatchObject({ recordedFrom: "PUBLIC_LISTING", citizenAttendance: null });
  }
});

it("refuses a citizen's presence at a listed meeting as RECORD_IMMUTABLE, and records none", async () => {
  const { meetings: listed } = await call(system.gatewayUrl, LISTED, {});
  const meetingId = listed.edges[0].node.id;
  const refused = await gql(system.gatewayUrl, `mutation($i: RecordPresenceInput!) { recordPresence(input: $i) { meeting { id } } }`, { i: { meetingId } }, { token: voter });
  expect(codesOf(refused)).toEqual(["RECORD_IMMUTABLE"]);
  const mine = await call(system.gatewayUrl, `{ me { presences { meetingId } } }`, {}, voter);
  expect(mine.me.presences).toEqual([]);
});

it("still counts citizens at a meeting the secretariat keeps here, asked alone or beside the listed ones", async () => {
  const { councils: list } = await call(system.gatewayUrl, `{ councils(first: 1, filter: { kind: REGIONAL }) { edges { node { id } } } }`, {});
  const { scheduleMeeting } = await call(system.gatewayUrl, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
    i: { councilId: list.edges[0].node.id, type: "TERRITORIAL_PLENARY", modality: "IN_PERSON", place: "Escola", startsAt: new Date(Date.now() + 86_400_000).toISOString() },
  }, await adminToken());
  const meetingId = scheduleMeeting.meeting.id;
  await call(system.gatewayUrl, `mutation($i: RecordPresenceInput!) { recordPresence(input: $i) { meeting { id } } }`, { i: { meetingId } }, voter);
  const { meeting } = await call(system.gatewayUrl, `query($id: ID!) { meeting(id: $id) { recordedFrom citizenAttendance } }`, { id: meetingId });
  // One citizen: the published figure is rounded to a multiple of 5 (0 or 5), never null.
  expect(meeting.recordedFrom).toBe("SECRETARIAT");
  expect([0, 5]).toContain(meeting.citizenAttendance);
  const { meetings: all } = await call(system.gatewayUrl, `{ meetings(first: 100) { edges { node { id recordedFrom citizenAttendance } } } }`, {});
  const ours = all.edges.find((e: { node: { id: string } }) => e.node.id === meetingId);
  expect(ours.node.citizenAttendance).toBe(meeting.citizenAttendance);
  for (const { node } of all.edges) expect(node.citizenAttendance === null).toBe(node.recordedFrom === "PUBLIC_LISTING");
});
