import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { participation } from "@contagem/participation";
import { civilDate, OPEN_DATA_PACKAGE, OPEN_DATA_ZIP } from "@contagem/schema";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { adminToken, gql, isEmbedded, mintToken, startSystem, TEST_SECRETS, testDatabaseUrl, type RunningSystem } from "@contagem/testkit";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- frictionlessdata's reference implementation ships no types
const { Package } = require("datapackage") as { Package: { load(descriptor: string, options: { basePath: string }): Promise<DataPackage> } };
import { citizen, openVote, testCpf } from "../../../services/participation/src/participation.fixtures";
import { contagemSnapshot } from "../../../services/participation/src/decidim/decidim.fixtures";
import { applyDecidimSnapshot } from "../../../services/participation/src/decidim/import";
import type { EntityManager } from "@mikro-orm/postgresql";
import { exportOpenData, readChecksums, type OpenDataSnapshot } from "./open-data/export";
import { holdMeetings } from "./record-life.fixtures";

interface DataPackage {
  valid: boolean;
  errors: Error[];
  resources: { name: string; read(options: { cast: boolean; relations: boolean }): Promise<unknown[][]> }[];
}

/**
 * The open-data package as a journalist gets it: exported from a system that has been used (a meeting's whole life, a
 * vote with citizens' ballots, supports, proposals and hidden comments), validated with frictionlessdata's own
 * library, checked against the graph, served by the gateway, and free of any personal datum or unpublished text.
 */
const ROOT = join(__dirname, "../../..");
const DAY = 86_400_000;
const NOW = Date.now();
const date = (days: number) => civilDate(new Date(NOW + days * DAY));
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

const PUBLISHED_TEXT = "# Ata da 1ª Reunião Ordinária do COMPUR\n\nO Conselho aprovou, por unanimidade, a requalificação das praças.";
const DRAFT_TEXT = "Rascunho sigiloso QZX-DRAFT-7731: texto que ninguém publicou.";
const people = Array.from({ length: 3 }, (_, i) => ({
  fullName: `Zelda Exportável${i} Probe`,
  email: `zelda${i}.export@privacy-probe.example`,
  phone: `(31) 97654-44${i}1`,
  cpf: testCpf(900 + i),
  birthDate: `1931-0${i + 1}-1${i}`,
  neighbourhood: `Vila Sentinela Export ${i}`,
  handle: `sentinel_export_${i}`,
  profilePublic: i === 0,
}));
const needles = [
  DRAFT_TEXT.slice(0, 30),
  "QZX-DRAFT",
  "secretaria-compur-export",
  ...people.flatMap((p, i) => [p.fullName, "Exportável", p.email, "privacy-probe", p.phone, p.phone.replace(/\D/g, ""), p.cpf, p.cpf.replace(/\D/g, ""), p.birthDate, p.neighbourhood, p.handle, `export-subject-${i}`]),
  "Comentário oculto",
];

