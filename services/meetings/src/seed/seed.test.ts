import { councils } from "@contagem/councils";
import { councilSlugOf, englishWordsIn, record } from "@contagem/record";
import { adminToken, codesOf, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "../definition";
import { seedMeetings } from "./seed";

/**
 * The meetings of the default seed against the file they come from (issue 11): every expectation is computed from
 * `contagem-sources.json`, so a change that drops or alters part of the public record fails here.
 */
const MEETINGS = `query($s: String) { council(slug: $s) { meetings(first: 100) { totalCount edges { node { id
  type typeLabel sequenceLabel status recordedFrom modality startsAt startTimeStated endsAt place convenedOn convokedOn notes
  agenda { position kind title } publications { document edition pages date } sources { url }
  quorum { rule seats required present achieved } attendance { id } deliberations { id } minutes { id } } } } } }`;

const bodies = [...new Set(record.meetings.map((m) => m.council))];
const DOC = { convocation: "CONVOCATION", correction: "CONVOCATION_CORRECTION", minutes: "MINUTES", "": "UNQUALIFIED" } as Record<string, string>;

let system: RunningSystem;
const found = new Map<string, any[]>();
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  for (const body of bodies) {
    const res = await gql(system.gatewayUrl, MEETINGS, { s: councilSlugOf(body) });
    expect(res.errors).toBeUndefined();
    found.set(body, res.data.council.meetings.edges.map((e: any) => e.node));
  }
});
afterAll(() => system.stop());

