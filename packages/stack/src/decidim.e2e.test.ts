import { DecidimStandin } from "@contagem/decidim-standin";
import { gql, until } from "@contagem/testkit";
import { startStackProcess, type StackProcess } from "./stack-process.fixtures";

/**
 * Issue 17's acceptance as an operator sees it: with the stand-in Decidim running and DECIDIM_API_URL pointing at it,
 * `npm start` imports it (its decidim-sync process, a job on the webhooks' queue); the graph answers a council's
 * Decidim assembly meetings and a Decidim process's proposals and results with their sources; a proposal hidden in the
 * stand-in is gone from the graph after the next sync. (The crawl for authors' personal data over a stand-in import:
 * services/participation/src/decidim/standin.e2e.test.ts.)
 */
const standin = new DecidimStandin();
let stack: StackProcess | undefined;
let apiUrl = "";

beforeAll(async () => {
  ({ apiUrl } = await standin.start());
  stack = await startStackProcess({
    command: "npm",
    prefix: "contagem-decidim",
    env: { DECIDIM_API_URL: apiUrl, DECIDIM_SYNC_INTERVAL: "10", DECIDIM_REQUESTS_PER_MINUTE: "6000" },
  });
}, 200_000);
afterAll(async () => {
  await stack?.cleanup();
  await standin.stop();
});

const SOURCE = "source { system url externalId importedAt }";

it("imports Decide Contagem's stand-in under npm start, with sources, and drops a proposal hidden there on the next sync", async () => {
  const url = stack!.gatewayUrl;
  const assemblyQuery = `{ council(slug: "conselho-regional-nacional") { decidimAssembly { slug meetings(first: 5) { totalCount edges { node { title startsAt ${SOURCE} } } } } } }`;
  let council: any;
  await until(async () => {
    council = (await gql(url, assemblyQuery)).data?.council;
    return council?.decidimAssembly?.meetings.totalCount > 0;
  }, 120_000).catch(() => {
    throw new Error(`no import within 2 minutes:\n${stack!.output().slice(-4000)}`);
  });
  expect(stack!.output()).toMatch(/decidim sync applied/);
  const meeting = council.decidimAssembly.meetings.edges[0].node;
  expect(meeting.source).toMatchObject({ system: "DECIDIM", url: expect.stringMatching(new RegExp(`^${new URL(apiUrl).origin}/assemblies/regional-nacional/f/\\d+/meetings/\\d+$`)), externalId: expect.stringMatching(/^Meeting\/\d+$/) });

  // Within the public query limits: the processes first, then the consultation's proposals and the results.
  const processes = await gql(url, `{ processes(first: 30) { edges { node { id title ${SOURCE} proposals(first: 1) { totalCount } processResults(first: 1) { totalCount } } } } }`);
  expect(processes.errors).toBeUndefined();
  const imported = (processes.data as any).processes.edges.map((e: any) => e.node).filter((p: any) => p.source.system === "DECIDIM");
  const consultation = [...imported].sort((a: any, b: any) => b.proposals.totalCount - a.proposals.totalCount)[0];
  expect(consultation.proposals.totalCount).toBeGreaterThan(50);
  const withResults = imported.find((p: any) => p.processResults.totalCount > 0);
  expect(consultation.source.externalId).toMatch(/^ParticipatoryProcess\/\d+$/);
  const detail = await gql(url, `query($a: ID!, $b: ID!) { a: process(id: $a) { proposals(first: 50) { edges { node { databaseId status ${SOURCE} } } } } b: process(id: $b) { processResults(first: 5) { edges { node { title progress ${SOURCE} } } } } }`, { a: consultation.id, b: withResults.id });
  expect(detail.errors).toBeUndefined();
  expect((detail.data as any).b.processResults.edges[0].node.source).toMatchObject({ system: "DECIDIM", externalId: expect.stringMatching(/^Result\/\d+$/) });
  const victim = (detail.data as any).a.proposals.edges.map((e: any) => e.node).find((p: any) => p.status === "PUBLISHED");
  expect(victim.source).toMatchObject({ system: "DECIDIM", externalId: expect.stringMatching(/^Proposal\/\d+$/), importedAt: expect.any(String) });

  // Decidim's moderators hide it: the next sync (every 10 s here) removes it from the graph.
  standin.store.hide("proposal", Number(victim.source.externalId.split("/")[1]));
  const read = `query($id: ID!) { proposal(id: $id) { id } }`;
  await until(async () => (await gql(url, read, { id: String(victim.databaseId) })).data?.proposal === null, 90_000);
}, 300_000);
