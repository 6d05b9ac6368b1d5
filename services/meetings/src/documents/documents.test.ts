import { councils } from "@contagem/councils";
import { codesOf, download, gql, makePdf, mintToken, startSystem, upload, type RunningSystem } from "@contagem/testkit";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "../definition";
import { CouncilWorld } from "../meetings.fixtures";


/** Documents (issue 14, part 2): uploaded over HTTP, attached by the council's secretary, served and searched. */
let system: RunningSystem;
let a: CouncilWorld;
let otherSecretary: string;
const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"), {
    settings: { DOCUMENT_MAX_BYTES: String(MAX_BYTES) },
  });
  a = await new CouncilWorld(system.gatewayUrl, "compur").setup();
  otherSecretary = await mintToken({ sub: "secretaria-cmsc", roles: ["SECRETARY"], councils: ["cmsc"] });
});
afterAll(() => system.stop());

const ATTACH = `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { document { id url sha256 byteSize mediaType filename kind } } }`;
const WITHDRAW = `mutation($i: WithdrawDocumentInput!) { withdrawDocument(input: $i) { document { id } } }`;
const VERSION = `query($id: ID!) { minutes(id: $id) { currentVersion { id documents { id url sha256 } } } }`;
const SEARCH = `query($q: String!) { searchMinutes(query: $q, first: 10) { edges { node { excerpt minutes { id } document { id title sha256 url } } } } }`;

/** Held, drafted and approved minutes (not yet published) whose text says nothing of what the PDF says. */
async function approvedMinutes() {
  const draft = await a.draft((await a.heldMeeting()).id, "Ata da reunião ordinária. Presentes os conselheiros titulares.");
  const approved = await a.approve(draft.id, draft.version);
  const { minutes } = await a.call(VERSION, { id: draft.id });
  return { id: draft.id, version: approved.version, versionId: minutes.currentVersion.id as string };
}