let system: RunningSystem;
let out: string;
let snapshot: OpenDataSnapshot;
let secretary: string;

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Citizens with recognisable personal data vote, support, propose and comment (a comment hidden by moderation). */
async function participate() {
  const vote = await openVote(system.gatewayUrl, 3);
  const staff = await mintToken({ sub: "staff-export", roles: ["STAFF"] });
  for (const [i, person] of people.entries()) {
    const token = await citizen(system.gatewayUrl, `export-subject-${i}`, person);
    await call(`mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, { i: { processId: vote.processId, proposalIds: [vote.optionIds[i % 3]] } }, token);
    await call(`mutation($i: SupportProposalInput!) { supportProposal(input: $i) { proposal { id } } }`, { i: { proposalId: vote.optionIds[0] } }, token);
    await call(`mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id } } }`, { i: { processId: vote.processId, title: `Proposta pública ${i}`, body: "Texto da proposta." } }, token);
    const { contribute } = await call(`mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, { i: { proposalId: vote.optionIds[1], body: `Comentário oculto ${i}` } }, token);
    await call(`mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
      i: { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status: "HIDDEN", reason: "Fora do tema" },
    }, staff);
  }
  return vote;
}

/** A meeting and works with their places (synthetic coordinates: the project states none of Contagem's it has no source for). */
async function placeThings() {
  const { a, r } = await call(`{ a: council(slug: "compur") { id } r: council(slug: "conselho-regional-sede") { id } }`);
  const location = { name: "Casa dos Conselhos", address: { streetAddress: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado", postalCode: "32000000" }, point: { type: "Point", coordinates: [-45.5, -20.25] } };
  const { scheduleMeeting } = await call(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { databaseId } } }`, {
    i: { councilId: a.id, type: "EXTRAORDINARY", modality: "IN_PERSON", startsAt: new Date(NOW + 30 * DAY).toISOString(), location },
  }, secretary);
  const { createIntervention } = await call(`mutation($i: CreateInterventionInput!) { createIntervention(input: $i) { intervention { databaseId } } }`, {
    i: { councilId: r.id, title: "Reforma da praça", estimatedCost: 1000, year: 2026, location: { address: { streetAddress: "Rua Dois, s/n" }, point: { type: "Point", coordinates: [-41, -16.125] } } },
  }, await mintToken({ sub: "staff-export-works", roles: ["STAFF"] }));
  return { meeting: scheduleMeeting.meeting.databaseId as number, works: createIntervention.intervention.databaseId as number };
}

let placed: { meeting: number; works: number };
let vote: { processId: string; optionIds: string[] };
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(ROOT, "gateway/supergraph.graphql"), "utf8"), { openDataDir: (out = await mkdtemp(join(tmpdir(), "open-data-"))) });
  secretary = await mintToken({ sub: "secretaria-compur-export", roles: ["SECRETARY"], councils: ["compur"] });
  await holdMeetings(call, secretary, { published: PUBLISHED_TEXT, draft: DRAFT_TEXT });
  placed = await placeThings();
  vote = await participate();
  // Decide Contagem's records, as the sync imports them (issue 17): exported with where they are kept.
  const { orm, database } = system.subgraphs.participation;
  await applyDecidimSnapshot(orm.em.fork() as EntityManager, contagemSnapshot(), { auditSchema: database.auditSchema });
  const schemas = Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.database.schema]));
  snapshot = await exportOpenData([councils, meetings, participation], { url: testDatabaseUrl(), schemas, outDir: out, consistent: !isEmbedded(), settings: { PII_KEY: TEST_SECRETS.PII_KEY } });
}, 180_000);
afterAll(async () => {
  await system?.stop();
  await rm(out, { recursive: true, force: true });
});

const csvOf = async (name: string) => (await readFile(join(snapshot.dir, `${name}.csv`), "utf8")).split("\r\n").slice(1, -1);

