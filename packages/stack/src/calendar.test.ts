import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import ICAL from "ical.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The councils' calendars as a subscriber's calendar application reads them: parsed back with Mozilla's ical.js (an
 * independent iCalendar parser), with the municipality's VTIMEZONE, one event per meeting, a reschedule raising the
 * event's SEQUENCE and a cancellation kept as STATUS:CANCELLED.
 */
let system: RunningSystem;
let secretary: string;
const DAY = 86_400_000;
// 18:30 in Contagem (UTC−3) on a day ten days from now.
const startsAt = (() => {
  const day = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
  return `${day}T18:30:00-03:00`;
})();

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}

const schedule = async (councilId: string, at: string, title: string, extra: Record<string, unknown> = {}) =>
  (await call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id databaseId version } } }`, {
    i: { councilId, type: "ORDINARY", modality: "HYBRID", place: "Centro Administrativo, sala 3", onlineUrl: "https://reunioes.example.org/compur?sala=3,andar=2;x", startsAt: at, agenda: [{ kind: "DELIBERATION", title }], ...extra },
  }, secretary)).scheduleMeeting.meeting;

let kept: { id: string; databaseId: number; version: number };
let cancelled: { id: string; databaseId: number };
let placed: { databaseId: number };
let pointOnly: { databaseId: number };
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  secretary = await mintToken({ sub: "secretaria-compur-calendario", roles: ["SECRETARY"], councils: ["compur"] });
  const { council } = await call(`{ council(slug: "compur") { id } }`);
  kept = await schedule(council.id, startsAt, "Plano Diretor: revisão");
  const other = await schedule(council.id, new Date(Date.parse(startsAt) + 7 * DAY).toISOString(), "Praças da Sede");
  await call(`mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { meeting { id } } }`, { i: { meetingId: other.id, expectedVersion: other.version, reason: "Falta de quórum previsto" } }, secretary);
  cancelled = other;
  // Synthetic coordinates (the project states none of Contagem's it has no source for).
  placed = await schedule(council.id, new Date(Date.parse(startsAt) + 2 * DAY).toISOString(), "Orçamento", {
    place: null,
    location: { name: "Casa dos Conselhos", address: { streetAddress: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado", postalCode: "32000-000" }, point: { type: "Point", coordinates: [-45.5, -20.25] } },
  });
  pointOnly = await schedule(council.id, new Date(Date.parse(startsAt) + 3 * DAY).toISOString(), "Praças", { location: { point: { type: "Point", coordinates: [-41.125, -16.5] } } });
}, 120_000);
afterAll(() => system.stop());

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(new URL(path, system.gatewayUrl), { headers, method });
/** The events as a client reads them, the calendar's own VTIMEZONE registered first (as clients do). */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}
const uid = (databaseId: number) => `meeting-${databaseId}@contagem-participation-graph`;

describe("/calendar/<council>.ics", () => {
  it("parses with an independent parser: the municipality's VTIMEZONE, the meeting at its civil time, its agenda and place", async () => {
    const res = await get("/calendar/compur.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    // RFC 5545 §3.1: every line ends with CRLF, the last one too.
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("America/Sao_Paulo");
    const event = events(text).find((e) => e.uid === uid(kept.databaseId))!;
    expect(event).toBeDefined();
    expect(event.startDate.zone.tzid).toBe("America/Sao_Paulo");
    expect(event.startDate.toString()).toBe(`${startsAt.slice(0, 10)}T18:30:00`);
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(startsAt));
    expect(event.summary).toMatch(/^COMPUR — \d+ª Reunião Ordinária de \d{4}$/);
    expect(event.location).toBe("Centro Administrativo, sala 3");
    // A URI is not text: no backslash escapes; `,` and `;` percent-encoded, the same address.
    expect(event.component.getFirstPropertyValue("url")).toBe("https://reunioes.example.org/compur?sala=3%2Candar=2%3Bx");
    expect(event.description).toContain("1. Plano Diretor: revisão");
    expect(event.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
    // DTSTAMP, CREATED and LAST-MODIFIED are UTC (RFC 5545 §3.8.7), whatever the zone of the events.
    for (const name of ["dtstamp", "created", "last-modified"]) expect((event.component.getFirstPropertyValue(name) as ICAL.Time).zone?.tzid).toBe("UTC");
  });

  it("puts a meeting's place in LOCATION (its name, then its address) and its point in GEO, latitude first (RFC 5545 §3.8.1.6)", async () => {
    const all = events(await (await get("/calendar/compur.ics")).text());
    const event = all.find((e) => e.uid === uid(placed.databaseId))!;
    expect(event.location).toBe("Casa dos Conselhos\nAv. José Faria da Rocha, 1016 - Eldorado, Contagem - MG, 32000-000");
    expect(event.component.getFirstPropertyValue("geo")).toEqual([-20.25, -45.5]);
    // A point alone: the call's words stay the LOCATION, the point is GEO.
    const other = all.find((e) => e.uid === uid(pointOnly.databaseId))!;
    expect(other.location).toBe("Centro Administrativo, sala 3");
    expect(other.component.getFirstPropertyValue("geo")).toEqual([-16.5, -41.125]);
    // A meeting with no point has no GEO.
    expect(all.find((e) => e.uid === uid(kept.databaseId))!.component.getFirstPropertyValue("geo")).toBeNull();
  });

  it("shows a cancellation: the event stays, STATUS:CANCELLED, with the reason", async () => {
    const event = events(await (await get("/calendar/compur.ics")).text()).find((e) => e.uid === uid(cancelled.databaseId))!;
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.summary).toMatch(/^\[cancelada\] COMPUR/);
    expect(event.description).toContain("Motivo: Falta de quórum previsto");
  });

  it("raises the event's SEQUENCE when the meeting changes, so calendar applications replace it", async () => {
    const before = events(await (await get("/calendar/compur.ics")).text()).find((e) => e.uid === uid(kept.databaseId))!;
    const later = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
    await call(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { version } } }`, { i: { meetingId: kept.id, expectedVersion: kept.version, startsAt: later } }, secretary);
    const after = events(await (await get("/calendar/compur.ics")).text()).find((e) => e.uid === uid(kept.databaseId))!;
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.startDate.toString()).toBe(`${startsAt.slice(0, 10)}T19:30:00`);
  });

  it("answers an ETag and 304 on revalidation, HEAD without a body, 404 for an unknown council, 405 for a write", async () => {
    const res = await get("/calendar/compur.ics");
    const etag = res.headers.get("etag")!;
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=300/);
    expect((await get("/calendar/compur.ics", { "if-none-match": etag })).status).toBe(304);
    const head = await get("/calendar/compur.ics", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const unknown = await get("/calendar/nao-existe.ics");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe("NOT_FOUND");
    for (const path of ["/calendar/", "/calendar/../x.ics", "/calendar/compur", "/calendar/%E0%A4%A.ics"]) expect({ path, status: (await get(path)).status }).toEqual({ path, status: 404 });
    // A slug in capitals or percent-encoded is the same council; a write is refused whatever the path.
    for (const path of ["/calendar/COMPUR.ics", "/calendar/comp%75r.ics"]) expect((await get(path)).headers.get("etag")).toBe(etag);
    for (const path of ["/calendar/compur.ics", "/calendar/COMPUR.ics", "/calendar/nope"]) expect((await get(path, {}, "POST")).status).toBe(405);
  });
});

describe("/calendar/all.ics", () => {
  it("holds every council's meetings, each named with its council", async () => {
    const all = events(await (await get("/calendar/all.ics")).text());
    expect(all.map((e) => e.uid)).toEqual(expect.arrayContaining([uid(kept.databaseId), uid(cancelled.databaseId)]));
    expect(new Set(all.map((e) => e.uid)).size).toBe(all.length);
  });
});
