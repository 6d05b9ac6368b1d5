import { createLogger } from "@contagem/common";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTrustedDocuments, trustedDocumentsOf } from "./persisted-documents";
import { createGateway, type Gateway } from "./server";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const DOC = "query Typename { __typename }";

describe("trusted documents manifests", () => {
  it("reads GraphQL Code Generator's and Apollo's manifests alike", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trusted-"));
    try {
      await writeFile(join(dir, "codegen.json"), JSON.stringify({ [sha256(DOC)]: DOC }));
      await writeFile(
        join(dir, "apollo.json"),
        JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: sha256(DOC), name: "Typename", type: "query", body: DOC }] }),
      );
      expect(readTrustedDocuments(join(dir, "codegen.json"))).toEqual(new Map([[sha256(DOC), DOC]]));
      expect(readTrustedDocuments(join(dir, "apollo.json"))).toEqual(new Map([[sha256(DOC), DOC]]));
      expect(() => readTrustedDocuments(join(dir, "missing.json"))).toThrow(/TRUSTED_DOCUMENTS: cannot read/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it("refuses a manifest whose ids are not the SHA-256 of their documents (codegen's default is SHA-1), or that is empty", () => {
    const sha1 = createHash("sha1").update(DOC).digest("hex");
    expect(() => trustedDocumentsOf({ [sha1]: DOC })).toThrow(/is not the SHA-256 of its document/);
    expect(() => trustedDocumentsOf({ [sha256(DOC)]: 42 })).toThrow(/without a string id and document/);
    expect(() => trustedDocumentsOf({})).toThrow(/lists no document/);
    expect(() => trustedDocumentsOf([DOC])).toThrow(/not a JSON object/);
  });
});

describe("a gateway that accepts only trusted documents", () => {
  let gateway: Gateway;
  let url: string;
  beforeAll(async () => {
    const supergraph = await readFile(join(__dirname, "..", "supergraph.graphql"), "utf8");
    // Nothing here reaches a subgraph: the trusted document asks only for __typename, the rest is refused before.
    const nowhere = "http://127.0.0.1:9/graphql";
    gateway = createGateway({
      supergraph,
      subgraphUrls: { councils: nowhere, meetings: nowhere, participation: nowhere },
      logger: createLogger("test-gateway", "silent"),
      persistedDocuments: { trusted: new Map([[sha256(DOC), DOC]]), trustedOnly: true },
    });
    url = (await gateway.listen(0)).url;
  });
  afterAll(() => gateway.stop());

  const post = async (body: unknown) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  it("answers a trusted document by its hash", async () => {
    expect(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(DOC) } } })).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
  });

  it("refuses any other document, registration included, and unknown hashes", async () => {
    const text = await post({ query: DOC });
    expect(text.status).toBe(400);
    expect(text.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    const registering = await post({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ __typename }") } } });
    expect(registering.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ __typename }") } } });
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