describe("the default seed holds the public record's meetings", () => {
  it(`holds the file's ${record.meetings.length} meetings of ${bodies.length} bodies, under their councils`, () => {
    expect(record.meetings).toHaveLength(27);
    expect(bodies).toHaveLength(13);
    for (const body of bodies) expect([body, found.get(body)!.length]).toEqual([body, record.meetings.filter((m) => m.council === body).length]);
  });

  it("gives each its start in Contagem's time, label, agenda in order, DOC publications and source, as the file states them", () => {
    for (const fact of record.meetings) {
      const startsAt = new Date(fact.startsAt ?? `${fact.date}T00:00:00-03:00`).toISOString();
      const node = found.get(fact.council)!.find((n) => n.startsAt === startsAt && n.sources.some((s: any) => s.url === fact.source));
      expect([fact.council, fact.date, node === undefined]).toEqual([fact.council, fact.date, false]);
      expect(node.startTimeStated).toBe(fact.startsAt != null);
      if (fact.sequence) expect(node.sequenceLabel).toBe(fact.sequence);
      expect(node.typeLabel).toBe(fact.type);
      expect(node.place).toBe(fact.place);
      expect(node.endsAt).toBe(fact.endsAt ? new Date(fact.endsAt).toISOString() : null);
      expect(node.agenda.map((a: any) => a.title)).toEqual(fact.agenda);
      expect(node.agenda.map((a: any) => a.position)).toEqual(fact.agenda.map((_, i) => i + 1));
      const cited = Object.entries(DOC).flatMap(([prefix, document]) => {
        const edition = fact[prefix ? `${prefix}DocEdition` : "docEdition"];
        const pages = fact[prefix ? `${prefix}Pages` : "pages"];
        return edition == null ? [] : [{ document, edition: Number(edition), pages: pages ?? null, date: null }];
      });
      expect(node.publications).toEqual(cited);
      if (fact.note) expect(node.notes).toContain(fact.note);
      expect(node.convenedOn).toBe(fact.convokedOn ?? fact.convocationDate ?? null);
      expect(node.convokedOn).toBe(node.convenedOn);
    }
  });

  it("records them as imported from public listings: held where minutes are cited, else convened; no attendance, quorum, votes or minutes record", async () => {
    const all = [...found.values()].flat();
    // What HELD means, as the schema says it, holds for them too: no claim that an attendance was recorded.
    const held = await gql(system.gatewayUrl, `{ __type(name: "MeetingStatus") { enumValues { name description } } }`);
    const description = held.data.__type.enumValues.find((v: any) => v.name === "HELD").description;
    expect(description).toMatch(/PUBLIC_LISTING.*no attendance is on record/);
    expect(all.every((n) => n.recordedFrom === "PUBLIC_LISTING")).toBe(true);
    // The cautious reading: HELD only where the file cites minutes (8 of the 27), CONVENED for the rest.
    const withMinutes = record.meetings.filter((m) => m.minutesDocEdition != null || /\b(minutes|atas?)\b/i.test(String(m.note ?? "")));
    expect(withMinutes).toHaveLength(8);
    expect(all.filter((n) => n.status === "HELD")).toHaveLength(withMinutes.length);
    expect(all.filter((n) => n.status === "CONVENED")).toHaveLength(record.meetings.length - withMinutes.length);
    expect(all.every((n) => Object.values(n.quorum).every((v) => v === null))).toBe(true);
    expect(all.every((n) => n.attendance.length === 0 && n.deliberations.length === 0 && n.minutes === null)).toBe(true);
    const types = Object.fromEntries(all.map((n) => [n.typeLabel ?? "null", n.type]));
    expect(types).toMatchObject({ "ordinária": "ORDINARY", "extraordinária": "EXTRAORDINARY", "plenária ordinária": "ORDINARY", null: "NOT_STATED" });
    expect(all.filter((n) => n.place === null).every((n) => n.modality === "NOT_STATED")).toBe(true);
    expect(all.filter((n) => n.place?.startsWith("online")).every((n) => n.modality === "ONLINE")).toBe(true);
  });

  it("shows their texts in Portuguese: type labels, sequence labels, places, agendas, notes", () => {
    const all = [...found.values()].flat();
    const texts = all.flatMap((n) => [n.typeLabel, n.sequenceLabel, n.place, n.notes, ...n.agenda.map((a: any) => a.title)]).filter(Boolean);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((text: string) => englishWordsIn(text).length)).toEqual([]);
    expect(all.find((n) => n.startsAt === "2024-10-09T12:12:00.000Z").notes).toBe("o horário é o de abertura registrado");
  });

  it("answers COMIC's meetings at the Casa dos Conselhos with their agendas (the README's example)", () => {
    const comic = found.get("COMIC")!;
    const atCasa = comic.filter((n) => n.place?.includes("Casa dos Conselhos"));
    expect(atCasa.map((n) => n.sequenceLabel)).toContain("212ª Reunião Ordinária");
    expect(atCasa.find((n) => n.sequenceLabel === "212ª Reunião Ordinária").startsAt).toBe("2021-12-02T12:00:00.000Z");
  });

  it("is idempotent: a second run writes nothing and does not ask the councils subgraph", async () => {
    const context = { askPeer: () => Promise.reject(new Error("asked councils")) };
    expect(await seedMeetings(system.subgraphs.meetings.orm.em.fork(), context)).toEqual({ meetings: 0 });
  });

  it("keeps them read-only, and out of the council's numbering", async () => {
    const held = found.get("CMPC")!.find((n) => n.sequenceLabel === "5ª Plenária Ordinária");
    const slug = councilSlugOf("CMPC");
    const secretary = await mintToken({ sub: "secretaria-cmpc", roles: ["SECRETARY"], councils: [slug] });
    const minutes = await gql(system.gatewayUrl, `mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { minutes { id } } }`, {
      i: { meetingId: held.id, body: "Ata que a fonte não registra" },
    }, { token: await adminToken() });
    expect(codesOf(minutes)).toEqual(["RECORD_IMMUTABLE"]);
    const cancel = await gql(system.gatewayUrl, `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { meeting { id } } }`, {
      i: { meetingId: held.id, expectedVersion: 1, reason: "teste" },
    }, { token: secretary });
    expect(codesOf(cancel)).toEqual(["RECORD_IMMUTABLE"]);
    const { data } = await gql(system.gatewayUrl, `query($s: String) { council(slug: $s) { id } }`, { s: slug });
    const scheduled = await gql(system.gatewayUrl, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { sequenceLabel recordedFrom } } }`, {
      i: { councilId: data.council.id, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: "2025-06-10T15:00:00-03:00" },
    }, { token: secretary });
    expect(scheduled.data.scheduleMeeting.meeting).toEqual({ sequenceLabel: "1ª Reunião Ordinária de 2025", recordedFrom: "SECRETARIAT" });
    const unstated = await gql(system.gatewayUrl, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`, {
      i: { councilId: data.council.id, type: "NOT_STATED", modality: "IN_PERSON", place: "Sede", startsAt: "2025-06-11T15:00:00-03:00" },
    }, { token: secretary });
    expect(codesOf(unstated)).toEqual(["BAD_USER_INPUT"]);
  });
});
