import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { gql, startSystem, type RunningSystem } from "@contagem/testkit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { contagemSnapshot, HOST } from "./decidim.fixtures";
import { applyDecidimSnapshot } from "./import";
import type { DecidimSnapshot } from "./records";

/** The fields Decide Contagem's records add cost the same number of statements for 5 items as for 50 (issue 17). */
const REGIONS = ["sede", "eldorado", "industrial", "nacional", "petrolandia", "ressaca", "riacho", "vargem-das-flores"];

/**
 * 60 processes with results (nested); an assembly for every council (by the default slug rule) and more, 60 at least,
 * with 3 meetings each.
 */
function manySnapshot(councilSlugs: string[]): DecidimSnapshot {
  const base = contagemSnapshot();
  const own = councilSlugs.map((slug) => slug.replace(/^conselho-/, ""));
  const slugs = [...new Set([...own, ...Array.from({ length: 60 }, (_, i) => `espaco-${i}`)])];
  const assemblies = slugs.map((slug, i) => ({ ...base.assemblies[0], externalId: String(1000 + i), slug, url: `${HOST}/assemblies/${slug}`, title: `Espaço ${slug}` }));
  const processes = Array.from({ length: 60 }, (_, i) => ({ ...base.processes[1], externalId: String(2000 + i), slug: `consulta-${i}`, url: `${HOST}/processes/consulta-${i}`, title: `Consulta ${i}` }));
  return {
    ...base,
    processes,
    assemblies,
    proposals: processes.map((p, i) => ({ ...base.proposals[0], externalId: String(3000 + i), space: { type: "ParticipatoryProcess" as const, externalId: p.externalId } })),
    projects: [],
    results: processes.flatMap((p, i) => [0, 1].map((k) => ({
      ...base.results[k], externalId: String(4000 + 2 * i + k), parentExternalId: k === 1 ? String(4000 + 2 * i) : null,
      space: { type: "ParticipatoryProcess" as const, externalId: p.externalId },
    }))),
    meetings: assemblies.flatMap((a, i) => [0, 1, 2].map((k) => ({
      ...base.meetings[0], externalId: String(5000 + 3 * i + k), space: { type: "Assembly" as const, externalId: a.externalId }, startTime: `2026-0${k + 3}-10T19:00:00-03:00`,
    }))),
  };
}

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"), { queryLimits: false });
  const { data } = await gql(system.gatewayUrl, `{ councils(first: 100) { edges { node { slug } } } }`);
  const slugs = data.councils.edges.map((e: { node: { slug: string } }) => e.node.slug);
  await applyDecidimSnapshot(system.subgraphs.participation.orm.em.fork() as EntityManager, manySnapshot(slugs), { auditSchema: system.subgraphs.participation.database.auditSchema });
}, 120_000);
afterAll(() => system.stop());

async function statements(query: string, n: number) {
  const subgraphs = Object.values(system.subgraphs);
  subgraphs.forEach((s) => s.sql.reset());
  const res = await gql(system.gatewayUrl, query, { n });
  expect(res.errors).toBeUndefined();
  return { total: subgraphs.reduce((sum, s) => sum + s.sql.count, 0), data: res.data };
}

describe("batching (Decide Contagem's records)", () => {
  it.each([
    ["assemblies with their source, council and meetings",
      `query($n: Int) { assemblies(first: $n) { edges { node { slug source { system url } council { name }
        meetings(first: 2) { totalCount edges { node { title agenda { title } assembly { slug } source { externalId } } } } } } } }`],
    ["imported processes with results (and their parents), proposals and sources",
      `query($n: Int) { processes(first: $n, filter: { kind: PUBLIC_CONSULTATION }) { edges { node { title source { system } phases { kind }
        processResults(first: 2) { totalCount edges { node { title progress parent { title } process { title } source { url } } } }
        proposals(first: 2) { edges { node { officialAnswer authorsCount source { externalId } } } } } } } }`],
    ["councils with their Decidim assembly and its meetings",
      `query($n: Int) { councils(first: $n) { edges { node { slug decidimAssembly { slug meetings(first: 2) { totalCount edges { node { title } } } } } } } }`],
  ])("%s cost the same for 5 and 50", async (_name, query) => {
    const five = await statements(query, 5);
    const fifty = await statements(query, 50);
    expect(fifty.total).toBe(five.total);
  });

  it("finds every regional council's assembly by slug", async () => {
    const { data } = await statements(`query($n: Int) { councils(first: $n, filter: { kind: REGIONAL }) { edges { node { slug decidimAssembly { slug meetings(first: 1) { totalCount } } } } } }`, 50);
    const found = data.councils.edges.map((e: any) => [e.node.slug, e.node.decidimAssembly?.slug, e.node.decidimAssembly?.meetings.totalCount]);
    expect(found.sort()).toEqual(REGIONS.map((r) => [`conselho-regional-${r}`, `regional-${r}`, 3]).sort());
  });
});
