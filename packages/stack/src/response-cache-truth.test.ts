import { createGateway } from "@contagem/gateway";
import { createLogger, createVerifier } from "@contagem/schema";
import { adminToken, gql, introspect, rootQueries, startSystem, TEST_AUTH, type RunningSystem } from "@contagem/testkit";
import { CouncilWorld } from "../../../services/meetings/src/meetings.fixtures";
import { call, citizen, openVote, staffToken, testCpf } from "../../../services/participation/src/participation.fixtures";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The response cache tells the truth: after a mutation through the gateway, no cached answer that could hold what
 * changed (the record, its lists, its counts) is served; and the cache never changes an answer.
 */
let cached: RunningSystem;
let supergraph: string;
beforeAll(async () => {
  supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  cached = await startSystem(DEFINITIONS, supergraph, { responseCacheTtlMs: 60_000 });
}, 120_000);
afterAll(() => cached.stop());

/** Asks twice, so that the second answer comes from the cache if anything does. */
const read = async (query: string, variables?: Record<string, unknown>) => {
  await gql(cached.gatewayUrl, query, variables);
  const res = await gql(cached.gatewayUrl, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
};

describe("after a mutation through the gateway, cached answers holding what changed are gone", () => {
  it("a resolution amended by another one reads AMENDED at once", async () => {
    const world = await new CouncilWorld(cached.gatewayUrl, "compur").setup();
    const meeting = await world.heldMeeting();
    const { adoptResolution } = await world.call(`mutation($i: AdoptResolutionInput!) { adoptResolution(input: $i) { resolution { id version } } }`, {
      i: { meetingId: meeting.id, summary: "Aprova o regimento interno", body: "Art. 1º Fica aprovado o regimento." },
    });
    const query = `query($id: ID!) { resolution(id: $id) { status amendedBy { label } } }`;
    expect((await read(query, { id: adoptResolution.resolution.id })).resolution.status).toBe("IN_FORCE");
    await world.call(`mutation($i: ChangeResolutionInput!) { amendResolution(input: $i) { resolution { id } } }`, {
      i: {
        resolutionId: adoptResolution.resolution.id,
        expectedVersion: adoptResolution.resolution.version,
        meetingId: (await world.heldMeeting()).id,
        summary: "Altera o regimento interno",
        body: "Art. 1º O art. 1º passa a vigorar com nova redação.",
      },
    });
    const after = await gql(cached.gatewayUrl, query, { id: adoptResolution.resolution.id });
    expect(after.data.resolution.status).toBe("AMENDED");
    expect(after.data.resolution.amendedBy).toHaveLength(1);
  });

  it("a comment moderated to PUBLISHED appears in the cached list and count", async () => {
    const url = cached.gatewayUrl;
    const vote = await openVote(url, 2);
    const token = await citizen(url, "cache-truth-citizen", { fullName: "Maria Teste", email: "maria@exemplo.invalid", cpf: testCpf(901), birthDate: "1980-05-01" });
    const { contribute } = await call(url, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version } } }`, {
      i: { proposalId: vote.optionIds[0], body: "Apoio esta proposta para a praça." },
    }, token);
    const query = `query($id: ID!) { proposal(id: $id) { contributions(first: 10) { totalCount edges { node { body } } } } }`;
    expect((await read(query, { id: vote.optionIds[0] })).proposal.contributions.totalCount).toBe(0);
    await call(url, `mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { id } } }`, {
      i: { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status: "PUBLISHED" },
    }, await staffToken());
    const after = (await gql(url, query, { id: vote.optionIds[0] })).data.proposal.contributions;
    expect(after.totalCount).toBe(1);
    expect(after.edges[0].node.body).toBe("Apoio esta proposta para a praça.");
  });

  it("a council created through the gateway is found at once where the cache said null", async () => {
    const query = `query($s: String) { council(slug: $s) { name } councils(first: 100) { totalCount } }`;
    const before = await read(query, { s: "conselho-teste-cache" });
    expect(before.council).toBeNull();
    const created = await gql(cached.gatewayUrl, `mutation($i: CreateCouncilInput!) { createCouncil(input: $i) { council { id } } }`, {
      i: { slug: "conselho-teste-cache", acronym: "CTC", name: "Conselho Teste do Cache", kind: "POLICY" },
    }, { token: await adminToken() });
    expect(created.errors).toBeUndefined();
    const after = (await gql(cached.gatewayUrl, query, { s: "conselho-teste-cache" })).data;
    expect(after.council).toEqual({ name: "Conselho Teste do Cache" });
    expect(after.councils.totalCount).toBe(before.councils.totalCount + 1);
  });
});

describe("the cache never changes an answer", () => {
  it("answers representative federated queries alike with the cache on and off, anonymous and with a token", async () => {
    // A second gateway without the cache, over the same subgraphs: the same data, asked both ways.
    const plain = createGateway({
      supergraph,
      subgraphUrls: Object.fromEntries(Object.values(cached.subgraphs).map((s) => [s.name, s.url])),
      logger: createLogger("test-gateway", "silent"),
      verify: await createVerifier(TEST_AUTH),
    });
    const { url: uncachedUrl } = await plain.listen(0);
    try {
      const schema = await introspect(cached.gatewayUrl);
      const queries = [
        ...rootQueries(schema, { depth: 2, skip: ["auditTrail", "participant", "participants", "me", "exportMyData", "contributionsForModeration"] }).map((r) => r.query),
        ...(await Promise.all(
          ["1-third-party-read.graphql", "2-deep-federated-page.graphql", "3-search.graphql", "4-participation-figures.graphql"].map((f) =>
            readFile(join(ROOT, "bench", "scenarios", f), "utf8"),
          ),
        )),
      ];
      const token = await adminToken();
      const strip = (r: Awaited<ReturnType<typeof gql>>) => ({ data: r.data, codes: (r.errors ?? []).map((e) => e.extensions?.code) });
      let compared = 0;
      for (const query of queries) {
        for (const options of [{}, { token }]) {
          // Twice through the cached gateway, so that its second answer is a cache hit where one can be.
          await gql(cached.gatewayUrl, query, { slug: "compur" }, options);
          const on = strip(await gql(cached.gatewayUrl, query, { slug: "compur" }, options));
          const off = strip(await gql(uncachedUrl, query, { slug: "compur" }, options));
          expect({ query, ...on }).toEqual({ query, ...off });
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(40);
    } finally {
      await plain.stop();
    }
  }, 180_000);
});
