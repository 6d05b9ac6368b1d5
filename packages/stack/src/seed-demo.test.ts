import { seedCouncilsDemo } from "@contagem/councils";
import { seedMeetingsDemo } from "@contagem/meetings";
import { seedParticipationDemo } from "@contagem/participation";
import { civilYear } from "@contagem/schema";
import { gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";
import { seedDemoInto } from "./seed-demo";

let system: RunningSystem;
const options = { years: 2, councils: 3, seed: 7 }; // 3 synthetic councils beside the 35 bodies of the public record
let structure: Awaited<ReturnType<typeof seedCouncilsDemo>>;
let counts: Awaited<ReturnType<typeof seedMeetingsDemo>>;
let people: Awaited<ReturnType<typeof seedParticipationDemo>>;

let failedAttempt: { error: string; councils: number; meetings: number; participants: number };

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
  const orms = { councils: system.subgraphs.councils.orm, meetings: system.subgraphs.meetings.orm, participation: system.subgraphs.participation.orm };
  // First attempt: the database refuses the participation part's works (the last step), after the councils and
  // meetings parts have written everything.
  const schemaOf = (name: keyof typeof orms) => `"${orms[name].config.get("schema")}"`;
  const admin = orms.councils.em.fork();
  await admin.execute(`create or replace function ${schemaOf("participation")}.refuse() returns trigger language plpgsql as $$
    begin raise exception 'refused by the test'; end $$`);
  await admin.execute(`create trigger refuse before insert on ${schemaOf("participation")}.intervention for each statement
    execute function ${schemaOf("participation")}.refuse()`);
  const error = await seedDemoInto(orms, { ...options, participants: 50 }).then(() => "none", (e: Error) => e.message);
  await admin.execute(`drop trigger refuse on ${schemaOf("participation")}.intervention`);
  const [row] = await admin.execute<{ councils: number; meetings: number; participants: number }[]>(`select
    (select count(*) from ${schemaOf("councils")}.council where name like '%(sintético)')::int as councils,
    (select count(*) from ${schemaOf("meetings")}.meeting where recorded_from = 'SECRETARIAT')::int as meetings,
    (select count(*) from ${schemaOf("participation")}.participant)::int as participants`);
  failedAttempt = { error, ...row };
  ({ structure, counts, people } = await seedDemoInto(orms, { ...options, participants: 300 }));
}, 120_000);
afterAll(() => system.stop());