describe("documents", () => {
  it("round-trips the signed ata byte-exact with its SHA-256, public and searchable only once the minutes are published", async () => {
    const pdf = await makePdf(["Ata assinada da Reunião Ordinária do COMPUR", "Regularização fundiária do bairro Nacional: aprovada por unanimidade."]);
    const uploaded = await upload(system.gatewayUrl, pdf, a.secretary);
    expect(uploaded).toEqual({ status: 201, body: { sha256: sha256(pdf), mediaType: "application/pdf", byteSize: pdf.length, searchable: true } });
    // The same bytes again are the same content, stored once.
    expect(await upload(system.gatewayUrl, pdf, a.secretary)).toMatchObject({ status: 200, body: { sha256: sha256(pdf) } });

    const minutes = await approvedMinutes();
    const { attachDocument } = await a.call(ATTACH, {
      i: { minutesVersionId: minutes.versionId, sha256: sha256(pdf), kind: "SIGNED_MINUTES", title: "Ata assinada", filename: "Ata nº 6 (assinada).PDF", idempotencyKey: "ata-6" },
    });
    const document = attachDocument.document;
    expect(document).toMatchObject({ sha256: sha256(pdf), byteSize: pdf.length, mediaType: "application/pdf", filename: "Ata-no-6-assinada.pdf", kind: "SIGNED_MINUTES" });
    expect(document.url).toBe(`/documents/${encodeURIComponent(document.id)}/Ata-no-6-assinada.pdf`);

    // A draft's document follows its record: invisible anonymously, on the graph and at its URL; its readers get it, uncached.
    const entity = `query($id: ID!) { _entities(representations: [{ __typename: "Document", id: $id }]) { ... on Document { id } } }`;
    expect((await gql(system.subgraphs.meetings.url, entity, { id: document.id })).data._entities).toEqual([null]);
    expect((await gql(system.subgraphs.meetings.url, entity, { id: document.id }, { token: a.secretary })).data._entities).toEqual([{ id: document.id }]);
    expect((await download(system.gatewayUrl, document.url)).status).toBe(404);
    const early = await download(system.gatewayUrl, document.url, a.secretary);
    expect([early.status, early.headers.get("cache-control")]).toEqual([200, "private, no-store"]);
    expect((await gql(system.gatewayUrl, SEARCH, { q: "regularizacao fundiaria" })).data.searchMinutes.edges).toEqual([]);

    await a.publish(minutes.id, minutes.version);
    const got = await download(system.gatewayUrl, document.url);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(pdf));
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(Object.fromEntries(["content-type", "etag", "cache-control", "x-content-type-options", "content-disposition", "content-length"].map((h) => [h, got.headers.get(h)]))).toEqual({
      "content-type": "application/pdf",
      etag: `"${sha256(pdf)}"`,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-disposition": 'inline; filename="Ata-no-6-assinada.pdf"',
      "content-length": String(pdf.length),
    });
    expect((await download(system.gatewayUrl, document.url, undefined, { "if-none-match": `"${sha256(pdf)}"` })).status).toBe(304);

    // Found by its PDF's words, without their accents, naming the minutes and the document.
    const { data } = await gql(system.gatewayUrl, SEARCH, { q: "regularizacao fundiaria" });
    expect(data.searchMinutes.edges).toHaveLength(1);
    expect(data.searchMinutes.edges[0].node).toMatchObject({ minutes: { id: minutes.id }, document: { id: document.id, sha256: sha256(pdf) } });
    expect(data.searchMinutes.edges[0].node.excerpt).toContain("**Regularização**");

    // Published: nothing is attached to or withdrawn from that version any more.
    const again = await gql(system.gatewayUrl, ATTACH, {
      i: { minutesVersionId: minutes.versionId, sha256: sha256(pdf), kind: "ANNEX", title: "Anexo", filename: "anexo.pdf" },
    }, { token: a.secretary });
    expect(codesOf(again)).toEqual(["RECORD_IMMUTABLE"]);
    expect(codesOf(await gql(system.gatewayUrl, WITHDRAW, { i: { documentId: document.id } }, { token: a.secretary }))).toEqual(["RECORD_IMMUTABLE"]);

    // A correction is a new version with its own signed PDF; the first stays as it was, and both are found.
    const corrected = await makePdf(["Ata retificada", "Onde se lê bairro Nacional, leia-se loteamento Tropical."]);
    await upload(system.gatewayUrl, corrected, a.secretary);
    const { minutes: current } = await a.call(`query($id: ID!) { minutes(id: $id) { version } }`, { id: minutes.id });
    const { amendMinutes } = await a.call(
      `mutation($i: AmendMinutesInput!) { amendMinutes(input: $i) { minutes { versions { number documents { sha256 } } } } }`,
      { i: { minutesId: minutes.id, expectedVersion: current.version, body: "Ata retificada.", reason: "Erro material no nome do bairro", documents: [{ sha256: sha256(corrected), kind: "SIGNED_MINUTES", title: "Ata retificada assinada", filename: "ata-6-retificada.pdf" }] } },
    );
    expect(amendMinutes.minutes.versions.map((v: any) => v.documents.map((d: any) => d.sha256))).toEqual([[sha256(pdf)], [sha256(corrected)]]);
    const found = await gql(system.gatewayUrl, SEARCH, { q: "loteamento tropical" });
    expect(found.data.searchMinutes.edges.map((e: any) => e.node.document.title)).toEqual(["Ata retificada assinada"]);
  });

  it("types a file by its content: a text renamed .pdf is BAD_USER_INPUT, one over the size limit 413, both in our error shape", async () => {
    const fake = await upload(system.gatewayUrl, Buffer.from("Isto não é um PDF, só o nome é ata.pdf\n".repeat(20)), a.secretary);
    expect([fake.status, fake.body.errors[0].extensions.code]).toEqual([400, "BAD_USER_INPUT"]);
    const html = await upload(system.gatewayUrl, Buffer.from("<!doctype html><script>alert(1)</script>"), a.secretary, "text/html");
    expect([html.status, html.body.errors[0].extensions.code]).toEqual([400, "BAD_USER_INPUT"]);
    const big = await upload(system.gatewayUrl, Buffer.alloc(MAX_BYTES + 1, 0x25), a.secretary);
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toMatchObject({ code: "BAD_REQUEST", requestId: expect.any(String) });
  });

  it("takes uploads and attachments from a council's secretary only: anonymous UNAUTHENTICATED, another council's FORBIDDEN", async () => {
    const pdf = await makePdf(["Pauta da reunião extraordinária"]);
    const anonymous = await upload(system.gatewayUrl, pdf);
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([401, "UNAUTHENTICATED"]);
    const citizen = await upload(system.gatewayUrl, pdf, await mintToken({ sub: "cidada", roles: ["CITIZEN"] }));
    expect([citizen.status, citizen.body.errors[0].extensions.code]).toEqual([403, "FORBIDDEN"]);
    const { body } = await upload(system.gatewayUrl, pdf, a.secretary);
    const meeting = await a.convenedMeeting();
    const input = { i: { meetingId: meeting.id, sha256: body.sha256, kind: "AGENDA", title: "Pauta", filename: "pauta.pdf" } };
    expect(codesOf(await gql(system.gatewayUrl, ATTACH, input))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await gql(system.gatewayUrl, ATTACH, input, { token: otherSecretary }))).toEqual(["FORBIDDEN"]);
    // The council's own secretary: the meeting is public, and so is its agenda at once; it stays (a correction is a new document).
    const { attachDocument } = await a.call(ATTACH, input);
    const read = await gql(system.gatewayUrl, `query($id: ID!) { meeting(id: $id) { documents { id title url } } }`, { id: meeting.id });
    expect(read.data.meeting.documents).toEqual([{ id: attachDocument.document.id, title: "Pauta", url: attachDocument.document.url }]);
    expect((await download(system.gatewayUrl, attachDocument.document.url)).bytes.equals(pdf)).toBe(true);
    expect(codesOf(await gql(system.gatewayUrl, WITHDRAW, { i: { documentId: attachDocument.document.id } }, { token: a.secretary }))).toEqual(["RECORD_IMMUTABLE"]);
  });

  it("lets the secretary withdraw a draft's document, which is then gone from the graph and its URL", async () => {
    const pdf = await makePdf(["Minuta da ata, versão para revisão"]);
    await upload(system.gatewayUrl, pdf, a.secretary);
    const minutes = await approvedMinutes();
    const { attachDocument } = await a.call(ATTACH, { i: { minutesVersionId: minutes.versionId, sha256: sha256(pdf), kind: "ANNEX", title: "Minuta", filename: "minuta.pdf" } });
    // Hidden from another council's secretary exactly as an unknown document.
    const hidden = await gql(system.gatewayUrl, WITHDRAW, { i: { documentId: attachDocument.document.id } }, { token: otherSecretary });
    expect(codesOf(hidden)).toEqual(["NOT_FOUND"]);
    await a.call(WITHDRAW, { i: { documentId: attachDocument.document.id } });
    expect((await a.call(VERSION, { id: minutes.id })).minutes.currentVersion.documents).toEqual([]);
    expect((await download(system.gatewayUrl, attachDocument.document.url, a.secretary)).status).toBe(404);
  });
});
