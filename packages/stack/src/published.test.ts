import { createGateway, type Gateway } from "@contagem/gateway";
import { createLogger } from "@contagem/schema";
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./artifacts";
import { PUBLIC_SCHEMA, SCHEMA_CHANGELOG, sdlOf } from "./schema-release";

// The gateway alone, as production runs it (Rust planner): introspection and the published documents need no subgraph.
let gateway: Gateway;
let base: string;
beforeAll(async () => {
  const supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  gateway = createGateway({ supergraph, subgraphUrls: {}, logger: createLogger("gateway", "silent"), queryPlanner: "rust" });
  base = (await gateway.listen(0, "127.0.0.1")).url.replace(/\/graphql$/, "");
});
afterAll(() => gateway.stop());

const committed = async () => sdlOf(await readFile(join(ROOT, PUBLIC_SCHEMA), "utf8"));
const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

describe("the published client-facing schema", () => {
  it("is what the gateway's introspection answers: every type, field, argument, description and deprecation", async () => {
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }) }),
    });
    const { data, errors } = await res.json();
    expect(errors).toBeUndefined();
    const introspected = printSchema(lexicographicSortSchema(buildClientSchema(data)));
    expect(introspected).toBe(sorted(await committed()));
  });

  it("is served at /schema.graphql as text, with an ETag that answers 304 and a Cache-Control", async () => {
    const res = await fetch(`${base}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
    expect(await res.text()).toBe(await committed());
    const etag = res.headers.get("etag");
    // fetch() asks for gzip: the compressed bytes get the weak form of the document's validator (RFC 9110 §8.8.1).
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect((await fetch(`${base}/schema.graphql`, { headers: { "accept-encoding": "identity" } })).headers.get("etag")).toBe(etag!.slice(2));
    const again = await fetch(`${base}/schema.graphql`, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const head = await fetch(`${base}/schema.graphql`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(Buffer.byteLength(await committed()));
    const post = await fetch(`${base}/schema.graphql`, { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("serves the schema changelog and the reference at /docs, a page that loads nothing from elsewhere", async () => {
    const changelog = await fetch(`${base}/schema-changelog.md`);
    expect(await changelog.text()).toBe(await readFile(join(ROOT, SCHEMA_CHANGELOG), "utf8"));
    const docs = await fetch(`${base}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await docs.text();
    // Every type of the schema has its section (SpectaQL's anchors are `definition-<Type>`, `query-<field>`).
    expect(page).toContain('id="definition-Council"');
    expect(page).toContain('id="query-searchMinutes"');
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    const csp = docs.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'sha256-[^']+'/);
    expect(csp).toContain("default-src 'none'");
  });
});
