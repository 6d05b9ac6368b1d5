import { gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS } from "./artifacts";
import { holdMeetings, type HeldMeetings } from "./record-life.fixtures";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package
const { parseFeed } = require("@rowanmanning/feed-parser") as { parseFeed(xml: string): ParsedFeed };

interface ParsedFeed {
  meta: { type: string; version: string };
  title: string | null; updated: Date | null; self: string | null; language: string | null;
  authors: { name: string | null }[];
  items: {
    id: string | null; title: string | null; url: string | null; description: string | null; content: string | null;
    updated: Date | null; published: Date | null; authors: { name: string | null }[]; categories: { term: string | null; label: string | null }[];
  }[];
}

/**
 * The Atom feeds as a journalist's feed reader reads them: parsed back with an independent parser
 * (@rowanmanning/feed-parser), RFC 4287's required elements present, published minutes, resolutions and decisions
 * with their record's text and hash, an amendment first, a draft never, hostile text escaped, every link answering.
 */
let system: RunningSystem;
let secretary: string;
let held: HeldMeetings;
let resolutionId: string;
const PUBLISHED = "# Ata da 1ª Reunião Ordinária do COMPUR\n\nO Conselho aprovou a requalificação das praças.\n\nPresentes: os conselheiros.";
const DRAFT = "Rascunho sigiloso QZX-ATOM-4410: texto que ninguém publicou.";
const HOSTILE = 'Retificação: <script>alert("x")</script> & ]]> <b>negrito</b>';

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(system.gatewayUrl, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 60)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}
const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(new URL(path, system.gatewayUrl), { headers, method });
const feedOf = async (path: string) => {
  const res = await get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseFeed(await res.text());
};

beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
  secretary = await mintToken({ sub: "secretaria-compur-atom", roles: ["SECRETARY"], councils: ["compur"] });
  held = await holdMeetings(call, secretary, { published: PUBLISHED, draft: DRAFT });
  const { adoptResolution } = await call(`mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id } } }`, {
    i: { meetingId: held.first.id, deliberationId: held.deliberationId, summary: "Aprova a requalificação das praças.", body: "Art. 1º Fica aprovada a requalificação das praças.", gazetteEdition: 6051 },
  }, secretary);
  resolutionId = adoptResolution.resolution.id;
}, 180_000);
afterAll(() => system.stop());