describe("seed:demo", () => {
  it("is all or nothing across the three subgraphs: a failure in its last part leaves no synthetic row anywhere", () => {
    expect(failedAttempt).toEqual({ error: expect.stringContaining("refused by the test"), councils: 0, meetings: 0, participants: 0 });
  });

  it("adds clearly synthetic councils and years of history", async () => {
    expect(counts.meetings).toBeGreaterThan(30);
    expect(counts.minutes).toBeGreaterThan(10);
    const res = await gql(system.gatewayUrl, `{ councils(first: 100) { totalCount edges { node { name notes } } } }`);
    // 3 synthetic policy councils and one synthetic regional council per region (8), beside the record's 35.
    expect(res.data.councils.totalCount).toBe(35 + 3 + 8);
    const synthetic = res.data.councils.edges.filter((e: any) => e.node.name.includes("(sintético)"));
    expect(synthetic).toHaveLength(3 + 8);
    expect(synthetic.every((e: any) => e.node.notes.includes("sintéticos"))).toBe(true);
    const search = await gql(system.gatewayUrl, `{ searchMinutes(query: "reuniões", first: 1) { totalCount edges { node { excerpt } } } }`);
    expect(search.data.searchMinutes.totalCount).toBeGreaterThan(0);
  });

  it("adds synthetic participants and their activity, with figures suppressed where small", async () => {
    expect(people).toMatchObject({ participants: 300 });
    expect(people.ballots).toBeGreaterThan(0);
    const res = await gql(system.gatewayUrl, `{ participationStats(groupBy: [TERRITORY]) { territory { code } participants suppressed } processes(first: 1) { totalCount } interventions(first: 1) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.participationStats.length).toBe(8);
    // The public record's processes (Decide Contagem's 8) stay beside the synthetic ones.
    expect(res.data.processes.totalCount).toBe(people.processes + 8);
    expect(res.data.interventions.totalCount).toBe(people.interventions);
  });

  it("keeps the rules the writes enforce: votes within the seats occupied, minutes approved by the item that names them", async () => {
    const em = system.subgraphs.meetings.orm.em.fork();
    const s = `"${em.config.get("schema")}"`;
    const [{ overVoted }] = await em.execute(`select count(*)::int as "overVoted" from ${s}.deliberation d join ${s}.meeting m on m.id = d.meeting_id
      where d.votes_for + d.votes_against + d.abstentions > m.present_count`);
    const [{ unnamed, approved }] = await em.execute(`select count(*) filter (where a.id is null)::int as unnamed, count(*)::int as approved from ${s}.minutes n
      left join ${s}.agenda_item a on a.meeting_id = n.approved_at_meeting_id and a.kind = 'APPROVAL_OF_MINUTES' and a.minutes_id = n.id
      where n.approved_at_meeting_id is not null`);
    expect({ overVoted, unnamed }).toEqual({ overVoted: 0, unnamed: 0 });
    expect(approved).toBeGreaterThan(0);
  });

  it("refuses to run twice on the same database", async () => {
    await expect(
      system.subgraphs.councils.orm.em.fork().transactional((em) => seedCouncilsDemo(em as EntityManager, options)),
    ).rejects.toThrow(/already in this database/);
  });

  it("never mixes with the public record: history only on synthetic councils, the record's meetings untouched", async () => {
    expect(structure.map((c) => c.name).every((name) => name.endsWith("(sintético)"))).toBe(true);
    const res = await gql(system.gatewayUrl, `{ councils(first: 60) { edges { node { name currentTerm { id }
      meetings(first: 10, filter: { recordedFrom: SECRETARIAT }) { totalCount } minutes(first: 1) { totalCount } } } } }`);
    expect(res.errors).toBeUndefined();
    const real = res.data.councils.edges.map((e: any) => e.node).filter((n: any) => !n.name.includes("(sintético)"));
    expect(real).toHaveLength(35);
    expect(real.every((n: any) => n.currentTerm === null && n.minutes.totalCount === 0 && n.meetings.totalCount === 0)).toBe(true);
    // Works budgets and works belong to synthetic regional councils only.
    const works = await gql(system.gatewayUrl, `{ processes(first: 100) { edges { node { title council { name } } } }
      interventions(first: 100) { edges { node { council { name } } } } }`);
    expect(works.errors).toBeUndefined();
    const synthetic = works.data.processes.edges.map((e: any) => e.node).filter((p: any) => p.title.includes("(sintético)"));
    expect(synthetic.length).toBeGreaterThan(0);
    const councilsNamed = [...synthetic, ...works.data.interventions.edges.map((e: any) => e.node)].map((n: any) => n.council?.name ?? "(none)");
    expect(councilsNamed.filter((name: string) => !name.endsWith("(sintético)"))).toEqual([]);
  });

  it("writes a subgraph's demo all or nothing: a second meetings demo fails and leaves no row of it", async () => {
    const em = system.subgraphs.meetings.orm.em.fork();
    const s = `"${em.config.get("schema")}"`;
    const count = async () => (await em.execute(`select (select count(*) from ${s}.meeting)::int + (select count(*) from ${s}.minutes)::int as n`))[0].n;
    const before = await count();
    await expect(
      system.subgraphs.meetings.orm.em.fork().transactional((tx) => seedMeetingsDemo(tx as EntityManager, structure, options)),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it("leaves numbering where a secretary's new minutes continue it, without gaps or duplicates", async () => {
    const { data } = await gql(system.gatewayUrl, `{ councils(first: 1, filter: { search: "sintetico" }) { edges { node { id slug
      currentTerm { seats { mandates { id role } } } } } } }`);
    const council = data.councils.edges[0].node;
    const secretary = await mintToken({ roles: ["SECRETARY"], councils: [council.slug] });
    const call = async (query: string, i: Record<string, unknown>) => {
      const res = await gql(system.gatewayUrl, query, { i }, { token: secretary });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const startsAt = new Date(Date.now() - 3_600_000);
    const year = civilYear(startsAt);
    const { scheduleMeeting } = await call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version } } }`, {
      councilId: council.id, type: "EXTRAORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: startsAt.toISOString(), agenda: [{ kind: "INFORMATIVE", title: "Informes" }],
    });
    const { conveneMeeting } = await call(`mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { version } } }`, {
      meetingId: scheduleMeeting.meeting.id, expectedVersion: scheduleMeeting.meeting.version, convenedAt: new Date(startsAt.getTime() - 5 * 86_400_000).toISOString(),
    });
    const titulars = council.currentTerm.seats.flatMap((s: any) => s.mandates.filter((m: any) => m.role === "FULL_MEMBER").map((m: any) => m.id));
    await call(`mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { id } } }`, {
      meetingId: scheduleMeeting.meeting.id, expectedVersion: conveneMeeting.meeting.version, entries: titulars.map((id: string) => ({ mandateId: id, status: "PRESENT" })),
    });
    const { draftMinutes } = await call(`mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { number year } } }`, {
      meetingId: scheduleMeeting.meeting.id, body: "Ata da reunião extraordinária",
    });
    const all = await gql(system.gatewayUrl, `query($c: ID, $y: Int) { council(id: $c) { minutes(first: 100, filter: { year: $y }) { edges { node { number } } } } }`,
      { c: council.id, y: year }, { token: secretary });
    const numbers = all.data.council.minutes.edges.map((e: any) => e.node.number).sort((a: number, b: number) => a - b);
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(draftMinutes.minutes).toEqual({ number: numbers.length, year });
  });
});
