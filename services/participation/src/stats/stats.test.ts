import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { civilToday } from "@contagem/schema";
import { startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { call, citizen, openVote } from "../participation.fixtures";

/** Figures small enough to single someone out are never published. */
let system: RunningSystem;
let regions: Record<string, string>;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  const { territories } = await call(system.gatewayUrl, `{ territories(first: 20) { edges { node { id code } } } }`, {});
  regions = Object.fromEntries(territories.edges.map((e: any) => [e.node.code, e.node.id]));
  const vote = await openVote(system.gatewayUrl);
  // 7 voters from Eldorado, 2 from Riacho.
  const voters = [...Array(7).fill("ELDORADO"), "RIACHO", "RIACHO"];
  for (const [i, region] of voters.entries()) {
    const token = await citizen(system.gatewayUrl, `stats-voter-${i}`, { fullName: `Votante Estatística ${i}`, email: `stats${i}@example.org`, birthDate: "1980-03-03", territoryId: regions[region] });
    await call(system.gatewayUrl, `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, { i: { processId: vote.processId, proposalIds: [vote.optionIds[i % 5]] } }, token);
  }
}, 60_000);
afterAll(() => system.stop());

describe("participation figures", () => {
  it("publish the figure of a territory with 5 or more people, and suppress one with fewer", async () => {
    const { participationStats } = await call(system.gatewayUrl, `{ participationStats(groupBy: [TERRITORY]) { territory { code } participants activities suppressed } }`, {});
    const byRegion = Object.fromEntries(participationStats.map((f: any) => [f.territory.code, f]));
    expect(byRegion.ELDORADO).toEqual({ territory: { code: "ELDORADO" }, participants: 7, activities: 7, suppressed: false });
    expect(byRegion.RIACHO).toEqual({ territory: { code: "RIACHO" }, participants: null, activities: null, suppressed: true });
  });

  it("suppress small groups reached through a territory of the councils subgraph too", async () => {
    const res = await call(system.gatewayUrl, `{ territories(first: 20) { edges { node { code participation(groupBy: [CHANNEL, MONTH]) { channel month participants suppressed } } } } }`, {});
    const byCode = Object.fromEntries(res.territories.edges.map((e: any) => [e.node.code, e.node.participation]));
    const month = civilToday().slice(0, 7);
    expect(byCode.ELDORADO).toEqual([{ channel: "DIGITAL_PLATFORM", month, participants: 7, suppressed: false }]);
    expect(byCode.RIACHO).toEqual([{ channel: "DIGITAL_PLATFORM", month, participants: null, suppressed: true }]);
    expect(byCode.SEDE).toEqual([]);
  });

  it("give the city-wide total", async () => {
    const { participationStats } = await call(system.gatewayUrl, `{ participationStats { participants activities suppressed } }`, {});
    expect(participationStats).toEqual([{ participants: 9, activities: 9, suppressed: false }]);
  });
});
