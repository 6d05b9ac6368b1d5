import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { participation } from "@contagem/participation";
import { gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Places of meetings and works (issue 14, §5) through the gateway, as a secretary writes them and anyone reads them:
 * the same Place on both subgraphs' types, replaced whole or removed by an update, every write audited, and a point
 * outside the configured box or a malformed part refused as BAD_USER_INPUT naming the field, with nothing written.
 */
// A synthetic box (not the municipality's: the project states no coordinates it has no source for).
const BOX = "-50,-25,-40,-15";
const PLACE = `location { name address { streetAddress neighbourhood postalCode addressLocality addressRegion addressCountry } point { type coordinates } }`;
const CASA = {
  name: "Casa dos Conselhos",
  address: { streetAddress: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado", postalCode: "32000000" },
  point: { type: "Point", coordinates: [-45.5, -20.25] },
};
const CASA_READ = {
  name: "Casa dos Conselhos",
  address: { streetAddress: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado", postalCode: "32000-000", addressLocality: "Contagem", addressRegion: "MG", addressCountry: "BR" },
  point: { type: "Point", coordinates: [-45.5, -20.25] },
};

let system: RunningSystem;
let secretary: string;
let staff: string;
let compur: string;
let regional: string;
let n = 0;

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}
const startsAt = () => new Date(Date.now() + (20 + n++) * 86_400_000).toISOString();
const schedule = (extra: Record<string, unknown>) =>
  gql(system.gatewayUrl, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id databaseId version ${PLACE} } } }`, {
    i: { councilId: compur, type: "ORDINARY", modality: "IN_PERSON", place: "Casa dos Conselhos, sala 2", startsAt: startsAt(), ...extra },
  }, { token: secretary });
const updateMeeting = async (meeting: { id: string; version: number }, extra: Record<string, unknown>) =>
  (await call(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { id version sequenceLabel ${PLACE} } } }`, {
    i: { meetingId: meeting.id, expectedVersion: meeting.version, ...extra },
  }, secretary)).updateMeeting.meeting;
const createWorks = (extra: Record<string, unknown>) =>
  gql(system.gatewayUrl, `mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { id databaseId version ${PLACE} } } }`, {
    i: { councilId: regional, title: "Reforma da praça do bairro", estimatedCost: 150000, year: 2026, ...extra },
  }, { token: staff });
const audit = (entityType: string, id: number) =>
  system.subgraphs.meetings.orm.em.getConnection().execute<{ action: string; changed: boolean }[]>(
    `select action, before_hash is distinct from after_hash as changed from "${system.subgraphs.meetings.database.auditSchema}".audit_entry
      where entity_type = ? and entity_id = ? order by id`,
    [entityType, id],
  );
