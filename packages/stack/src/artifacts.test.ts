import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildArtifacts, ROOT, staleArtifacts } from "./artifacts";
import { RELEASED_SCHEMA } from "./schema-release";

describe("committed schema artifacts", () => {
  it("match what the code generates: each subgraph's SDL, the composed supergraph, the public schema and its changelog", async () => {
    // When this fails: run `npm run schema`, review the diff of the public contract, and commit it.
    expect(await staleArtifacts()).toEqual([]);
  });

  it("are reported stale when the committed supergraph differs from the composition", async () => {
    const dir = await mkdtemp(join(tmpdir(), "artifacts-"));
    try {
      // The generated files, and the released schema the changelog is generated against.
      for (const path of [...(await buildArtifacts()).map((a) => a.path), RELEASED_SCHEMA]) {
        await cp(join(ROOT, path), join(dir, path), { recursive: true });
      }
      const supergraph = join(dir, "gateway", "supergraph.graphql");
      await writeFile(supergraph, (await readFile(supergraph, "utf8")).replace("type Council", "type Counsel"));
      expect(await staleArtifacts(dir)).toEqual(["gateway/supergraph.graphql"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("compose without errors into a supergraph that serves every subgraph", async () => {
    const supergraph = (await buildArtifacts()).find((a) => a.path.endsWith("supergraph.graphql"))!.content;
    expect(supergraph).toMatch(/join__graph\(name: "councils"/);
  });
});
