import { councils } from "@contagem/councils";
import { codesOf, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "./definition";
import { CouncilWorld, at } from "./meetings.fixtures";

/**
 * The embedded database is one PostgreSQL engine behind one lock: a transaction holds it until it ends. A write that
 * waited for a second connection while holding it stalled forever there (and read outside its transaction on a
 * server). These operations must answer on PGlite as fast, and with the same outcomes, as on PostgreSQL, and leave
 * every subgraph ready. Each must finish well under the pool's acquire timeout, or it waited on itself.
 */
let system: RunningSystem;
let world: CouncilWorld;
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  world = await new CouncilWorld(system.gatewayUrl, "compur").setup(2);
});
afterAll(() => system.stop());

/** 0.1–0.4 s when nothing waits on itself; under the pool's 10 s acquire timeout with room for a loaded CI. */
const QUICK_MS = 8_000;
const PAYLOAD = `meeting { id version place agenda { title } council { name rules { ordinaryNoticeDays } } term { label } }`;

async function timed(query: string, variables: Record<string, unknown> = {}) {
  const started = Date.now();
  const res = await gql(system.gatewayUrl, query, variables, { token: world.secretary });
  return { res, ms: Date.now() - started };
}

async function scheduled(place = "Sala 1") {
  const { res } = await timed(
    `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version } } }`,
    { i: { councilId: world.councilId, type: "ORDINARY", modality: "IN_PERSON", place, startsAt: at(30), agenda: [{ kind: "INFORMATIVE", title: "Informes" }] } },
  );
  expect(res.errors).toBeUndefined();
  return res.data.scheduleMeeting.meeting as { id: string; version: number };
}

const update = (alias: string, meetingId: string, version: number, place: string, extra = "") =>
  `${alias}: updateMeeting(input: { meetingId: "${meetingId}", expectedVersion: ${version}, place: "${place}"${extra} }) { ${PAYLOAD} }`;

async function expectReady() {
  for (const subgraph of Object.values(system.subgraphs)) {
    const res = await fetch(subgraph.url.replace(/\/graphql$/, "/readyz"), { signal: AbortSignal.timeout(QUICK_MS) });
    expect({ subgraph: subgraph.name, status: res.status }).toEqual({ subgraph: subgraph.name, status: 200 });
  }
  const gateway = await fetch(system.gatewayUrl.replace(/\/graphql$/, "/readyz"), { signal: AbortSignal.timeout(QUICK_MS) });
  expect(gateway.status).toBe(200);
}

describe("one operation, several writes of one record", () => {
  it("applies each in turn, each seeing the one before, with nested payloads read through loaders", async () => {
    const meeting = await scheduled();
    const agenda = `, agenda: [{ kind: DELIBERATION, title: "Pauta nova" }]`;
    const { res, ms } = await timed(`mutation {
      ${update("a", meeting.id, meeting.version, "Sala A", agenda)}
      ${update("b", meeting.id, meeting.version + 1, "Sala B")}
      ${update("c", meeting.id, meeting.version + 2, "Sala C", agenda)}
    }`);
    expect(res.errors).toBeUndefined();
    expect([res.data.a.meeting, res.data.b.meeting, res.data.c.meeting].map((m: { version: number; place: string }) => [m.version, m.place])).toEqual([
      [meeting.version + 1, "Sala A"],
      [meeting.version + 2, "Sala B"],
      [meeting.version + 3, "Sala C"],
    ]);
    expect(res.data.c.meeting.agenda).toEqual([{ title: "Pauta nova" }]);
    expect(res.data.a.meeting.council.name).toMatch(/Conselho/);
    expect(ms).toBeLessThan(QUICK_MS);
    await expectReady();
  });

  it("refuses a stale version in the middle with CONFLICT and writes nothing for it", async () => {
    const meeting = await scheduled();
    const { res, ms } = await timed(`mutation {
      ${update("a", meeting.id, meeting.version, "Sala A")}
      ${update("b", meeting.id, meeting.version, "Sala B")}
      ${update("c", meeting.id, meeting.version + 1, "Sala C")}
    }`);
    expect(codesOf(res)).toEqual(["CONFLICT"]);
    expect(res.errors![0].path).toEqual(["b"]);
    expect(res.data ?? null).toBeNull(); // b's payload is non-null: its error nulls the whole result, and c never runs
    expect(ms).toBeLessThan(QUICK_MS);
    const read = await gql(system.gatewayUrl, `query($id: ID!) { meeting(id: $id) { version place } }`, { id: meeting.id });
    expect(read.data.meeting).toEqual({ version: meeting.version + 1, place: "Sala A" });
    await expectReady();
  });

  it("replays an idempotency key inside the same operation: one write, the same answer twice", async () => {
    const meeting = await scheduled();
    const key = `, idempotencyKey: "same-op-${meeting.id}"`;
    const { res, ms } = await timed(`mutation {
      ${update("a", meeting.id, meeting.version, "Sala A", key)}
      ${update("b", meeting.id, meeting.version, "Sala A", key)}
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.b).toEqual(res.data.a);
    expect(res.data.a.meeting.version).toBe(meeting.version + 1);
    expect(ms).toBeLessThan(QUICK_MS);
    await expectReady();
  });
});

describe("writes from several clients at once", () => {
  it("serialises writers of one record (one wins each version) and lets writers of others through", async () => {
    const shared = await scheduled();
    const others = await Promise.all([1, 2, 3].map((i) => scheduled(`Sala ${i}`)));
    const started = Date.now();
    const results = await Promise.all([
      ...[1, 2, 3, 4].map((i) => timed(`mutation { ${update("u", shared.id, shared.version, `Disputa ${i}`)} }`)),
      ...others.map((m, i) => timed(`mutation { ${update("u", m.id, m.version, `Própria ${i}`)} }`)),
      timed(`{ meetings(first: 5) { edges { node { id agenda { title } council { name } } } } }`),
    ]);
    const shares = results.slice(0, 4).map(({ res }) => (res.errors ? codesOf(res)[0] : "OK"));
    expect(shares.filter((c) => c === "OK")).toHaveLength(1);
    expect(shares.filter((c) => c === "CONFLICT")).toHaveLength(3);
    for (const { res } of results.slice(4)) expect(res.errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(QUICK_MS * 2);
    await expectReady();
  });
});