describe("/feeds/<council>.atom", () => {
  it("parses as Atom 1.0 with RFC 4287's required elements, and holds the published minutes, the resolution and the decision", async () => {
    const res = await get("/feeds/compur.atom");
    const text = await res.text();
    const feed = parseFeed(text);
    expect(feed.meta).toEqual({ type: "atom", version: "1.0" });
    // The parser gives no feed id: RFC 4287 §4.1.1 wants one (and an updated), read from the document.
    expect(text).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="pt-BR">\s*<id>tag:contagem-participation-graph,2026:feeds\/compur<\/id>/);
    expect(feed.updated).toBeInstanceOf(Date);
    expect(feed.title).toBe("Atas, resoluções e deliberações — COMPUR");
    expect(feed.language).toBe("pt-BR");
    expect(feed.self).toBe(new URL("/feeds/compur.atom", system.gatewayUrl).href);
    expect(feed.authors[0].name).toMatch(/Sistema Municipal de Participação/);
    const byId = new Map(feed.items.map((item) => [item.id, item]));
    const minutes = byId.get(`tag:contagem-participation-graph,2026:${held.publishedMinutesId}`)!;
    const { minutes: record } = await call(`query($id: ID!) { minutes(id: $id) { label currentVersion { sha256 } } }`, { id: held.publishedMinutesId });
    expect(minutes.title).toBe(`${record.label} — COMPUR`);
    expect(minutes.description).toContain("DOC) nº 6050, p. 12-14");
    expect(minutes.content).toContain(record.currentVersion.sha256);
    expect(minutes.content).toContain("<p>O Conselho aprovou a requalificação das praças.</p>");
    expect(minutes.categories.map((c) => c.term)).toEqual(["minutes", "compur"]);
    expect(minutes.authors[0].name).toMatch(/Conselho Municipal de Política Urbana/);
    const resolution = byId.get(`tag:contagem-participation-graph,2026:${resolutionId}`)!;
    expect(resolution.content).toContain("Art. 1º Fica aprovada a requalificação das praças.");
    expect(resolution.description).toContain("Situação: em vigor.");
    const decision = byId.get(`tag:contagem-participation-graph,2026:${held.deliberationId}`)!;
    expect(decision.title).toBe("COMPUR: aprovada — Aprovada a requalificação.");
    expect(decision.description).toContain("2 a favor, 0 contra, 0 abstenções");
    for (const item of feed.items) {
      expect(item.updated).toBeInstanceOf(Date);
      expect(item.title).toBeTruthy();
    }
  });

  it("never shows a draft, and lists an amended record first with its new text, hostile markup escaped", async () => {
    const before = await (await get("/feeds/compur.atom")).text();
    expect(before).not.toContain("QZX-ATOM");
    expect(before).not.toContain(`tag:contagem-participation-graph,2026:${held.draftMinutesId}<`);
    const { minutes } = await call(`query($id: ID!) { minutes(id: $id) { version } }`, { id: held.publishedMinutesId });
    await call(`mutation($i: AmendMinutesInput!) { amendMinutes(input: $i) { minutes { id } } }`, {
      i: { minutesId: held.publishedMinutesId, expectedVersion: minutes.version, body: `${PUBLISHED}\n\n${HOSTILE}`, reason: "Erro material" },
    }, secretary);
    const text = await (await get("/feeds/compur/minutes.atom")).text();
    expect(text).not.toContain("<script>");
    // Markup in the record's text is text: escaped into the entry's HTML, so a reader shows it and never runs it.
    expect(text).toContain("<p>Retificação: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; &lt;b&gt;negrito&lt;/b&gt;</p>");
    const feed = parseFeed(text);
    expect(feed.items[0].id).toBe(`tag:contagem-participation-graph,2026:${held.publishedMinutesId}`);
    expect(feed.items[0].description).toContain("Versão 2");
    expect(feed.items.every((item) => item.categories[0].term === "minutes")).toBe(true);
  });

  it("links each entry to its record in the graph, a GET any reader can follow", async () => {
    const feed = await feedOf("/feeds/compur/resolutions.atom");
    const item = feed.items.find((i) => i.id?.endsWith(resolutionId))!;
    const res = await fetch(item.url!);
    expect(res.status).toBe(200);
    expect((await res.json()).data.node).toEqual({ __typename: "Resolution", id: resolutionId });
  });

  it("answers /feeds/all.atom across councils, and a kind alone", async () => {
    const all = await feedOf("/feeds/all.atom");
    expect(all.title).toBe("Atas, resoluções e deliberações dos conselhos de Contagem");
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all.items.length).toBeLessThanOrEqual(50);
    const times = all.items.map((item) => item.updated!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const decisions = await feedOf("/feeds/all/deliberations.atom");
    expect(decisions.items.map((i) => i.id)).toContain(`tag:contagem-participation-graph,2026:${held.deliberationId}`);
    expect(decisions.items.every((item) => item.categories[0].term === "deliberations")).toBe(true);
  });

  it("revalidates with its ETag, and refuses what it does not serve", async () => {
    const first = await get("/feeds/compur.atom");
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toMatch(/max-age=300/);
    expect((await get("/feeds/compur.atom", { "if-none-match": etag })).status).toBe(304);
    const unknown = await get("/feeds/nao-existe.atom");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe("NOT_FOUND");
    for (const path of ["/feeds/compur/votes.atom", "/feeds/compur.rss", "/feeds/a%2F..%2Fgraphql.atom", "/feeds/%ZZ.atom"]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    expect((await get("/feeds/compur.atom", {}, "POST")).status).toBe(405);
  });

  it("/feeds/all lists published minutes corrected lately even when their meeting is older than the newest 100 held meetings", async () => {
    // 100 more held meetings after COMPUR's (copies of its latest held meeting, an hour apart), as a busy year makes them.
    const connection = system.subgraphs.meetings.orm.em.getConnection();
    const schema = system.subgraphs.meetings.database.schema;
    const columns = (
      await connection.execute<{ column_name: string }[]>(
        `select column_name from information_schema.columns where table_schema = ? and table_name = 'meeting' and is_generated = 'NEVER'
           and column_name not in ('id', 'record_key', 'starts_at', 'created_at', 'updated_at')`,
        [schema],
      )
    ).map((c) => `"${c.column_name}"`);
    await connection.execute(
      `insert into "${schema}".meeting (starts_at, ${columns.join(", ")})
         select now() - interval '1 day' + g * interval '1 hour', ${columns.map((c) => `m.${c}`).join(", ")}
         from (select * from "${schema}".meeting where status = 'HELD' order by starts_at desc limit 1) m, generate_series(1, 100) g`,
    );
    const { minutes } = await call(`query($id: ID!) { minutes(id: $id) { version } }`, { id: held.publishedMinutesId });
    await call(`mutation($i: AmendMinutesInput!) { amendMinutes(input: $i) { minutes { id } } }`, {
      i: { minutesId: held.publishedMinutesId, expectedVersion: minutes.version, body: `${PUBLISHED}\n\nRetificação tardia.`, reason: "Erro material" },
    }, secretary);
    const feed = await feedOf("/feeds/all/minutes.atom");
    expect(feed.items[0].id).toBe(`tag:contagem-participation-graph,2026:${held.publishedMinutesId}`);
    expect(feed.items[0].content).toContain("Retificação tardia.");
  });
});