describe("npm run export", () => {
  it("writes a Tabular Data Package that frictionlessdata's library validates, every CSV row against its Table Schema and foreign keys", async () => {
    const dataPackage = await Package.load(join(snapshot.dir, "datapackage.json"), { basePath: snapshot.dir });
    expect(dataPackage.errors.map((e) => e.message)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    expect(dataPackage.resources.map((r) => r.name)).toEqual(expect.arrayContaining(["councils", "meetings", "attendance", "votes", "minutes", "minutes_versions", "resolutions", "proposals", "interventions"]));
    for (const resource of dataPackage.resources) {
      const rows = await resource.read({ cast: true, relations: true }).catch((error: Error & { errors?: Error[] }) => {
        throw new Error(`${resource.name}: ${error.message} ${(error.errors ?? []).slice(0, 3).map((e) => e.message).join("; ")}`);
      });
      expect({ resource: resource.name, rows: rows.length }).toEqual({ resource: resource.name, rows: snapshot.tables.find((t) => t.resource.name === resource.name)!.rows });
    }
  });

  it("states every file's size and SHA-256, in the descriptor and in SHA256SUMS, and they match the bytes", async () => {
    const descriptor = JSON.parse(await readFile(join(snapshot.dir, "datapackage.json"), "utf8"));
    expect(descriptor.licenses).toEqual([expect.objectContaining({ name: "CC-BY-4.0" })]);
    const sums = await readChecksums(snapshot.dir);
    for (const resource of descriptor.resources) {
      const bytes = await readFile(join(snapshot.dir, resource.path));
      expect({ path: resource.path, bytes: resource.bytes, hash: resource.hash }).toEqual({ path: resource.path, bytes: bytes.length, hash: `sha256:${sha256(bytes)}` });
      expect(sums.get(resource.path)).toBe(sha256(bytes));
      // RFC 4180: CRLF line ends, a header naming the schema's fields.
      expect(bytes.toString("utf8").split("\r\n")[0]).toBe(resource.schema.fields.map((f: { name: string }) => f.name).join(","));
      for (const field of resource.schema.fields) expect(field.description).toMatch(/\S[\s\S]*\n\nEnglish: \S/);
    }
    for (const file of ["datapackage.json", "README.md"]) expect(sums.get(file)).toBe(sha256(await readFile(join(snapshot.dir, file))));
    // RFC 4180 read strictly: every record has the header's width, fields with line breaks quoted (the public
    // record's processes have descriptions over several lines), and as many records as the descriptor says.
    for (const resource of descriptor.resources) {
      const records = parse(await readFile(join(snapshot.dir, resource.path)), { relax_column_count: false, relax_quotes: false, record_delimiter: "\r\n" });
      expect({ path: resource.path, records: records.length - 1 }).toEqual({ path: resource.path, records: resource["x-rows"] });
    }
    expect((await readFile(join(snapshot.dir, "processes.csv"), "utf8")).match(/"[^"]*\n[^"]*"/)).not.toBeNull();
    expect(await readFile(join(snapshot.dir, "README.md"), "utf8")).toContain("`minutes_versions.csv`");
  });

  it("holds what an anonymous client of the graph reads: published minutes and versions with their hashes, public names of codes, vote counts", async () => {
    const versions = await csvOf("minutes_versions");
    expect(versions.some((row) => row.includes(sha256(PUBLISHED_TEXT)))).toBe(true);
    expect((await csvOf("minutes")).every((row) => row.includes(",PUBLISHED,"))).toBe(true);
    expect((await csvOf("mandates")).some((row) => row.includes(",FULL_MEMBER,"))).toBe(true);
    expect((await csvOf("votes")).filter((row) => row.endsWith(",FOR"))).toHaveLength(2);
    const { process } = await call(`query($id: ID!) { process(id: $id) { databaseId results { ballots options { votes option { databaseId } } } } }`, { id: vote.processId });
    const proposals = await csvOf("proposals");
    for (const { votes, option } of process.results.options) {
      expect(proposals.find((row) => row.startsWith(`${option.databaseId},`))).toMatch(new RegExp(`,${votes}$`));
    }
    const { councils: list } = await call(`{ councils(first: 1) { totalCount } }`);
    expect(await csvOf("councils")).toHaveLength(list.totalCount);
    // Figures: the graph's own, rounded under the same key (a CSV row per figure the API answers for each grouping).
    const figures = await csvOf("participation_figures");
    const { byChannel, total } = await call(`{ byChannel: participationStats(groupBy: [CHANNEL]) { channel participants activities } total: participationStats(groupBy: []) { participants activities } }`);
    expect(figures.filter((row) => row.startsWith("TOTAL,"))).toEqual(total.map((f: { participants: number; activities: number }) => `TOTAL,,,,,,${f.participants},${f.activities}`));
    expect(figures.filter((row) => row.startsWith("CHANNEL,")).sort()).toEqual(byChannel.map((f: { channel: string; participants: number; activities: number }) => `CHANNEL,,,,,${f.channel},${f.participants},${f.activities}`).sort());
  });

  it("carries Decide Contagem's imported records with where they are kept: their page, Decidim type and id, and when read", async () => {
    const rows = async (name: string) => parse(await readFile(join(snapshot.dir, `${name}.csv`), "utf8"), { columns: true }) as Record<string, string>[];
    const proposals = await rows("proposals");
    const imported = proposals.filter((r) => r.source_system === "DECIDIM");
    expect(imported.map((r) => r.source_external_id).sort()).toEqual(["Project/201", "Project/202", "Project/203", "Proposal/101", "Proposal/102", "Proposal/103", "Proposal/104"]);
    for (const r of imported) {
      expect(r.source_page).toMatch(/^https:\/\/decidim\.contagem\.mg\.gov\.br\/processes\//);
      expect(Number.isNaN(Date.parse(r.source_imported_at))).toBe(false);
    }
    // This system's own rows say so, and carry no Decidim columns.
    const own = proposals.filter((r) => r.source_system === "CONTAGEM");
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.source_page === "" && r.source_external_id === "" && r.source_imported_at === "")).toBe(true);
    expect((await rows("processes")).filter((r) => r.source_system === "DECIDIM").map((r) => r.title).sort()).toEqual(["Compromissos OGP 2022", "Plano de Mobilidade"]);
    const results = await rows("process_results");
    expect(results.map((r) => [r.title, r.progress, r.source_external_id])).toEqual([["Portal de dados abertos", "60", "Result/301"], ["Catálogo de obras", "100", "Result/302"]]);
    expect(results[1].parent_id).toBe(results[0].id);
    const meetings = await rows("assembly_meetings");
    expect(meetings.map((r) => r.title).sort()).toEqual(["Reunião ordinária de abril", "Reunião ordinária de março"]);
    const march = meetings.find((r) => r.title === "Reunião ordinária de março")!;
    expect(JSON.parse(march.agenda)).toEqual([{ title: "Leitura da ata", description: "" }, { title: "Obras da regional", description: "Prioridades de 2026." }]);
    expect(march).toMatchObject({ closed: "true", attendees_count: "23", source_system: "DECIDIM", source_external_id: "Meeting/501" });
  });

  it("gives meetings and works their place: name, address parts, and WGS 84 longitude and latitude as numbers", async () => {
    const rows = async (name: string) => parse(await readFile(join(snapshot.dir, `${name}.csv`)), { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
    const pick = ({ id, location_name, street_address, neighbourhood, postal_code, longitude, latitude }: Record<string, string>) => ({ id, location_name, street_address, neighbourhood, postal_code, longitude, latitude });
    expect(pick((await rows("meetings")).find((row) => row.id === String(placed.meeting))!)).toEqual({
      id: String(placed.meeting), location_name: "Casa dos Conselhos", street_address: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado", postal_code: "32000-000", longitude: "-45.5", latitude: "-20.25",
    });
    expect(pick((await rows("interventions")).find((row) => row.id === String(placed.works))!)).toEqual({
      id: String(placed.works), location_name: "", street_address: "Rua Dois, s/n", neighbourhood: "", postal_code: "", longitude: "-41", latitude: "-16.125",
    });
    const descriptor = JSON.parse(await readFile(join(snapshot.dir, "datapackage.json"), "utf8"));
    const fields = descriptor.resources.find((r: { name: string }) => r.name === "interventions").schema.fields;
    expect(fields.find((f: { name: string }) => f.name === "longitude")).toMatchObject({ type: "number", constraints: { minimum: -180, maximum: 180 } });
    expect(fields.find((f: { name: string }) => f.name === "postal_code")).toMatchObject({ type: "string", constraints: { pattern: "[0-9]{5}-[0-9]{3}" } });
  });

  it("holds no personal datum and no unpublished text, in any file", async () => {
    for (const file of await readdir(snapshot.dir)) {
      const text = await readFile(join(snapshot.dir, file), "utf8");
      for (const needle of needles) expect({ file, found: text.includes(needle) ? needle : null }).toEqual({ file, found: null });
    }
  });

  it("leaves no personal datum and no unpublished text in the feeds of the same system either (Atom and iCalendar)", async () => {
    for (const path of ["/feeds/all.atom", "/feeds/compur.atom", "/feeds/all/deliberations.atom", "/calendar/all.ics", "/calendar/compur.ics"]) {
      const res = await fetch(new URL(path, system.gatewayUrl));
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const text = await res.text();
      for (const needle of needles) expect({ path, found: text.includes(needle) ? needle : null }).toEqual({ path, found: null });
    }
    // The published minutes are there: the crawl reads a feed with content, not an empty one.
    expect(await (await fetch(new URL("/feeds/compur/minutes.atom", system.gatewayUrl))).text()).toContain("requalificação das praças");
  });

  it("replaces the day's snapshot whole on a second export, keeps `latest` pointing at it, and prunes beyond `keep`", async () => {
    const schemas = Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.database.schema]));
    const options = { url: testDatabaseUrl(), schemas, outDir: out, consistent: !isEmbedded(), settings: { PII_KEY: TEST_SECRETS.PII_KEY } };
    await exportOpenData([councils], { ...options, now: new Date(NOW - 3 * DAY) });
    const again = await exportOpenData([councils, meetings, participation], { ...options, keep: 2 });
    expect(again.version).toBe(snapshot.version);
    expect((await readdir(out)).filter((name) => !name.startsWith(".")).sort()).toEqual([date(-3), snapshot.version, "latest"].sort());
    await exportOpenData([councils], { ...options, now: new Date(NOW - 4 * DAY), keep: 2 });
    expect((await readdir(out)).filter((name) => /^\d/.test(name)).sort()).toEqual([date(-3), snapshot.version]);
  });
});

