import { councils } from "@contagem/councils";
import { adminToken, gql, mintToken, setClock, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "./definition";

/**
 * Contagem's calendar through the graph: a meeting at 21:30 on New Year's Eve (00:30 UTC on 1 January) belongs to
 * the year that is ending, in its label, the numbering of its minutes and resolutions, the date of what it adopts and
 * the term in force. Every instant is written with its offset, so no expectation depends on the host's TZ or on the
 * database session's TimeZone (packages/stack/src/civil-time.tz.test.ts runs this file again under other ones).
 */
let system: RunningSystem;
let admin: string;
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"), {
    responseCacheTtlMs: 0,
  });
  admin = await adminToken();
});
afterAll(() => system.stop());

/** A council with its rules and two terms that change at midnight of 31 December 2025, a titular in each seat. */
async function council(slug: string) {
  const token = await mintToken({ sub: `secretaria-${slug}`, roles: ["SECRETARY"], councils: [slug] });
  const call = async (query: string, i: Record<string, unknown>, as = token) => {
    const res = await gql(system.gatewayUrl, query, { i }, { token: as });
    if (res.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const { data } = await gql(system.gatewayUrl, `query($s: String) { council(slug: $s) { id version } }`, { s: slug });
  const councilId = data.council.id as string;
  await call(`mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id } } }`, {
    id: councilId, expectedVersion: data.council.version, rules: { ordinaryNoticeDays: 7, quorumRule: "ABSOLUTE_MAJORITY" },
  }, admin);
  const term = async (startsOn: string, endsOn: string, seats: number) => {
    const { openTerm } = await call(`mutation($i: OpenTermInput!) { openTerm(input: $i) { term { id seats { id } } } }`, {
      councilId, startsOn, endsOn, seats: Array.from({ length: seats }, () => ({ sector: "CIVIL_SOCIETY" })),
    });
    const mandates: string[] = [];
    for (const seat of openTerm.term.seats) {
      const { appointMandate } = await call(`mutation($i: AppointMandateInput!) { appointMandate(input: $i) { mandate { id } } }`, {
        seatId: seat.id, personName: `Conselheira ${slug} ${startsOn} ${mandates.length + 1}`, role: "FULL_MEMBER", startsOn,
      });
      mandates.push(appointMandate.mandate.id);
    }
    return { id: openTerm.term.id as string, mandates };
  };
  const ending = await term("2024-01-01", "2025-12-31", 2);
  const next = await term("2026-01-01", "2027-12-31", 3);

  /** Scheduled with the default label, convened a week before, held with every titular of `sitting` present. */
  async function meeting(startsAt: string, sitting?: string[]) {
    const { scheduleMeeting } = await call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version sequenceLabel } } }`, {
      councilId, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt, agenda: [{ kind: "DELIBERATION", title: "Pauta única" }],
    });
    const m = scheduleMeeting.meeting;
    if (!sitting) return { id: m.id as string, label: m.sequenceLabel as string };
    const { conveneMeeting } = await call(`mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { version } } }`, {
      meetingId: m.id, expectedVersion: m.version, convenedAt: new Date(Date.parse(startsAt) - 7 * 86_400_000).toISOString(),
    });
    const { recordAttendance } = await call(
      `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { meeting { quorum { seats present achieved } } } }`,
      { meetingId: m.id, expectedVersion: conveneMeeting.meeting.version, entries: sitting.map((mandateId) => ({ mandateId, status: "PRESENT" })) },
    );
    return { id: m.id as string, label: m.sequenceLabel as string, quorum: recordAttendance.meeting.quorum };
  }
  const minutes = async (meetingId: string) =>
    (await call(`mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { year number label } } }`, { meetingId, body: "Ata." }))
      .draftMinutes.minutes;
  const resolution = async (meetingId: string) =>
    (await call(`mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { date year number label } } }`, {
      meetingId, summary: "Dispõe sobre o calendário.", body: "Art. 1º Fica aprovado o calendário.",
    })).adoptResolution.resolution;
  const endMandate = async (mandateId: string, endsOn: string) =>
    call(`mutation($i: EndMandateInput!) { endMandate(input: $i) { mandate { id } } }`, { mandateId, expectedVersion: 1, endsOn, reason: "RESIGNED" });
  const convened = async (startsAt: string) => {
    const m = await meeting(startsAt);
    await call(`mutation($i: ConveneMeetingInput!) { conveneMeeting(input: $i) { meeting { id } } }`, {
      meetingId: m.id, expectedVersion: 1, convenedAt: new Date(Date.parse(startsAt) - 7 * 86_400_000).toISOString(),
    });
    return m;
  };
  return { councilId, ending, next, meeting, minutes, resolution, endMandate, convened };
}

describe("Contagem's civil time", () => {
  it("gives a meeting at 21:30 on 31 December 2025 the year 2025: label, minutes, resolution, term in force", async () => {
    const c = await council("comic");
    const eve = await c.meeting("2025-12-31T21:30:00-03:00", c.ending.mandates);
    // The next year's first meeting, recorded first: its minutes take 001/2026 and must not push the eve's to 002/2026.
    const january = await c.meeting("2026-01-15T19:00:00-03:00", c.next.mandates);
    expect(await c.minutes(january.id)).toEqual({ year: 2026, number: 1, label: "Ata 001/2026" });

    expect(eve.label).toBe("1ª Reunião Ordinária de 2025");
    expect(eve.quorum).toEqual({ seats: 2, present: 2, achieved: true });
    expect(await c.minutes(eve.id)).toEqual({ year: 2025, number: 1, label: "Ata 001/2025" });
    expect(await c.resolution(eve.id)).toEqual({ date: "2025-12-31", year: 2025, number: 1, label: "Resolução 001/2025" });
    expect(january.label).toBe("1ª Reunião Ordinária de 2026");

    const { data } = await gql(system.gatewayUrl, `query($id: ID!) { council(id: $id) {
      y2025: minutes(filter: { year: 2025 }, first: 10) { totalCount }
      resolutions(filter: { year: 2025 }, first: 10) { edges { node { date } } }
      termAt(date: "2025-12-31") { id } } }`, { id: c.councilId }, { token: admin });
    expect(data.council).toEqual({ y2025: { totalCount: 1 }, resolutions: { edges: [{ node: { date: "2025-12-31" } }] }, termAt: { id: c.ending.id } });
  });

  it("dates a resolution adopted at 21:30 on 10 March on 10 March", async () => {
    const c = await council("cmmc");
    const march = await c.meeting("2026-03-10T21:30:00-03:00", c.next.mandates);
    expect(await c.resolution(march.id)).toEqual({ date: "2026-03-10", year: 2026, number: 1, label: "Resolução 001/2026" });
  });

  it("numbers the meetings of New Year's Eve at 20:59, 21:00 and 23:59 in 2025, and midnight's in 2026", async () => {
    const c = await council("cmasc");
    const labels = [];
    for (const startsAt of ["2025-12-31T20:59:00-03:00", "2025-12-31T21:00:00-03:00", "2025-12-31T23:59:00-03:00", "2026-01-01T00:00:00-03:00"]) {
      labels.push((await c.meeting(startsAt)).label);
    }
    expect(labels).toEqual([
      "1ª Reunião Ordinária de 2025",
      "2ª Reunião Ordinária de 2025",
      "3ª Reunião Ordinária de 2025",
      "1ª Reunião Ordinária de 2026",
    ]);
  });
});

describe("Contagem's today", () => {
  afterEach(() => jest.useRealTimers());
  const read = async (councilId: string) =>
    (await gql(system.gatewayUrl, `query($id: ID!) { council(id: $id) { currentTerm { id seats { mandates { id } } } nextMeeting { id } } }`, { id: councilId })).data
      .council;

  it("keeps 2025's term and a mandate ending on 31 December in force until Contagem's midnight", async () => {
    const c = await council("comsan");
    await c.endMandate(c.ending.mandates[0], "2025-12-31");
    for (const now of ["2025-12-31T20:59:00-03:00", "2025-12-31T21:00:00-03:00", "2025-12-31T23:59:59-03:00"]) {
      setClock(now);
      const { currentTerm } = await read(c.councilId);
      expect({ now, term: currentTerm.id }).toEqual({ now, term: c.ending.id });
      expect(currentTerm.seats.flatMap((s: { mandates: { id: string }[] }) => s.mandates.map((m) => m.id))).toEqual(c.ending.mandates);
    }
    setClock("2026-01-01T00:00:00-03:00");
    expect((await read(c.councilId)).currentTerm.id).toBe(c.next.id);
  });

  it("shows a meeting under way this evening as the next one until the day ends in Contagem", async () => {
    const c = await council("compac");
    const tonight = await c.convened("2026-03-10T19:00:00-03:00");
    setClock("2026-03-10T21:30:00-03:00");
    expect((await read(c.councilId)).nextMeeting).toEqual({ id: tonight.id });
    setClock("2026-03-11T00:00:00-03:00");
    expect((await read(c.councilId)).nextMeeting).toBeNull();
  });
});