const count = async (subgraph: "meetings" | "participation", table: string) =>
  (await system.subgraphs[subgraph].orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from "${system.subgraphs[subgraph].database.schema}".${table}`))[0].n;

beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"), { settings: { MUNICIPALITY_BBOX: BOX } });
  secretary = await mintToken({ sub: "secretaria-compur-places", roles: ["SECRETARY"], councils: ["compur"] });
  staff = await mintToken({ sub: "staff-places", roles: ["STAFF"] });
  const read = await call(`{ a: council(slug: "compur") { id } r: council(slug: "conselho-regional-sede") { id } }`);
  [compur, regional] = [read.a.id, read.r.id];
}, 120_000);
afterAll(() => system.stop());

describe("a meeting's place", () => {
  it("is written by the council's secretary and read back by anyone, the CEP normalised, the point in GeoJSON's order", async () => {
    const { data, errors } = await schedule({ location: CASA });
    expect(errors).toBeUndefined();
    expect(data.scheduleMeeting.meeting.location).toEqual(CASA_READ);
    const { meeting } = await call(`query($id: ID!) { meeting(id: $id) { place ${PLACE} } }`, { id: data.scheduleMeeting.meeting.id });
    expect(meeting).toEqual({ place: "Casa dos Conselhos, sala 2", location: CASA_READ });
    // The council's list pages its meetings in one statement for every council asked (parent pages): the place too.
    const { council } = await call(`{ council(slug: "compur") { meetings(first: 100) { edges { node { databaseId ${PLACE} } } } } }`);
    const listed = council.meetings.edges.find((e: { node: { databaseId: number } }) => e.node.databaseId === data.scheduleMeeting.meeting.databaseId);
    expect(listed.node.location).toEqual(CASA_READ);
  });

  it("is null when none is given; an update replaces it whole, keeps it when omitted, removes it with {} — each write audited", async () => {
    const { data } = await schedule({});
    const scheduled = data.scheduleMeeting.meeting;
    expect(scheduled.location).toBeNull();
    const placed = await updateMeeting(scheduled, { location: { name: "Escola Municipal", point: { type: "Point", coordinates: [-41, -16] } } });
    expect(placed.location).toEqual({ name: "Escola Municipal", address: null, point: { type: "Point", coordinates: [-41, -16] } });
    const relabelled = await updateMeeting(placed, { sequenceLabel: "Reunião na escola" });
    expect(relabelled.location).toEqual(placed.location);
    const removed = await updateMeeting(relabelled, { location: {} });
    expect(removed.location).toBeNull();
    expect(await audit("Meeting", scheduled.databaseId)).toEqual([
      { action: "meeting.schedule", changed: true },
      { action: "meeting.update", changed: true },
      { action: "meeting.update", changed: true },
      { action: "meeting.update", changed: true },
    ]);
  });

  it("outside the box, or malformed, is BAD_USER_INPUT naming the field, and nothing is written", async () => {
    const before = await count("meetings", "meeting");
    const refused = [
      [{ ...CASA, point: { type: "Point", coordinates: [-20.25, -45.5] } }, "location.point.coordinates", /outside the municipality .*GeoJSON puts the longitude first/],
      [{ ...CASA, point: { type: "Point", coordinates: [-30, -20] } }, "location.point.coordinates", /outside the municipality \(longitude -50 to -40, latitude -25 to -15\)\.$/],
      [{ point: { type: "Polygon", coordinates: [-45, -20] } }, "location.point.type", /must be "Point"/],
      [{ address: { streetAddress: "Rua Um, 10", postalCode: "320-00" } }, "location.address.postalCode", /must be a CEP/],
    ] as const;
    for (const [location, field, message] of refused) {
      const { errors } = await schedule({ location });
      expect({ field, errors: errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field })) }).toEqual({ field, errors: [{ code: "BAD_USER_INPUT", field }] });
      expect(errors![0].message).toMatch(message);
    }
    // Values of the wrong type fail the variables' coercion, before any resolver: BAD_USER_INPUT too, one per value.
    const { errors } = await schedule({ location: { point: { type: "Point", coordinates: ["-45", "south"] } } });
    expect(errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT", "BAD_USER_INPUT"]);
    expect(await count("meetings", "meeting")).toBe(before);
  });
});

describe("the place of works", () => {
  it("is recorded by STAFF, replaced by an update, and listed with the works, the same Place type as a meeting's", async () => {
    const { data, errors } = await createWorks({ location: CASA });
    expect(errors).toBeUndefined();
    const works = data.createIntervention.intervention;
    expect(works.location).toEqual(CASA_READ);
    const moved = { name: "Praça do bairro", address: { streetAddress: "Rua Dois, s/n", neighbourhood: "Centro" } };
    const { updateIntervention } = await call(`mutation($i: UpdateInterventionInput!) { updateIntervention(input: $i) { intervention { ${PLACE} } } }`, {
      i: { id: works.id, expectedVersion: works.version, location: moved },
    }, staff);
    const movedRead = { name: "Praça do bairro", address: { streetAddress: "Rua Dois, s/n", neighbourhood: "Centro", postalCode: null, addressLocality: "Contagem", addressRegion: "MG", addressCountry: "BR" }, point: null };
    expect(updateIntervention.intervention.location).toEqual(movedRead);
    const { interventions } = await call(`{ interventions(first: 100, filter: { councilId: "${regional}" }) { edges { node { databaseId ${PLACE} } } } }`);
    expect(interventions.edges.find((e: { node: { databaseId: number } }) => e.node.databaseId === works.databaseId).node.location).toEqual(movedRead);
    expect(await audit("Intervention", works.databaseId)).toEqual([
      { action: "intervention.create", changed: true },
      { action: "intervention.update", changed: true },
    ]);
  });

  it("outside the box is BAD_USER_INPUT naming the field, and no works are recorded", async () => {
    const before = await count("participation", "intervention");
    const { errors } = await createWorks({ location: { point: { type: "Point", coordinates: [-39.9, -20] } } });
    expect(errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }))).toEqual([{ code: "BAD_USER_INPUT", field: "location.point.coordinates" }]);
    expect(await count("participation", "intervention")).toBe(before);
  });
});

describe("MUNICIPALITY_BBOX at start", () => {
  it.each([meetings, participation])("is read from the environment by the $name subgraph, and a malformed box stops it with the variable's name", (definition) => {
    expect(definition.settings).toContain("MUNICIPALITY_BBOX");
    expect(() => definition.checkSettings!({ MUNICIPALITY_BBOX: "-50,-25,-40" })).toThrow(/^MUNICIPALITY_BBOX must be "minLon,minLat,maxLon,maxLat"/);
    expect(() => definition.checkSettings!({ MUNICIPALITY_BBOX: BOX })).not.toThrow();
    expect(() => definition.checkSettings!({})).not.toThrow();
  });
});