describe("the gateway at /open-data/", () => {
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(new URL(path, system.gatewayUrl), { headers, method });

  it("lists the snapshots and serves each file of `latest` and of a dated snapshot with its SHA-256 as ETag, 304 on revalidation", async () => {
    const index = await (await get("/open-data/")).json();
    expect(index).toMatchObject({ latest: snapshot.version, descriptor: "/open-data/latest/datapackage.json" });
    const file = await readFile(join(snapshot.dir, "councils.csv"));
    for (const path of ["/open-data/latest/councils.csv", `/open-data/${snapshot.version}/councils.csv`]) {
      const res = await get(path, { "accept-encoding": "identity" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
      expect(res.headers.get("etag")).toBe(`"sha256-${sha256(file)}"`);
      expect(res.headers.get("cache-control")).toMatch(/^public, max-age=300/);
      expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
      expect((await get(path, { "if-none-match": res.headers.get("etag")! })).status).toBe(304);
    }
    const descriptor = await get("/open-data/latest/datapackage.json");
    expect((await descriptor.json()).name).toBe("contagem-participacao");
  });

  it("gives a file replaced by a second export the same day its new SHA-256 as ETag, never the old one", async () => {
    const before = (await get("/open-data/latest/councils.csv")).headers.get("etag");
    const admin = await adminToken();
    const { council } = await call(`{ council(slug: "compur") { id version } }`);
    await call(`mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id } } }`, { i: { id: council.id, expectedVersion: council.version, rules: { ordinaryMeetingsPerYear: 11 } } }, admin);
    const schemas = Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.database.schema]));
    await exportOpenData([councils, meetings, participation], { url: testDatabaseUrl(), schemas, outDir: out, consistent: !isEmbedded(), settings: { PII_KEY: TEST_SECRETS.PII_KEY } });
    const res = await get("/open-data/latest/councils.csv", { "accept-encoding": "identity" });
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("etag")).not.toBe(before);
    expect(res.headers.get("etag")).toBe(`"sha256-${sha256(body)}"`);
    expect((await get("/open-data/latest/councils.csv", { "if-none-match": before! })).status).toBe(200);
  });

  it("sends a client to the snapshot's directory (the descriptor's paths are relative), ignores If-Unmodified-Since, gives SHA256SUMS its digest", async () => {
    const moved = await fetch(new URL("/open-data/latest", system.gatewayUrl), { redirect: "manual" });
    expect({ status: moved.status, location: moved.headers.get("location") }).toEqual({ status: 301, location: "/open-data/latest/" });
    expect((await get("/open-data/latest/councils.csv", { "if-unmodified-since": "Tue, 01 Jan 2030 00:00:00 GMT" })).status).toBe(200);
    const sums = await get("/open-data/latest/SHA256SUMS", { "accept-encoding": "identity" });
    expect(sums.headers.get("etag")).toBe(`"sha256-${sha256(await readFile(join(snapshot.dir, "SHA256SUMS")))}"`);
  });

  it("caches an older snapshot for a year (it never changes) and compresses on request", async () => {
    const older = (await readdir(out)).filter((name) => /^\d/.test(name) && name < snapshot.version)[0];
    const res = await get(`/open-data/${older}/councils.csv`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const gz = await get("/open-data/latest/councils.csv", { "accept-encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    // Other bytes than the file's: a weak validator (still 304 on If-None-Match), never the file's strong one.
    const file = await readFile(join(snapshot.dir, "councils.csv"));
    expect(gz.headers.get("etag")).toBe(`W/"sha256-${sha256(file)}"`);
    expect((await get("/open-data/latest/councils.csv", { "accept-encoding": "gzip", "if-none-match": gz.headers.get("etag")! })).status).toBe(304);
  });

  it("serves the whole package as one zip, whose entries are the snapshot's files byte for byte", async () => {
    const res = await get(`/open-data/latest/${OPEN_DATA_ZIP}`, { "accept-encoding": "identity" });
    expect(res.headers.get("content-type")).toBe("application/zip");
    const archive = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("etag")).toBe(`"sha256-${sha256(archive)}"`);
    const entries = unzipSync(archive);
    const files = (await readdir(snapshot.dir)).filter((name) => name !== OPEN_DATA_ZIP && name !== "SHA256SUMS").sort();
    expect(Object.keys(entries).sort()).toEqual(files.map((name) => `${OPEN_DATA_PACKAGE}/${name}`));
    for (const name of files) expect(Buffer.from(entries[`${OPEN_DATA_PACKAGE}/${name}`]).equals(await readFile(join(snapshot.dir, name)))).toBe(true);
  });

  it("serves nothing but a snapshot's listed files: other names, traversal and writes are refused", async () => {
    const refused: [string, string][] = [
      ["/open-data/latest/../../etc/passwd", "BAD_REQUEST"],
      ["/open-data/latest/%2e%2e/x.csv", "BAD_REQUEST"],
      ["/open-data/latest/a/b.csv", "BAD_REQUEST"],
      ["/open-data/nope/", "BAD_REQUEST"],
      ["/open-data//latest/councils.csv", "BAD_REQUEST"],
      ["/open-data/latest/.hidden", "NOT_FOUND"],
      ["/open-data/latest/secret.txt", "NOT_FOUND"],
      ["/open-data/1999-01-01/councils.csv", "NOT_FOUND"],
    ];
    for (const [path, code] of refused) {
      const res = await get(path);
      expect({ path, status: res.status, code: (await res.json()).errors[0].extensions.code }).toEqual({ path, status: 404, code });
    }
    expect((await get("/open-data/latest/councils.csv", {}, "POST")).status).toBe(405);
  });
});
